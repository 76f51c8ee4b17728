import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster } from '../helpers/cluster.js';
import { podCells } from '../../src/printers/pod-status.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

/** A tagged image, so its pull policy defaults to IfNotPresent. */
const IMAGE = 'busybox:1.36';

function container(name: string, script: string, extra: any = {}): any {
  return { name, image: IMAGE, command: ['sh', '-c', script], ...extra };
}

function newPod(name: string, spec: any): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec };
}

function pod(c: Cluster, name: string): KObject {
  return c.store.get('pods', 'default', name)!;
}

function cells(c: Cluster, name: string): string {
  const { ready, status, restarts } = podCells(pod(c, name), c.simNow, 132);
  return `${ready} ${status} ${restarts}`;
}

/** Returns the pod's STATUS cells once a second for `seconds` seconds. */
function timeline(c: Cluster, name: string, seconds: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < seconds; i++) {
    out.push(cells(c, name));
    advance(c, 1_000);
  }
  return out;
}

function condition(c: Cluster, name: string, type: string): any {
  const cond = pod(c, name).status.conditions.find((x: any) => x.type === type);
  return { status: cond.status, reason: cond.reason, message: cond.message };
}

describe('init containers on the kubelet', () => {
  it('leaves pods without init containers unchanged', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('plain', { containers: [container('main', 'sleep 3600')] }));
    advance(c, 10_000);
    expect(pod(c, 'plain').status.initContainerStatuses).toBeUndefined();
    expect(condition(c, 'plain', 'Initialized')).toEqual({ status: 'True', reason: undefined, message: undefined });
  });

  it('starts app containers after init containers', () => {
    const c = newCluster();
    const spec = { initContainers: [container('one', 'sleep 2'), container('two', 'sleep 1')], containers: [container('main', 'sleep 3600')] };
    createObject(c, 'pods', newPod('seq', spec));
    const seen = new Set(timeline(c, 'seq', 16));
    expect([...seen]).toEqual(['0/1 Init:0/2 0', '0/1 Init:1/2 0', '0/1 PodInitializing 0', '1/1 Running 0']);
    const record = pod(c, 'seq')._sim as any;
    const one = record.containers.one.last;
    const two = record.containers.two;
    // Each container starts at the pod sync after the relist (1 s) that follows the end of the one before it.
    expect(two.startedAt - one.finishedAt).toBeGreaterThanOrEqual(1_000 + c.settings.startMs);
    expect(record.containers.main.startedAt - two.last.finishedAt).toBeGreaterThanOrEqual(1_000 + c.settings.startMs);
    expect(condition(c, 'seq', 'Initialized')).toEqual({ status: 'True', reason: undefined, message: undefined });
    const statuses = pod(c, 'seq').status.initContainerStatuses.map((s: any) => [s.name, s.ready, s.started, s.state.terminated.reason]);
    expect(statuses).toEqual([
      ['one', true, false, 'Completed'],
      ['two', true, false, 'Completed'],
    ]);
  });

  it('starts the next container after a sidecar', () => {
    const c = newCluster();
    const spec = {
      initContainers: [container('proxy', 'sleep 3600', { restartPolicy: 'Always' }), container('setup', 'sleep 1')],
      containers: [container('main', 'sleep 3600')],
    };
    createObject(c, 'pods', newPod('side', spec));
    const seen = new Set(timeline(c, 'side', 16));
    expect([...seen]).toEqual(['0/2 Init:0/2 0', '1/2 Init:1/2 0', '1/2 PodInitializing 0', '2/2 Running 0']);
    const status = pod(c, 'side').status;
    expect(status.initContainerStatuses[0]).toMatchObject({ name: 'proxy', ready: true, started: true, state: { running: {} } });
    expect(condition(c, 'side', 'Ready')).toEqual({ status: 'True', reason: undefined, message: undefined });
  });

  it('lists an unready sidecar in readiness', () => {
    const c = newCluster();
    const spec = {
      initContainers: [container('proxy', 'sleep 3600', { restartPolicy: 'Always', readinessProbe: { exec: { command: ['true'] }, initialDelaySeconds: 60 } })],
      containers: [container('main', 'sleep 3600')],
    };
    createObject(c, 'pods', newPod('unready', spec));
    advance(c, 2_000);
    expect(condition(c, 'unready', 'Initialized')).toEqual({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [proxy]' });
    advance(c, 14_000);
    // A started sidecar initializes the pod, ready or not.
    expect(condition(c, 'unready', 'Initialized')).toEqual({ status: 'True', reason: undefined, message: undefined });
    expect(condition(c, 'unready', 'ContainersReady')).toEqual({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [proxy]' });
    expect(cells(c, 'unready')).toBe('1/2 Running 0');
  });

  it('restarts a sidecar under restartPolicy Never', () => {
    const c = newCluster();
    const spec = {
      restartPolicy: 'Never',
      initContainers: [container('proxy', 'sleep 5; exit 1', { restartPolicy: 'Always' })],
      containers: [container('main', 'sleep 3600')],
    };
    createObject(c, 'pods', newPod('flaky', spec));
    advance(c, 20_000);
    const proxy = pod(c, 'flaky').status.initContainerStatuses[0];
    expect(proxy.restartCount).toBeGreaterThan(0);
    expect(pod(c, 'flaky').status.phase).toBe('Running');
    expect(pod(c, 'flaky').status.containerStatuses[0].restartCount).toBe(0);
  });

  it('stops sidecars after the app containers', () => {
    const c = newCluster();
    const spec = {
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 10,
      initContainers: [container('proxy', 'sleep 3600', { restartPolicy: 'Always' })],
      containers: [container('main', 'echo main; sleep 3')],
    };
    createObject(c, 'pods', newPod('job', spec));
    advance(c, 14_000);
    expect(pod(c, 'job').status.phase).toBe('Running');
    expect(cells(c, 'job')).toBe('1/2 Completed 0');
    // `sh -c` ignores SIGTERM, so the sidecar ends at SIGKILL after the 10 s grace period.
    advance(c, 10_000);
    const status = pod(c, 'job').status;
    expect(status.phase).toBe('Succeeded');
    expect(status.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(condition(c, 'job', 'Initialized')).toEqual({ status: 'True', reason: 'PodCompleted', message: undefined });
    expect(cells(c, 'job')).toBe('0/2 Completed 0');
    const killing = c.store.list('events', 'default').filter((e) => e.reason === 'Killing').map((e) => `${e.involvedObject.fieldPath} ${e.message}`);
    expect(killing).toEqual(['spec.initContainers{proxy} Stopping container proxy']);
    // The stop begins at the pod sync after the relist (1 s) that finds the app container ended.
    const record = pod(c, 'job')._sim as any;
    expect(record.containers.proxy.last.finishedAt - record.containers.main.last.finishedAt).toBe(11_000);
  });

  it('completes a Job whose pods have init containers', () => {
    const c = newCluster();
    const template = {
      metadata: { labels: { job: 'prep' } },
      spec: { restartPolicy: 'Never', initContainers: [container('fetch', 'echo fetched; sleep 2')], containers: [container('work', 'echo done; sleep 3')] },
    };
    createObject(c, 'jobs', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'prep', namespace: 'default' }, spec: { template } });
    advance(c, 30_000);
    const job = c.store.get('jobs', 'default', 'prep')!;
    expect(job.status.succeeded).toBe(1);
    expect(job.status.conditions.map((x: any) => x.type)).toContain('Complete');
    const [p] = c.store.list('pods', 'default').filter((x) => x.metadata.labels?.job === 'prep');
    expect(p.status.phase).toBe('Succeeded');
    expect(p.status.conditions.find((x: any) => x.type === 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' });
  });

  it('stops a running init container on deletion', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('del', { initContainers: [container('wait', 'sleep 3600')], containers: [container('main', 'sleep 3600')] }));
    advance(c, 10_000);
    const p = pod(c, 'del');
    c.store.update('pods', { ...p, metadata: { ...p.metadata, deletionTimestamp: new Date(c.simNow + 30_000).toISOString(), deletionGracePeriodSeconds: 30 } });
    c.settle();
    advance(c, 29_000);
    expect(c.store.get('pods', 'default', 'del')).toBeDefined();
    advance(c, 1_000);
    expect(c.store.get('pods', 'default', 'del')).toBeUndefined();
  });

  it('kills an init container at the deadline', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('late', { activeDeadlineSeconds: 10, initContainers: [container('wait', 'sleep 3600')], containers: [container('main', 'sleep 3600')] }));
    advance(c, 11_000);
    const status = pod(c, 'late').status;
    expect(status.phase).toBe('Failed');
    expect(status.reason).toBe('DeadlineExceeded');
    expect(status.initContainerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });
});
