import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { eventsOf } from '../controllers/helpers.js';
import { podCells } from '../../src/printers/pod-status.js';
import { startOffsetMs } from '../../src/kubelet/kubelet.js';
import { podWorkerRequeueMs } from '../../src/kubelet/restart.js';
import type { ContainerRecord } from '../../src/kubelet/state.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

/** A tagged image, so its pull policy defaults to IfNotPresent and restarts do not pull. */
const IMAGE = 'busybox:1.36';

/** Creates a pod whose one container `main` runs `script` and returns it once the container has first started. */
function started(c: Cluster, script: string, spec: any = {}, image = IMAGE): KObject {
  createObject(c, 'pods', newPod('crash', image, { container: { command: ['sh', '-c', script] }, spec }));
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

/** Returns the kubelet's record of the container, whose times the tests derive their expectations from. */
function rec(c: Cluster): ContainerRecord {
  return (pod(c)._sim as any).containers.main;
}

function cells(c: Cluster): { ready: string; status: string; restarts: string } {
  return podCells(pod(c), c.simNow, 132);
}

/** Advances the clock to `at` (ms). */
function advanceTo(c: Cluster, at: number): void {
  advance(c, at - c.simNow);
}

function backOffEvents(c: Cluster): string[] {
  return eventsOf(c, pod(c)).filter((e) => e.includes(' BackOff '));
}

/** Returns the count of the pod's event with this reason and message, or 0 if there is none. */
function eventCount(c: Cluster, reason: string, message: string): number {
  const event = c.store.list('events', 'default').find((e) => e.involvedObject?.uid === pod(c).metadata.uid && e.reason === reason && e.message === message);
  return event?.count ?? 0;
}

/** Lists the pod syncs before `until`, from the one after the relist that follows the end at `endedAt`. */
function syncsBefore(c: Cluster, endedAt: number, until: number): number[] {
  const syncs: number[] = [];
  for (let at = endedAt + 1_000; at < until; at += podWorkerRequeueMs(pod(c), 'main', at)) syncs.push(at);
  return syncs;
}

/** Returns the first pod sync at or after `from`, counting from the relist that follows the end at `endedAt`. */
function firstSyncFrom(c: Cluster, endedAt: number, from: number): number {
  let at = endedAt + 1_000;
  while (at < from) at += podWorkerRequeueMs(pod(c), 'main', at);
  return at;
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

  it('shows CrashLoopBackOff from the sync after the second exit', () => {
    const c = newCluster();
    started(c, 'sleep 5; exit 1');
    advance(c, 5_000 + 1_000 + c.settings.startMs);
    const endedAt = rec(c).exitAt!;
    advanceTo(c, endedAt);
    expect(cells(c)).toEqual({ ready: '0/1', status: 'Error', restarts: '1 (7s ago)' });
    expect(backOffEvents(c)).toEqual([]);
    advance(c, 1_000);
    const { uid } = pod(c).metadata;
    const waiting = status(c);
    expect(waiting.state.waiting).toEqual({ reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=main pod=crash_default(${uid})` });
    expect(waiting.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(cells(c)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '1 (1s ago)' });
    expect(backOffEvents(c)).toEqual([`Warning BackOff Back-off restarting failed container main in pod crash_default(${uid})`]);
  });

  it('restarts at the first pod sync after the back-off', () => {
    const c = newCluster();
    started(c, 'sleep 5; exit 1');
    advance(c, 5_000 + 1_000 + c.settings.startMs);
    const endedAt = rec(c).exitAt!;
    const restartSync = firstSyncFrom(c, endedAt, endedAt + 10_000);
    // The pod worker waits 11 to 15 s after the relist's sync, so the 10 s back-off has ended at the next sync.
    expect(syncsBefore(c, endedAt, restartSync)).toEqual([endedAt + 1_000]);
    advanceTo(c, restartSync + c.settings.startMs - 1);
    expect(cells(c).status).toBe('CrashLoopBackOff');
    advance(c, 1);
    const ago = Math.floor((restartSync + c.settings.startMs - endedAt) / 1000);
    expect(cells(c)).toEqual({ ready: '1/1', status: 'Running', restarts: `2 (${ago}s ago)` });
  });

  it('records BackOff at every pod sync of a back-off', () => {
    const c = newCluster();
    started(c, 'sleep 5; exit 1');
    const { uid } = pod(c).metadata;
    const message = `Back-off restarting failed container main in pod crash_default(${uid})`;
    // The first exit restarts at once.
    advance(c, 5_000 + 1_000 + c.settings.startMs);
    let syncs = 0;
    for (const backOff of [10_000, 20_000, 40_000]) {
      // Each run lasts 5 s and is followed by a relist (1 s) and a back-off.
      advanceTo(c, rec(c).exitAt!);
      const endedAt = rec(c).exitAt!;
      syncs += syncsBefore(c, endedAt, endedAt + backOff).length;
      advanceTo(c, firstSyncFrom(c, endedAt, endedAt + backOff) + c.settings.startMs);
      expect(cells(c).status).toBe('Running');
    }
    // The 40 s back-off alone takes three or four syncs.
    expect(syncs).toBeGreaterThanOrEqual(5);
    expect(eventCount(c, 'BackOff', message)).toBe(syncs);
  });

  it('caps back-off at 5m0s', () => {
    const c = newCluster();
    started(c, 'exit 1');
    const messages = new Set<string>();
    for (let i = 0; i < 80; i++) {
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

  it('restarts early once housekeeping drops the entry', () => {
    const c = newCluster();
    // Runs of 400 s: the 5m0s back-off that follows one ends more than 10 minutes after the entry last moved on.
    started(c, 'sleep 400; exit 1');
    while (!String(status(c).state.waiting?.message).startsWith('back-off 5m0s')) advance(c, 10_000);
    const endedAt = rec(c).last!.finishedAt;
    const gcAt = rec(c).backOffUpdatedAt! + 600_000;
    const restartSync = firstSyncFrom(c, endedAt, gcAt + 1);
    expect(restartSync - endedAt).toBeLessThan(300_000);
    advanceTo(c, restartSync + c.settings.startMs - 1);
    expect(cells(c).status).toBe('CrashLoopBackOff');
    advance(c, 1);
    expect(cells(c).status).toBe('Running');
    // The new entry starts over at 10 s.
    advanceTo(c, rec(c).exitAt! + 1_000);
    expect(status(c).state.waiting.message).toMatch(/^back-off 10s /);
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

describe('image step on restart', () => {
  it('records Pulled already present at each restart', () => {
    const c = newCluster();
    started(c, 'sleep 5; exit 1');
    const present = `Container image "${IMAGE}" already present on machine`;
    advance(c, 5_000 + 1_000 - 1);
    expect(eventCount(c, 'Pulled', present)).toBe(0);
    advance(c, 1);
    // The restart's sync checks the image at once and starts the container startMs later.
    expect(eventCount(c, 'Pulled', present)).toBe(1);
    expect(eventCount(c, 'Started', 'Started container main')).toBe(1);
    advance(c, c.settings.startMs);
    expect(eventCount(c, 'Started', 'Started container main')).toBe(2);
    expect(eventCount(c, 'Created', 'Created container: main')).toBe(2);
    expect(eventsOf(c, pod(c)).filter((e) => !e.includes(' Scheduled '))).toEqual([
      `Normal Pulling Pulling image "${IMAGE}"`,
      `Normal Pulled Successfully pulled image "${IMAGE}" in 4s (4s including waiting). Image size: 4269034 bytes.`,
      'Normal Created Created container: main',
      'Normal Started Started container main',
      `Normal Pulled ${present}`,
    ]);
  });

  it('pulls again under pull policy Always', () => {
    const c = newCluster();
    started(c, 'sleep 5; exit 1', {}, 'busybox');
    expect(pod(c).spec.containers[0].imagePullPolicy).toBe('Always');
    const pulled = `Successfully pulled image "busybox" in 4s (4s including waiting). Image size: 4269034 bytes.`;
    advance(c, 5_000 + 1_000);
    expect(eventCount(c, 'Pulling', 'Pulling image "busybox"')).toBe(2);
    expect(eventCount(c, 'Pulled', pulled)).toBe(1);
    // While the restart pulls, the status still shows the termination.
    advance(c, c.settings.pullMs - 1);
    expect(cells(c)).toEqual({ ready: '0/1', status: 'Error', restarts: '0' });
    advance(c, 1);
    expect(eventCount(c, 'Pulled', pulled)).toBe(2);
    advance(c, c.settings.startMs);
    expect(cells(c)).toEqual({ ready: '1/1', status: 'Running', restarts: '1 (6s ago)' });
    expect(eventCount(c, 'Started', 'Started container main')).toBe(2);
  });

  it('shows CrashLoopBackOff while a later restart pulls', () => {
    const c = newCluster();
    started(c, 'sleep 5; exit 1', {}, 'busybox');
    advance(c, 5_000 + 1_000 + c.settings.pullMs + c.settings.startMs);
    const endedAt = rec(c).exitAt!;
    const restartSync = firstSyncFrom(c, endedAt, endedAt + 10_000);
    advanceTo(c, restartSync);
    expect(eventCount(c, 'Pulling', 'Pulling image "busybox"')).toBe(3);
    advance(c, c.settings.pullMs + c.settings.startMs - 1);
    expect(cells(c).status).toBe('CrashLoopBackOff');
    advance(c, 1);
    expect(cells(c).status).toBe('Running');
  });
});

describe('BackOff event on old kubelets', () => {
  it('omits container and pod on 1.15', () => {
    const c = newCluster({ kubernetesVersion: '1.15' });
    started(c, 'sleep 5; exit 1');
    advance(c, 5_000 + 1_000 + c.settings.startMs + 5_000 + 1_000);
    expect(backOffEvents(c)).toEqual(['Warning BackOff Back-off restarting failed container']);
  });
});
