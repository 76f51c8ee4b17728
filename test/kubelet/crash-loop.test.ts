import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { eventsOf } from '../controllers/helpers.js';
import { podCells } from '../../src/printers/pod-status.js';
import { startOffsetMs } from '../../src/kubelet/kubelet.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

/** Creates a pod whose one container `main` runs `script` and returns it once the container has first started. */
function started(c: Cluster, script: string, spec: any = {}): KObject {
  createObject(c, 'pods', newPod('crash', 'busybox', { container: { command: ['sh', '-c', script] }, spec }));
  const pod = c.store.get('pods', 'default', 'crash')!;
  advance(c, c.settings.pullMs + c.settings.startMs + startOffsetMs(pod));
  return c.store.get('pods', 'default', 'crash')!;
}

function pod(c: Cluster): KObject {
  return c.store.get('pods', 'default', 'crash')!;
}

function status(c: Cluster): any {
  return pod(c).status.containerStatuses[0];
}

function cells(c: Cluster): { ready: string; status: string; restarts: string } {
  return podCells(pod(c), c.simNow, 132);
}

function backOffEvents(c: Cluster): string[] {
  return eventsOf(c, pod(c)).filter((e) => e.includes(' BackOff '));
}

describe('container restart back-off', () => {
  it('restarts at once after first exit', () => {
    const c = newCluster();
    expect(podCells(started(c, 'sleep 5; exit 1'), c.simNow, 132)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
    advance(c, 5_000);
    const exited = status(c);
    expect(exited.state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(exited.lastState).toEqual({});
    expect(exited.restartCount).toBe(0);
    expect(exited.started).toBe(false);
    expect(pod(c).status.phase).toBe('Running');
    expect(cells(c)).toEqual({ ready: '0/1', status: 'Error', restarts: '0' });
    // The relist (1 s) and the start (startMs) pass before the status shows the new run.
    advance(c, 1_000 + c.settings.startMs - 1);
    expect(cells(c)).toEqual({ ready: '0/1', status: 'Error', restarts: '0' });
    advance(c, 1);
    const restarted = status(c);
    expect(restarted.state.running).toBeDefined();
    expect(restarted.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cells(c)).toEqual({ ready: '1/1', status: 'Running', restarts: '1 (2s ago)' });
    expect(backOffEvents(c)).toEqual([]);
  });

  it('backs off 10 s, then 20 s', () => {
    const c = newCluster();
    started(c, 'sleep 5; exit 1');
    advance(c, 5_000 + 1_000 + c.settings.startMs + 5_000);
    const { uid } = pod(c).metadata;
    const waiting = status(c);
    expect(waiting.state.waiting).toEqual({ reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=main pod=crash_default(${uid})` });
    expect(waiting.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cells(c)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '1 (0s ago)' });
    expect(backOffEvents(c)).toEqual([`Warning BackOff Back-off restarting failed container main in pod crash_default(${uid})`]);
    advance(c, 10_000 + c.settings.startMs - 1);
    expect(cells(c).status).toBe('CrashLoopBackOff');
    advance(c, 1);
    expect(cells(c)).toEqual({ ready: '1/1', status: 'Running', restarts: '2 (11s ago)' });
    advance(c, 5_000);
    expect(status(c).state.waiting.message).toBe(`back-off 20s restarting failed container=main pod=crash_default(${uid})`);
    advance(c, 20_000 + c.settings.startMs);
    expect(cells(c)).toEqual({ ready: '1/1', status: 'Running', restarts: '3 (21s ago)' });
  });

  it('caps back-off at 5m0s', () => {
    const c = newCluster();
    started(c, 'exit 1');
    const messages = new Set<string>();
    for (let i = 0; i < 40; i++) {
      advance(c, 10_000);
      const message = status(c).state.waiting?.message;
      if (message) messages.add(message.split(' ')[1]);
    }
    expect([...messages]).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s']);
  });

  it('resets back-off after long run', () => {
    const c = newCluster();
    started(c, 'sleep 700; exit 1');
    advance(c, 700_000 + 1_000 + c.settings.startMs);
    expect(cells(c).status).toBe('Running');
    // Its back-off entry was last moved on at the first restart, more than 10 minutes before this exit.
    advance(c, 700_000);
    expect(cells(c)).toEqual({ ready: '0/1', status: 'Error', restarts: '1 (11m ago)' });
    expect(status(c).lastState.terminated.finishedAt).not.toBe(status(c).state.terminated.finishedAt);
    advance(c, 1_000 + c.settings.startMs);
    expect(cells(c)).toEqual({ ready: '1/1', status: 'Running', restarts: '2 (2s ago)' });
    expect(backOffEvents(c)).toEqual([]);
  });

  it('shows Completed under Always', () => {
    const c = newCluster();
    started(c, 'sleep 5');
    advance(c, 5_000);
    expect(cells(c)).toEqual({ ready: '0/1', status: 'Completed', restarts: '0' });
    advance(c, 1_000 + c.settings.startMs);
    expect(cells(c)).toEqual({ ready: '1/1', status: 'Running', restarts: '1 (2s ago)' });
  });

  it('follows restartPolicy OnFailure', () => {
    const c = newCluster();
    started(c, 'sleep 5; exit 2', { restartPolicy: 'OnFailure' });
    advance(c, 5_000);
    expect(cells(c)).toEqual({ ready: '0/1', status: 'Error', restarts: '0' });
    advance(c, 1_000 + c.settings.startMs);
    expect(status(c).restartCount).toBe(1);
    const done = newCluster();
    started(done, 'sleep 5', { restartPolicy: 'OnFailure' });
    advance(done, 5_000 + 60_000);
    expect(pod(done).status.phase).toBe('Succeeded');
    expect(cells(done)).toEqual({ ready: '0/1', status: 'Completed', restarts: '0' });
  });
});

describe('BackOff event on old kubelets', () => {
  it('omits container and pod on 1.15', () => {
    const c = newCluster({ kubernetesVersion: '1.15' });
    started(c, 'sleep 5; exit 1');
    advance(c, 5_000 + 1_000 + c.settings.startMs + 5_000);
    expect(backOffEvents(c)).toEqual(['Warning BackOff Back-off restarting failed container']);
  });
});
