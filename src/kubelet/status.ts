/**
 * Builds a pod's status (phase, conditions, containerStatuses) from the
 * kubelet's container records, as the kubelet reports it to the API server.
 */
import type { KObject } from '../api/types.js';
import { isoTime } from '../store/store.js';
import type { ContainerRecord, PodRecord } from './state.js';
import { containerStatusImage, containerStatusImageID } from './images.js';
import { buildInitContainerStatuses, type InitStatusSummary } from './init-status.js';

/** Set on the Ready and ContainersReady conditions of a Failed pod, with no message. */
const POD_FAILED = 'PodFailed';

/**
 * The first release whose kubelet gives a Failed pod's readiness conditions
 * the reason PodFailed; earlier ones report ContainersNotReady and the
 * unready containers.
 * NOTE: 1.27 is estimated from when the change merged (early 2023).
 */
const FAILED_REASON_SINCE = 127;

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

/**
 * Reports whether the container's state shows its last termination: it
 * ended and its pod has not synced since, or its restart is under way from
 * a sync that found no back-off. The kubelet builds a pod's status at the
 * start of each sync, so the restart's own sync still reports the
 * termination. After a sync that backed off, the status shows
 * CrashLoopBackOff instead, and after a node reboot ContainerCreating (a
 * waiting reason is set).
 */
function showsTermination(rec: ContainerRecord): boolean {
  switch (rec.stage) {
    case 'done':
      return true;
    case 'exited':
    case 'pull':
    case 'pullErr':
    case 'start':
      return rec.last !== undefined && rec.waitingReason === undefined;
    default:
      return false;
  }
}

function containerState(rec: ContainerRecord): any {
  if (rec.stage === 'run') return { running: { startedAt: isoAt(rec.startedAt!) } };
  if (showsTermination(rec) && rec.last) {
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
  if (rec.stage === 'done') return { waiting: { reason: rec.waitingReason ?? 'ContainerCreating' } };
  const waiting: any = { reason: rec.waitingReason ?? 'ContainerCreating' };
  if (rec.waitingMessage) waiting.message = rec.waitingMessage;
  return { waiting };
}

function isReady(rec: ContainerRecord, now: number): boolean {
  return rec.stage === 'run' && rec.unready !== true && (rec.readyAt ?? 0) <= now;
}

/** Builds a pod condition. It formats `now` (ms) only when the condition changes, because most syncs change none. */
function condition(type: string, status: boolean, now: number, old: any): any {
  const s = status ? 'True' : 'False';
  return { lastProbeTime: null, lastTransitionTime: old !== undefined && old.status === s ? old.lastTransitionTime : isoAt(now), status: s, type };
}

/**
 * Builds the Ready or ContainersReady condition. Each variant is one object
 * literal with the keys in their stored order (reason and message last), so
 * that every sync builds objects of the same few shapes.
 */
function readiness(type: string, ready: boolean, now: number, old: any, reason: string | undefined, message: string | undefined): any {
  const value = ready ? 'True' : 'False';
  const lastTransitionTime = old !== undefined && old.status === value ? old.lastTransitionTime : isoAt(now);
  if (reason === undefined) return { lastProbeTime: null, lastTransitionTime, status: value, type };
  if (message === undefined) return { lastProbeTime: null, lastTransitionTime, status: value, type, reason };
  return { lastProbeTime: null, lastTransitionTime, status: value, type, reason, message };
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
  // While the state shows the last termination, lastState shows the one before it, if any.
  let before = rec.last;
  if (rec.stage === 'done') before = undefined;
  else if (showsTermination(rec)) before = rec.previous;
  const lastState = before
    ? { terminated: { containerID: rec.containerId, exitCode: before.exitCode, finishedAt: isoAt(before.finishedAt), reason: before.reason, startedAt: isoAt(before.startedAt) } }
    : {};
  const ready = isReady(rec, now);
  const started = rec.stage === 'run' && rec.unstarted !== true;
  const state = containerState(rec);
  const containerID = rec.stage === 'run' || rec.last ? rec.containerId : undefined;
  if (containerID === undefined) {
    return { image, imageID, lastState, name: spec.name, ready, restartCount: rec.restarts, started, state };
  }
  return { containerID, image, imageID, lastState, name: spec.name, ready, restartCount: rec.restarts, started, state };
}

/**
 * Builds the status the kubelet reports for a pod from its container records at `now` (ms), for cluster version `version` (e.g. 132).
 * With `inPlace`, fills and returns the pod's own status object (a copy the caller owns), if it has one, instead of a new copy.
 * Every sync runs it, so it walks the containers and the previous conditions once each, in plain loops.
 */
export function buildPodStatus(pod: KObject, record: PodRecord, now: number, version: number, inPlace = false): any {
  const status = inPlace && pod.status ? pod.status : { ...(pod.status ?? {}) };
  const specs: any[] = pod.spec.containers ?? [];
  const containerStatuses = new Array(specs.length);
  let allDone = true;
  let allTerminated = true;
  let allSucceeded = true;
  let anyStarted = false;
  let notReady: string[] | undefined;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const rec: ContainerRecord = record.containers[spec.name];
    containerStatuses[i] = containerStatus(spec, rec, now, version);
    if (rec.stage !== 'done') allDone = false;
    if (!rec.last) allTerminated = false;
    else if (rec.last.exitCode !== 0) allSucceeded = false;
    if (rec.startedAt !== undefined) anyStarted = true;
    if (!isReady(rec, now)) (notReady ??= []).push(spec.name);
  }
  status.containerStatuses = containerStatuses;
  if (allDone && allTerminated) {
    status.phase = allSucceeded ? 'Succeeded' : 'Failed';
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
  const inits: any[] | undefined = pod.spec.initContainers;
  let init: InitStatusSummary | undefined;
  if (inits !== undefined && inits.length > 0) {
    init = buildInitContainerStatuses(pod, record, status, now, version, containerStatus);
    if (init.failed) status.phase = 'Failed';
    if (init.unreadySidecars) notReady = [...init.unreadySidecars, ...(notReady ?? [])];
  }
  // A failed pod's containers count as not ready even while they are still stopping (generateContainersReadyConditionForTerminalPhase).
  const failedPod = status.phase === 'Failed' && version >= FAILED_REASON_SINCE;
  const ready = notReady === undefined && !failedPod;
  const prev: any[] = pod.status?.conditions ?? [];
  // The first previous condition of each type, the one a search by type finds.
  let readyToStart: any;
  let initialized: any;
  let podReady: any;
  let containersReady: any;
  let scheduled: any;
  for (const c of prev) {
    switch (c.type) {
      case 'PodReadyToStartContainers':
        readyToStart ??= c;
        break;
      case 'Initialized':
        initialized ??= c;
        break;
      case 'Ready':
        podReady ??= c;
        break;
      case 'ContainersReady':
        containersReady ??= c;
        break;
      case 'PodScheduled':
        scheduled ??= c;
        break;
    }
  }
  let reason: string | undefined;
  let message: string | undefined;
  if (status.phase === 'Succeeded') {
    reason = 'PodCompleted';
  } else if (failedPod) {
    reason = POD_FAILED;
  } else if (!ready) {
    reason = 'ContainersNotReady';
    message = `containers with unready status: [${notReady!.join(' ')}]`;
  }
  const conds: any[] = [];
  if (version >= 129) conds.push(condition('PodReadyToStartContainers', !allDone || status.phase === 'Running', now, readyToStart));
  if (init) conds.push(readiness('Initialized', init.initialized, now, initialized, init.reason, init.message));
  else conds.push(condition('Initialized', true, now, initialized));
  conds.push(readiness('Ready', ready, now, podReady, reason, message));
  conds.push(readiness('ContainersReady', ready, now, containersReady, reason, message));
  if (scheduled) conds.push(scheduled);
  status.conditions = conds;
  return status;
}
