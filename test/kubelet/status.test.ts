import { describe, expect, it } from 'vitest';
import { buildPodStatus } from '../../src/kubelet/status.js';
import type { ContainerRecord, PodRecord } from '../../src/kubelet/state.js';

const NOW = Date.parse('2024-05-01T10:00:30Z');
const EARLIER = '2024-05-01T09:00:00Z';

function pod(names: string[], conditions: any[] = []): any {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'u1' },
    spec: { nodeName: 'n1', containers: names.map((name) => ({ name, image: 'busybox' })) },
    status: { phase: 'Pending', conditions },
  };
}

function running(readyAt = 0): ContainerRecord {
  return { stage: 'run', restarts: 0, pullFailures: 0, startedAt: NOW - 1000, readyAt, containerId: 'containerd://abc' };
}

function completed(exitCode: number): ContainerRecord {
  return {
    stage: 'done', restarts: 0, pullFailures: 0, startedAt: NOW - 2000, containerId: 'containerd://abc',
    last: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: NOW - 2000, finishedAt: NOW - 1000 },
  };
}

function record(containers: Record<string, ContainerRecord>): PodRecord {
  return { containers };
}

const scheduled = { lastProbeTime: null, lastTransitionTime: EARLIER, status: 'True', type: 'PodScheduled' };

describe('buildPodStatus', () => {
  it('lists unready containers in Ready', () => {
    const waiting: ContainerRecord = { stage: 'pull', restarts: 0, pullFailures: 0, waitingReason: 'ContainerCreating' };
    const status = buildPodStatus(pod(['a', 'b', 'c'], [scheduled]), record({ a: waiting, b: running(), c: running(NOW + 5000) }), NOW, 132);
    expect(status.phase).toBe('Running');
    expect(JSON.stringify(status.conditions)).toBe(
      JSON.stringify([
        { lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:30Z', status: 'True', type: 'PodReadyToStartContainers' },
        { lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:30Z', status: 'True', type: 'Initialized' },
        { lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:30Z', status: 'False', type: 'Ready', reason: 'ContainersNotReady', message: 'containers with unready status: [a c]' },
        { lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:30Z', status: 'False', type: 'ContainersReady', reason: 'ContainersNotReady', message: 'containers with unready status: [a c]' },
        scheduled,
      ]),
    );
  });

  it('gives a failed pod PodFailed on Ready and ContainersReady, without a message', () => {
    const status = buildPodStatus(pod(['a', 'b'], [scheduled]), record({ a: completed(1), b: completed(0) }), NOW, 132);
    expect(status.phase).toBe('Failed');
    const readiness = status.conditions.filter((c: any) => c.type === 'Ready' || c.type === 'ContainersReady');
    expect(JSON.stringify(readiness)).toBe(
      JSON.stringify([
        { lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:30Z', status: 'False', type: 'Ready', reason: 'PodFailed' },
        { lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:30Z', status: 'False', type: 'ContainersReady', reason: 'PodFailed' },
      ]),
    );
  });

  it('marks a failed pod not ready while its containers still stop, past its deadline', () => {
    const rec: PodRecord = { containers: { a: running() }, failure: { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' } };
    const status = buildPodStatus(pod(['a'], [scheduled]), rec, NOW, 132);
    expect(status.phase).toBe('Failed');
    const ready = status.conditions.find((c: any) => c.type === 'Ready');
    expect([ready.status, ready.reason, ready.message]).toEqual(['False', 'PodFailed', undefined]);
  });

  it('lists the unready containers of a failed pod on clusters before 1.27', () => {
    const status = buildPodStatus(pod(['a'], [scheduled]), record({ a: completed(1) }), NOW, 126);
    const ready = status.conditions.find((c: any) => c.type === 'Ready');
    expect([ready.reason, ready.message]).toEqual(['ContainersNotReady', 'containers with unready status: [a]']);
  });

  it('marks a completed pod PodCompleted', () => {
    const status = buildPodStatus(pod(['a'], [scheduled]), record({ a: completed(0) }), NOW, 132);
    expect(status.phase).toBe('Succeeded');
    const ready = status.conditions.find((c: any) => c.type === 'Ready');
    expect(JSON.stringify(ready)).toBe(
      JSON.stringify({ lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:30Z', status: 'False', type: 'Ready', reason: 'PodCompleted' }),
    );
    expect(status.conditions[0]).toEqual({ lastProbeTime: null, lastTransitionTime: '2024-05-01T10:00:30Z', status: 'False', type: 'PodReadyToStartContainers' });
  });

  it('fails a pod with a failed container', () => {
    const status = buildPodStatus(pod(['a', 'b']), record({ a: completed(0), b: completed(1) }), NOW, 132);
    expect(status.phase).toBe('Failed');
  });

  it('keeps transition times that did not change', () => {
    const before = [
      { lastProbeTime: null, lastTransitionTime: EARLIER, status: 'True', type: 'Initialized' },
      { lastProbeTime: null, lastTransitionTime: EARLIER, status: 'True', type: 'Ready' },
      { lastProbeTime: null, lastTransitionTime: '2024-05-01T09:30:00Z', status: 'True', type: 'Ready' },
      { lastProbeTime: null, lastTransitionTime: EARLIER, status: 'False', type: 'ContainersReady' },
    ];
    const status = buildPodStatus(pod(['a'], before), record({ a: running() }), NOW, 132);
    expect(status.conditions.map((c: any) => `${c.type}=${c.status}@${c.lastTransitionTime}`)).toEqual([
      'PodReadyToStartContainers=True@2024-05-01T10:00:30Z',
      'Initialized=True@2024-05-01T09:00:00Z',
      'Ready=True@2024-05-01T09:00:00Z',
      'ContainersReady=True@2024-05-01T10:00:30Z',
    ]);
  });

  it('omits PodReadyToStartContainers before 1.29', () => {
    const status = buildPodStatus(pod(['a']), record({ a: running() }), NOW, 128);
    expect(status.conditions.map((c: any) => c.type)).toEqual(['Initialized', 'Ready', 'ContainersReady']);
  });

  it('reports the failure of the whole pod', () => {
    const rec = record({ a: completed(137) });
    rec.failure = { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };
    const status = buildPodStatus(pod(['a']), rec, NOW, 132);
    expect(Object.keys(status)).toEqual(['phase', 'conditions', 'containerStatuses', 'reason', 'message']);
    expect(status.phase).toBe('Failed');
    expect(status.reason).toBe('DeadlineExceeded');
  });

  it('fills the status in place only when asked', () => {
    const p = pod(['a']);
    const original = p.status;
    const copied = buildPodStatus(p, record({ a: running() }), NOW, 132);
    expect(copied).not.toBe(original);
    expect(original.containerStatuses).toBeUndefined();
    expect(buildPodStatus(p, record({ a: running() }), NOW, 132, true)).toBe(original);
  });
});
