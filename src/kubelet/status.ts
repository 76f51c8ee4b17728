/**
 * Builds a pod's status (phase, conditions, containerStatuses) from the
 * kubelet's container records, as the kubelet reports it to the API server.
 */
import type { KObject } from '../api/types.js';
import { isoTime } from '../store/store.js';
import type { ContainerRecord, PodRecord } from './state.js';

function containerState(rec: ContainerRecord, now: number): any {
  switch (rec.stage) {
    case 'run':
      return { running: { startedAt: isoTime(rec.startedAt!) } };
    case 'done':
      if (rec.last) {
        return {
          terminated: {
            containerID: rec.containerId,
            exitCode: rec.last.exitCode,
            finishedAt: isoTime(rec.last.finishedAt),
            reason: rec.last.reason,
            startedAt: isoTime(rec.last.startedAt),
          },
        };
      }
      return { waiting: { reason: rec.waitingReason ?? 'ContainerCreating' } };
    default: {
      const waiting: any = { reason: rec.waitingReason ?? 'ContainerCreating' };
      if (rec.waitingMessage) waiting.message = rec.waitingMessage;
      void now;
      return { waiting };
    }
  }
}

function isReady(rec: ContainerRecord, now: number): boolean {
  return rec.stage === 'run' && (rec.readyAt ?? 0) <= now;
}

function condition(type: string, status: boolean, at: string, prev: any[]): any {
  const old = prev.find((c) => c.type === type);
  const s = status ? 'True' : 'False';
  const c: any = { lastProbeTime: null, lastTransitionTime: old && old.status === s ? old.lastTransitionTime : at, status: s, type };
  return c;
}

export function buildPodStatus(pod: KObject, record: PodRecord, now: number, version: number): any {
  const status = { ...(pod.status ?? {}) };
  const at = isoTime(now);
  const specs: any[] = pod.spec.containers ?? [];
  const recs = specs.map((s) => record.containers[s.name]);
  status.containerStatuses = specs.map((spec, i) => {
    const rec = recs[i];
    const cs: any = {
      containerID: rec.stage === 'run' || (rec.stage === 'done' && rec.last) || rec.last ? rec.containerId : undefined,
      image: spec.image,
      imageID: rec.containerId ? `docker.io/library/${spec.image.split('/').pop()}@sha256:${rec.containerId.slice(13).padEnd(64, '0')}` : '',
      lastState: rec.last && rec.stage !== 'done' ? { terminated: { containerID: rec.containerId, exitCode: rec.last.exitCode, finishedAt: isoTime(rec.last.finishedAt), reason: rec.last.reason, startedAt: isoTime(rec.last.startedAt) } } : {},
      name: spec.name,
      ready: isReady(rec, now),
      restartCount: rec.restarts,
      started: rec.stage === 'run',
      state: containerState(rec, now),
    };
    if (cs.containerID === undefined) delete cs.containerID;
    return cs;
  });
  const allDone = recs.every((r) => r.stage === 'done');
  const anyStarted = recs.some((r) => r.startedAt !== undefined);
  if (allDone && recs.every((r) => r.last)) {
    status.phase = recs.every((r) => r.last!.exitCode === 0) ? 'Succeeded' : 'Failed';
  } else if (anyStarted) {
    status.phase = 'Running';
  } else {
    status.phase = 'Pending';
  }
  if (record.failure) {
    status.phase = 'Failed';
    status.reason = record.failure.reason;
    status.message = record.failure.message;
  }
  const ready = recs.every((r) => isReady(r, now));
  const prev: any[] = pod.status?.conditions ?? [];
  const scheduled = prev.find((c) => c.type === 'PodScheduled');
  const conds: any[] = [];
  if (version >= 129) conds.push(condition('PodReadyToStartContainers', !allDone || status.phase === 'Running', at, prev));
  conds.push(condition('Initialized', true, at, prev));
  const readyCond = condition('Ready', ready, at, prev);
  const containersReady = condition('ContainersReady', ready, at, prev);
  if (status.phase === 'Succeeded') {
    readyCond.reason = containersReady.reason = 'PodCompleted';
  } else if (!ready) {
    const notReady = specs.filter((_, i) => !isReady(recs[i], now)).map((s) => s.name);
    readyCond.reason = containersReady.reason = 'ContainersNotReady';
    readyCond.message = containersReady.message = `containers with unready status: [${notReady.join(' ')}]`;
  }
  conds.push(readyCond, containersReady);
  if (scheduled) conds.push(scheduled);
  status.conditions = conds;
  return status;
}
