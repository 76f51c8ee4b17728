/**
 * The Job controller: runs pods from
 * the template until enough succeed, replaces failed ones after a back-off,
 * and ends the job as Complete, or as Failed when the back-off limit or the
 * active deadline is exceeded. Suspending deletes the active pods.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext, WatchMapper } from '../../engine/controller.js';
import { ownerKeyMapper, selfMapper, splitKey } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { isoTime } from '../../store/store.js';
import { jsonEqual } from '../../store/json-equal.js';
import { copyForWrite, copyWithShallowStatus } from '../write-copy.js';
import { RunningKey } from '../running-key.js';
import { calculateNextCreateTime, type FinishedPod } from './backoff.js';
import {
  JOB_CONTROLLER,
  completionIndexOf,
  countActiveRestarts,
  createJobPod,
  deleteJobPod,
  isPodActive,
  isPodFinished,
  isPodReady,
  podFinishedAt,
  sameJobPodFacts,
} from './pods.js';
import {
  MESSAGE_BACKOFF_LIMIT_EXCEEDED,
  MESSAGE_COMPLETIONS_REACHED,
  MESSAGE_DEADLINE_EXCEEDED,
  REASON_BACKOFF_LIMIT_EXCEEDED,
  REASON_COMPLETIONS_REACHED,
  REASON_DEADLINE_EXCEEDED,
  REASON_JOB_RESUMED,
  REASON_JOB_SUSPENDED,
  calculateWantActive,
  formatIndexes,
  isJobFinished,
  setCondition,
} from './status.js';

/**
 * The controller's memory of finished pods, kept on the job under `_sim`.
 * It plays the part of Kubernetes' job-tracking finalizer: a pod is counted
 * once, and stays counted after it is deleted.
 */
export interface JobRecord {
  finished: Record<string, FinishedPod>;
}

function hasTrueCondition(job: KObject, type: string): boolean {
  return (job.status?.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
}

/** Counts the record's succeeded and failed pods. */
function countPhases(record: JobRecord): { succeeded: number; failed: number } {
  let succeeded = 0;
  let failed = 0;
  for (const uid in record.finished) {
    const phase = record.finished[uid].phase;
    if (phase === 'Succeeded') succeeded++;
    else if (phase === 'Failed') failed++;
  }
  return { succeeded, failed };
}

/** Collects the completion indexes below `completions` of an Indexed job's succeeded pods. */
function collectSucceededIndexes(record: JobRecord, completions: number): Set<number> {
  const indexes = new Set<number>();
  for (const uid in record.finished) {
    const f = record.finished[uid];
    if (f.phase === 'Succeeded' && f.index !== undefined && f.index < completions) indexes.add(f.index);
  }
  return indexes;
}

/** Empty set of succeeded indexes, for a NonIndexed job. */
const NO_INDEXES: ReadonlySet<number> = new Set();

/**
 * Copies a record before a sync adds to it, because the record it starts
 * from is the store's shared one. `finished` is keyed by pod uids, so each
 * finished pod brings a key never seen before. In a plain object every such
 * key adds a hidden class transition to V8's shape for `{}`. That list
 * grows by one entry per pod, and each later object built from `{}` pays
 * for it. A null-prototype object is a dictionary from the start, has no
 * transitions, and encodes to the same JSON.
 */
function copyRecord(record: JobRecord): JobRecord {
  return { ...record, finished: Object.assign(Object.create(null), record.finished) };
}

/** Counts every newly finished pod into the record. Returns a copy when it adds any, else the record itself. */
function countFinishedPods(record: JobRecord, pods: KObject[], now: number): JobRecord {
  let out = record;
  for (const pod of pods) {
    if (!isPodFinished(pod) || out.finished[pod.metadata.uid!]) continue;
    const entry: FinishedPod = { phase: pod.status.phase, finishedAt: podFinishedAt(pod, now) };
    const index = completionIndexOf(pod);
    if (index !== undefined) entry.index = index;
    if (out === record) out = copyRecord(record);
    out.finished[pod.metadata.uid!] = entry;
  }
  return out;
}

/** Returns the failure condition the job has reached, if any. */
function findFailure(job: KObject, failed: number, pods: KObject[], now: number): [string, string] | undefined {
  const limit = job.spec?.backoffLimit ?? 6;
  if (failed > limit) return [REASON_BACKOFF_LIMIT_EXCEEDED, MESSAGE_BACKOFF_LIMIT_EXCEEDED];
  if (job.spec?.template?.spec?.restartPolicy === 'OnFailure') {
    const restarts = countActiveRestarts(pods);
    if (limit === 0 ? restarts > 0 : restarts >= limit) return [REASON_BACKOFF_LIMIT_EXCEEDED, MESSAGE_BACKOFF_LIMIT_EXCEEDED];
  }
  const deadline = job.spec?.activeDeadlineSeconds;
  if (typeof deadline === 'number' && job.status?.startTime && now >= Date.parse(job.status.startTime) + deadline * 1000) {
    return [REASON_DEADLINE_EXCEEDED, MESSAGE_DEADLINE_EXCEEDED];
  }
  return undefined;
}

/** Ends the job as Failed: deletes its active pods (counted as failed) and records the reason. Returns the record with those pods. */
function failJob(ctx: ControllerContext, job: KObject, shared: JobRecord, active: KObject[], reason: string, message: string): JobRecord {
  const now = ctx.now();
  const record = active.length > 0 ? copyRecord(shared) : shared;
  for (const pod of active) {
    deleteJobPod(ctx, job, pod);
    record.finished[pod.metadata.uid!] = { phase: 'Failed', finishedAt: now };
  }
  if (ctx.settings.version >= 131) setCondition(job, 'FailureTarget', 'True', now, reason, message);
  setCondition(job, 'Failed', 'True', now, reason, message);
  recordEvent(ctx.store, job, 'Warning', reason, message, JOB_CONTROLLER);
  return record;
}

/** Ends the job as Complete. */
function completeJob(ctx: ControllerContext, job: KObject): void {
  const now = ctx.now();
  if (ctx.settings.version >= 131) {
    setCondition(job, 'SuccessCriteriaMet', 'True', now, REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED);
    setCondition(job, 'Complete', 'True', now, REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED);
  } else {
    setCondition(job, 'Complete', 'True', now);
  }
  job.status.completionTime = isoTime(now);
  recordEvent(ctx.store, job, 'Normal', 'Completed', 'Job completed', JOB_CONTROLLER);
}

/** Deletes the active pods while spec.suspend is set, and marks the job Suspended once. */
function suspendJob(ctx: ControllerContext, job: KObject, active: KObject[]): void {
  for (const pod of active) deleteJobPod(ctx, job, pod);
  if (hasTrueCondition(job, 'Suspended')) return;
  setCondition(job, 'Suspended', 'True', ctx.now(), REASON_JOB_SUSPENDED, 'Job suspended');
  recordEvent(ctx.store, job, 'Normal', 'Suspended', 'Job suspended', JOB_CONTROLLER);
}

/** Creates or deletes pods of a NonIndexed job toward the wanted active count. */
function manageNonIndexed(ctx: ControllerContext, job: KObject, record: JobRecord, active: KObject[], succeeded: number, key: string): void {
  const want = calculateWantActive(job, succeeded);
  if (active.length > want) {
    const newestFirst = [...active].sort((a, b) => String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)));
    for (const pod of newestFirst.slice(0, active.length - want)) deleteJobPod(ctx, job, pod);
    return;
  }
  if (active.length === want) return;
  const allowedAt = calculateNextCreateTime(Object.values(record.finished));
  if (ctx.now() < allowedAt) {
    ctx.wakeAt(allowedAt, key);
    return;
  }
  for (let i = active.length; i < want; i++) if (!createJobPod(ctx, job, undefined)) return;
}

/** Creates pods for the missing completion indexes of an Indexed job, up to parallelism. */
function manageIndexed(ctx: ControllerContext, job: KObject, record: JobRecord, active: KObject[], succeededIndexes: ReadonlySet<number>, key: string): void {
  const completions: number = job.spec?.completions ?? 1;
  const parallelism: number = job.spec?.parallelism ?? 1;
  const running = new Set<number>();
  for (const pod of active) {
    const index = completionIndexOf(pod);
    if (index === undefined || index >= completions || succeededIndexes.has(index) || running.has(index)) deleteJobPod(ctx, job, pod);
    else running.add(index);
  }
  const pending: number[] = [];
  for (let i = 0; i < completions && running.size + pending.length < parallelism; i++) {
    if (!succeededIndexes.has(i) && !running.has(i)) pending.push(i);
  }
  if (pending.length === 0) return;
  const allowedAt = calculateNextCreateTime(Object.values(record.finished));
  if (ctx.now() < allowedAt) {
    ctx.wakeAt(allowedAt, key);
    return;
  }
  for (const index of pending) if (!createJobPod(ctx, job, index)) return;
}

/**
 * Writes the counts and the status bookkeeping fields of the emulated
 * version. `pods` is the list the sync started from, and it is listed again
 * only when the sync wrote pods.
 */
function updateCounts(ctx: ControllerContext, job: KObject, record: JobRecord, succeededIndexes: ReadonlySet<number>, pods: KObject[], podWrites: number): void {
  if (ctx.store.writesOf('pods') !== podWrites) pods = ctx.store.list('pods', job.metadata.namespace, { owner: job.metadata.uid, shared: true });
  const active = pods.filter(isPodActive);
  const { succeeded, failed } = countPhases(record);
  const status = job.status;
  const set = (field: string, value: number) => {
    if (value > 0) status[field] = value;
    else delete status[field];
  };
  set('active', active.length);
  set('succeeded', succeeded);
  set('failed', failed);
  if (job.spec?.completionMode === 'Indexed') {
    const text = formatIndexes([...succeededIndexes]);
    if (text) status.completedIndexes = text;
    else delete status.completedIndexes;
  }
  if (ctx.settings.version >= 124) status.ready = active.filter(isPodReady).length;
  if (ctx.settings.version >= 126) status.uncountedTerminatedPods ??= {};
  if (ctx.settings.version >= 129) status.terminating = pods.filter((p) => p.metadata.deletionTimestamp && !isPodFinished(p)).length;
}

/**
 * Key of the job whose sync is running. The writes that sync makes to its
 * own job and pods do not queue the job again, because a second sync at the
 * same instant would read what the first one wrote and change nothing. Each
 * step acts on a difference that the first sync removed, and each event
 * marks such a change.
 */
const syncing = new RunningKey();

/** Reconciles one job, as a list of decisions. */
export function syncJob(ctx: ControllerContext, key: string): void {
  syncing.run(key, () => syncJobOnce(ctx, key));
}

function syncJobOnce(ctx: ControllerContext, key: string): void {
  const [ns, name] = splitKey(key);
  const shared = ctx.store.get('jobs', ns, name, { shared: true });
  if (!shared || shared.metadata.deletionTimestamp) return;
  // The sync's own copy of the job. It replaces the conditions list and the record instead of changing them
  // in place (see setCondition and copyRecord), so the store's objects stay intact.
  const job = copyWithShallowStatus(shared);
  const now = ctx.now();
  // Setting `_sim` before `status` puts the record first in a new job's stored keys.
  let record: JobRecord = (shared._sim as JobRecord | undefined) ?? { finished: {} };
  job._sim = record;
  job.status ??= {};
  const podWrites = ctx.store.writesOf('pods');
  // The store's shared copies: the sync reads its pods and never changes them.
  const pods = ctx.store.list('pods', ns, { owner: job.metadata.uid, shared: true });
  record = countFinishedPods(record, pods, now);
  job._sim = record;
  const active = pods.filter(isPodActive);
  const indexed = job.spec?.completionMode === 'Indexed';
  const completions = job.spec?.completions ?? 1;
  // Only an Indexed job reads its succeeded indexes.
  const succeededIndexes = indexed ? collectSucceededIndexes(record, completions) : NO_INDEXES;

  if (isJobFinished(job)) {
    // A finished job only keeps its counts current.
  } else if (job.spec?.suspend) {
    suspendJob(ctx, job, active);
  } else {
    if (hasTrueCondition(job, 'Suspended')) {
      setCondition(job, 'Suspended', 'False', now, REASON_JOB_RESUMED, 'Job resumed');
      recordEvent(ctx.store, job, 'Normal', 'Resumed', 'Job resumed', JOB_CONTROLLER);
      job.status.startTime = isoTime(now);
    }
    job.status.startTime ??= isoTime(now);
    const { succeeded, failed } = countPhases(record);
    const failure = findFailure(job, failed, pods, now);
    const complete = indexed
      ? succeededIndexes.size >= completions
      : job.spec?.completions === undefined || job.spec?.completions === null
        ? succeeded > 0 && active.length === 0
        : succeeded >= job.spec.completions;

    if (failure) {
      record = failJob(ctx, job, record, active, failure[0], failure[1]);
      job._sim = record;
    } else if (complete) {
      for (const pod of active) deleteJobPod(ctx, job, pod);
      completeJob(ctx, job);
    } else {
      if (indexed) manageIndexed(ctx, job, record, active, succeededIndexes, key);
      else manageNonIndexed(ctx, job, record, active, succeeded, key);
      const deadline = job.spec?.activeDeadlineSeconds;
      if (typeof deadline === 'number') ctx.wakeAt(Date.parse(job.status.startTime) + deadline * 1000, key);
    }
  }

  updateCounts(ctx, job, record, succeededIndexes, pods, podWrites);
  // Nothing reads the job after the write, so the store takes it over.
  if (!jsonEqual(job.status, shared.status) || !jsonEqual(job._sim, shared._sim)) ctx.store.update('jobs', copyForWrite(job, []), { owned: true });
}

const podOwnerKeys = ownerKeyMapper('Job');

/**
 * Wakes a pod's job when the pod is created, removed, or changes a field the
 * sync reads (see sameJobPodFacts). After any other pod write the sync
 * would find nothing to do, because the job's last sync saw the same inputs
 * and each time-driven step (back-off, active deadline) has its own wake-up.
 * Writes of the job's own running sync wake nothing (see syncing).
 */
export const jobPodMapper: WatchMapper = (obj, old) => {
  const keys = podOwnerKeys(obj, old) as string[];
  // A pod without a Job controller wakes no job, so its facts are not compared.
  if (keys.length === 0) return undefined;
  if (obj && old && sameJobPodFacts(obj, old)) return undefined;
  return syncing.exclude(keys);
};

/** Wakes a job when it is written, except by its own running sync (see syncing). */
const jobMapper: WatchMapper = (obj, old) => {
  const key = selfMapper(obj, old);
  return key === syncing.current ? undefined : key;
};

export const jobController: Controller = {
  name: 'job',
  watches: { jobs: jobMapper, pods: jobPodMapper },
  reconcile: syncJob,
};
