/**
 * The pods of a Job: building one from the template (names, labels,
 * completion index, owner reference), sorting the owned pods into active,
 * succeeded and failed, and the writes that create and delete them.
 */
import type { KObject } from '../../api/types.js';
import type { ControllerContext } from '../../engine/controller.js';
import { keyOf } from '../../engine/controller.js';
import { ApiError } from '../../api/errors.js';
import { NAMESPACE_TERMINATING_CAUSE } from '../../api/namespace-lifecycle.js';
import { requeueRateLimited, type Backoff } from '../requeue.js';
import { deleteObject } from '../../engine/delete.js';
import { recordEvent } from '../../engine/events.js';
import { cloneJson } from '../../store/store.js';
import { isPodActive, isPodFinished } from '../podutil/pod-state.js';

/** Annotation (and, from 1.28, label) carrying an Indexed job pod's completion index. */
export const COMPLETION_INDEX_KEY = 'batch.kubernetes.io/job-completion-index';

/** Event source of everything the job controller records. */
export const JOB_CONTROLLER = { component: 'job-controller' };

/** Reason of the event recorded for each pod the controller creates. */
export const REASON_SUCCESSFUL_CREATE = 'SuccessfulCreate';
/** Reason of the event recorded for each pod the controller deletes. */
export const REASON_SUCCESSFUL_DELETE = 'SuccessfulDelete';
/** Reason of the event recorded for each pod create the API rejects. */
export const REASON_FAILED_CREATE = 'FailedCreate';

/** The job controller's API backoff: 1 s doubling up to a minute (DefaultJobApiBackOff, MaxJobApiBackOff). */
const JOB_API_BACKOFF: Backoff = { baseMs: 1000, maxMs: 60_000 };

// The pod states shared with the other controllers, re-exported for the job modules.
export { isPodActive, isPodFinished };

/** Whether a pod's Ready condition is True. */
export function isPodReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}

/** The completion index of an Indexed job's pod, or undefined. */
export function completionIndexOf(pod: KObject): number | undefined {
  const raw = pod.metadata.annotations?.[COMPLETION_INDEX_KEY];
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** When a finished pod finished: the latest container termination, else now. */
export function podFinishedAt(pod: KObject, now: number): number {
  let latest = -Infinity;
  for (const cs of pod.status?.containerStatuses ?? []) {
    const at = cs.state?.terminated?.finishedAt;
    if (at) latest = Math.max(latest, Date.parse(at));
  }
  return latest === -Infinity ? now : latest;
}

/** Sum of container restarts of a job's running or pending pods (the OnFailure back-off count). */
export function countActiveRestarts(pods: KObject[]): number {
  let total = 0;
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending') continue;
    for (const cs of pod.status?.containerStatuses ?? []) total += cs.restartCount ?? 0;
  }
  return total;
}

/** Sums a pod's container restarts. */
function sumRestarts(statuses: any[] | undefined): number {
  let restarts = 0;
  for (const cs of statuses ?? []) restarts += cs.restartCount ?? 0;
  return restarts;
}

/** Joins a pod's container termination times, in container order, each followed by a comma. */
function joinFinishedTimes(statuses: any[] | undefined): string {
  let finishedAt = '';
  for (const cs of statuses ?? []) {
    const at = cs.state?.terminated?.finishedAt;
    if (at) finishedAt += `${at},`;
  }
  return finishedAt;
}

/**
 * Reports whether one pod status has no phase yet and the other is Pending
 * without container restarts. The job's sync reads the two alike: both
 * count as active, and neither adds to the restarts it sums over pending pods.
 * The scheduler's binding sets the phase of a pod created without one, so
 * the binding wakes no job.
 */
function samePendingPhase(status: any, otherStatus: any): boolean {
  const phase = status?.phase;
  const otherPhase = otherStatus?.phase;
  if (phase === undefined) return otherPhase === 'Pending' && sumRestarts(otherStatus.containerStatuses) === 0;
  return otherPhase === undefined && phase === 'Pending' && sumRestarts(status.containerStatuses) === 0;
}

/**
 * Reports whether two versions of a pod agree on everything the job
 * controller reads of it: its owner, phase, deletion, readiness, container
 * restarts, container termination times and completion index. A pod write
 * that keeps them (binding to a node, an image pull, a new pod IP) cannot
 * change what the job's sync does. Parts a write did not replace are the
 * same objects, so most checks end at an identity comparison.
 */
export function sameJobPodFacts(pod: KObject, other: KObject): boolean {
  const status = pod.status;
  const otherStatus = other.status;
  if (status?.phase !== otherStatus?.phase && !samePendingPhase(status, otherStatus)) return false;
  if (!pod.metadata.deletionTimestamp !== !other.metadata.deletionTimestamp) return false;
  if ((pod.metadata.annotations?.[COMPLETION_INDEX_KEY] ?? '') !== (other.metadata.annotations?.[COMPLETION_INDEX_KEY] ?? '')) return false;
  const refs = pod.metadata.ownerReferences;
  const otherRefs = other.metadata.ownerReferences;
  if (refs !== otherRefs && JSON.stringify(refs ?? null) !== JSON.stringify(otherRefs ?? null)) return false;
  if (status === otherStatus) return true;
  if (isPodReady(pod) !== isPodReady(other)) return false;
  const statuses = status?.containerStatuses;
  const otherStatuses = otherStatus?.containerStatuses;
  if (statuses === otherStatuses) return true;
  return sumRestarts(statuses) === sumRestarts(otherStatuses) && joinFinishedTimes(statuses) === joinFinishedTimes(otherStatuses);
}

/**
 * Builds a pod from the job's template: generateName `<job>-` (Indexed:
 * `<job>-<index>-` with hostname `<job>-<index>` and JOB_COMPLETION_INDEX
 * in every container), and a controller owner reference to the job.
 */
export function newPodForJob(job: KObject, index: number | undefined, version: number): KObject {
  const template = job.spec?.template ?? {};
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}) };
  const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}) };
  const spec = cloneJson(template.spec ?? {});
  let generateName = `${job.metadata.name}-`;
  if (index !== undefined) {
    generateName = `${job.metadata.name}-${index}-`;
    annotations[COMPLETION_INDEX_KEY] = String(index);
    if (version >= 128) labels[COMPLETION_INDEX_KEY] = String(index);
    spec.hostname ??= `${job.metadata.name}-${index}`;
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      c.env = [
        ...(c.env ?? []),
        { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX_KEY}']` } } },
      ];
    }
  }
  const metadata: KObject['metadata'] = {
    name: '',
    generateName,
    namespace: job.metadata.namespace,
    labels,
    ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, uid: job.metadata.uid!, controller: true, blockOwnerDeletion: true }],
  };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/**
 * Creates one pod for the job and records SuccessfulCreate. When the API
 * rejects the pod (a quota, for example), it records FailedCreate, requests
 * a retry with the controller's backoff, and returns undefined.
 */
export function createJobPod(ctx: ControllerContext, job: KObject, index: number | undefined): KObject | undefined {
  let pod: KObject;
  try {
    pod = ctx.store.create('pods', newPodForJob(job, index, ctx.settings.version), { owned: true });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.causes.some((c) => c.type === NAMESPACE_TERMINATING_CAUSE)) return undefined;
    recordEvent(ctx.store, job, 'Warning', REASON_FAILED_CREATE, `Error creating: ${err.message}`, JOB_CONTROLLER);
    requeueRateLimited(ctx, 'job', keyOf(job), JOB_API_BACKOFF);
    return undefined;
  }
  recordEvent(ctx.store, job, 'Normal', REASON_SUCCESSFUL_CREATE, `Created pod: ${pod.metadata.name}`, JOB_CONTROLLER);
  return pod;
}

/** Deletes one of the job's pods (graceful, as the controller does) and records SuccessfulDelete. */
export function deleteJobPod(ctx: ControllerContext, job: KObject, pod: KObject): void {
  deleteObject(ctx.store, 'pods', pod.metadata.namespace ?? '', pod.metadata.name);
  recordEvent(ctx.store, job, 'Normal', REASON_SUCCESSFUL_DELETE, `Deleted pod: ${pod.metadata.name}`, JOB_CONTROLLER);
}
