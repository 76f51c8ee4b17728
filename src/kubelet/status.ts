/**
 * Builds a pod's status (phase, conditions, containerStatuses) from the
 * kubelet's container records, as the kubelet reports it to the API server.
 */
import type { KObject } from '../api/types.js';
import { isoTime } from '../store/store.js';
import type { ContainerRecord, PodRecord } from './state.js';
import { containerStatusImage, containerStatusImageID } from './images.js';

/** RFC 3339 texts by whole second: a wave of pods syncs at a few instants, so most conversions repeat. */
const isoBySecond = new Map<number, string>();

/** Formats like isoTime, through a memo of the few thousand seconds the current settle visits. */
function isoAt(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = isoBySecond.get(second);
  if (text === undefined) {
    if (isoBySecond.size >= 4096) isoBySecond.clear();
    text = isoTime(ms);
    isoBySecond.set(second, text);
  }
  return text;
}

function containerState(rec: ContainerRecord, now: number): any {
  switch (rec.stage) {
    case 'run':
      return { running: { startedAt: isoAt(rec.startedAt!) } };
    case 'done':
      if (rec.last) {
        return {
          terminated: {
            containerID: rec.containerId,
            exitCode: rec.last.exitCode,
            finishedAt: isoAt(rec.last.finishedAt),
            reason: rec.last.reason,
            startedAt: isoAt(rec.last.startedAt),
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

/** Builds a pod condition. It formats `now` (ms) only when the condition changes, because most syncs change none. */
function condition(type: string, status: boolean, now: number, prev: any[]): any {
  const old = prev.find((c) => c.type === type);
  const s = status ? 'True' : 'False';
  const c: any = { lastProbeTime: null, lastTransitionTime: old && old.status === s ? old.lastTransitionTime : isoAt(now), status: s, type };
  return c;
}

/**
 * Builds one entry of status.containerStatuses. The entry is built whole,
 * without containerID when there is none, because deleting a property makes
 * later copies and comparisons of the object slower.
 */
function containerStatus(spec: any, rec: ContainerRecord, now: number, version: number): any {
  // Until the runtime has created a container from the image, the kubelet
  // names the spec's image and no image ID; from then on, the runtime's names.
  const image = rec.containerId ? containerStatusImage(spec.image, version) : spec.image;
  const imageID = rec.containerId ? containerStatusImageID(spec.image, version) : '';
  const lastState =
    rec.last && rec.stage !== 'done'
      ? { terminated: { containerID: rec.containerId, exitCode: rec.last.exitCode, finishedAt: isoAt(rec.last.finishedAt), reason: rec.last.reason, startedAt: isoAt(rec.last.startedAt) } }
      : {};
  const ready = isReady(rec, now);
  const started = rec.stage === 'run';
  const state = containerState(rec, now);
  const containerID = rec.stage === 'run' || rec.last ? rec.containerId : undefined;
  if (containerID === undefined) {
    return { image, imageID, lastState, name: spec.name, ready, restartCount: rec.restarts, started, state };
  }
  return { containerID, image, imageID, lastState, name: spec.name, ready, restartCount: rec.restarts, started, state };
}

/**
 * Builds the status the kubelet reports for a pod from its container records at `now` (ms), for cluster version `version` (e.g. 132).
 * With `inPlace`, fills and returns the pod's own status object (a copy the caller owns), if it has one, instead of a new copy.
 */
export function buildPodStatus(pod: KObject, record: PodRecord, now: number, version: number, inPlace = false): any {
  const status = inPlace && pod.status ? pod.status : { ...(pod.status ?? {}) };
  const specs: any[] = pod.spec.containers ?? [];
  const recs = specs.map((s) => record.containers[s.name]);
  status.containerStatuses = specs.map((spec, i) => containerStatus(spec, recs[i], now, version));
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
  if (version >= 129) conds.push(condition('PodReadyToStartContainers', !allDone || status.phase === 'Running', now, prev));
  conds.push(condition('Initialized', true, now, prev));
  const readyCond = condition('Ready', ready, now, prev);
  const containersReady = condition('ContainersReady', ready, now, prev);
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
