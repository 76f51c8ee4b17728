/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go,
 * and the v1 controller's rules on clusters before 1.21): keeps the active
 * list current, starts a job at each due schedule time under the
 * concurrency policy, and trims the job history. It wakes itself at the
 * next schedule time, so advancing the clock runs every start in order.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext, WatchMapper } from '../../engine/controller.js';
import { ownerKeyMapper, selfMapper, splitKey } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { ApiError } from '../../api/errors.js';
import { cronSyntaxError } from '../../api/cron-syntax.js';
import { isoTime } from '../../store/store.js';
import { jsonEqual } from '../../store/json-equal.js';
import { copyForWrite, copyWithShallowStatus } from '../write-copy.js';
import { RunningKey } from '../running-key.js';
import { finishedCondition } from '../job/status.js';
import { CRONJOB_CONTROLLER, cleanupFinishedJobs, deleteCronJobJob } from './history.js';
import { formatRfc1123z, getJobName, newJobFromCronJob } from './job-template.js';
import { isSettled, noteSync, wakeCronJobAt } from './sync-memory.js';
import { isKnownTimeZone, mostRecentScheduleTime, nextScheduleTime, parseSchedule, recentUnmetScheduleTimes, type Schedule } from './schedule.js';

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

/**
 * The v1 controller of clusters before 1.21 watched nothing: it listed every
 * CronJob and Job every 10 seconds. kubesim runs it at multiples of 10 s of
 * cluster time, so jobs start, and finished ones are noticed and cleaned
 * up, at the next poll.
 */
const V1_POLL_MS = 10_000;

/** The first v1 poll at or after `ms`. */
function nextPoll(ms: number): number {
  return Math.ceil(ms / V1_POLL_MS) * V1_POLL_MS;
}

/** Reports whether an active list has a reference to this uid. */
function listsUid(active: readonly any[], uid: string | undefined): boolean {
  for (const ref of active) if (ref.uid === uid) return true;
  return false;
}

/** Reports whether one of the jobs has this uid. */
function hasJob(jobs: readonly KObject[], uid: string | undefined): boolean {
  for (const job of jobs) if (job.metadata.uid === uid) return true;
  return false;
}

/**
 * First version whose controller records a finished job's completion time
 * in lastSuccessfulTime in the sync that takes the job off the active list,
 * and words the SawCompletedJob event with `condition:`. From 1.21 to 1.30
 * that sync only takes the job off and words the event with `status:`, and
 * the next sync records the time. So with successfulJobsHistoryLimit 0,
 * whose cleanup deletes the job in the first sync, those versions never set
 * lastSuccessfulTime. The 1.31 changelog lists the fix for that case.
 * NOTE: the 1.30 source prints `status:`. That the wording changed in 1.31
 * too is an assumption, because no 1.31 source was read.
 */
const SAME_SYNC_SINCE = 131;

/**
 * Updates the active list and lastSuccessfulTime from the jobs the CronJob
 * owns. The list is copied only when a job leaves it, so a sync that finds
 * it current changes nothing.
 */
function syncActiveList(ctx: ControllerContext, cj: KObject, jobs: KObject[], emit: Emit): void {
  const status = cj.status;
  const listed: any[] = status.active ?? [];
  let active = listed;
  for (const job of jobs) {
    const uid = job.metadata.uid;
    const found = listsUid(active, uid);
    const condition = finishedCondition(job);
    if (!condition) {
      if (!found) emit('Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${job.metadata.name}`);
      continue;
    }
    if (found) {
      active = active.filter((r) => r.uid !== uid);
      const word = ctx.settings.version >= SAME_SYNC_SINCE ? 'condition' : 'status';
      emit('Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, ${word}: ${condition}`);
      if (ctx.settings.version < SAME_SYNC_SINCE) {
        // The status write of this sync queues the CronJob again, and that sync records the completion time.
        unsettled = true;
        continue;
      }
    }
    const completedAt = job.status?.completionTime;
    if (condition === 'Complete' && completedAt && ctx.settings.version >= 121) {
      if (!status.lastSuccessfulTime || completedAt > status.lastSuccessfulTime) status.lastSuccessfulTime = completedAt;
    }
  }
  const remaining = active;
  for (const ref of remaining) {
    if (hasJob(jobs, ref.uid)) continue;
    emit('Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    active = active.filter((r) => r.uid !== ref.uid);
  }
  if (active.length > 0) {
    if (active !== listed) status.active = active;
  } else if (status.active !== undefined) {
    delete status.active;
  }
}

/** The last timestamp parseTimestamp parsed, and its value. */
let parsedText = '';
let parsedMs = NaN;

/**
 * Parses an RFC 3339 timestamp and remembers the last one, because each sync
 * of a CronJob parses its lastScheduleTime, which changes once per start.
 */
function parseTimestamp(text: string): number {
  if (text !== parsedText) {
    parsedMs = Date.parse(text);
    parsedText = text;
  }
  return parsedMs;
}

/** Picks the start time to run now, or undefined; reports missed and late starts. */
function findStartTime(ctx: ControllerContext, cj: KObject, schedule: Schedule, emit: Emit): number | undefined {
  const now = ctx.now();
  const earliest = parseTimestamp(cj.status.lastScheduleTime ?? cj.metadata.creationTimestamp!);
  const deadline: number | undefined = cj.spec?.startingDeadlineSeconds ?? undefined;
  let scheduled: number | undefined;
  if (ctx.settings.version < 121) {
    const unmet = recentUnmetScheduleTimes(schedule, earliest, now, deadline);
    if (unmet.missed > 100) {
      emit('Warning', 'FailedNeedsStart', 'Cannot determine if job needs to be started: too many missed start time (> 100). Set or decrease .spec.startingDeadlineSeconds or check clock skew.');
      return undefined;
    }
    scheduled = unmet.mostRecent;
  } else {
    const unmet = mostRecentScheduleTime(schedule, earliest, now, deadline);
    scheduled = unmet.mostRecent;
    if (scheduled !== undefined && unmet.missed > 100) {
      // 1.29 dropped the count from the message, because the estimate can be wrong for uneven schedules.
      // NOTE: patch releases of 1.26 to 1.28 may have taken that change too; kubesim keeps the count there.
      const count = ctx.settings.version >= 129 ? '' : `: ${unmet.missed}`;
      emit('Warning', 'TooManyMissedTimes', `too many missed start times${count}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`);
    }
  }
  if (scheduled === undefined) return undefined;
  if (typeof deadline === 'number' && scheduled + deadline * 1000 < now) {
    emit('Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRfc1123z(scheduled)}`);
    return undefined;
  }
  return scheduled;
}

/** Creates the job for `scheduled` and adds it to the active list, unless it exists already. */
function startJob(ctx: ControllerContext, cj: KObject, scheduled: number, emit: Emit): void {
  const request = newJobFromCronJob(cj, scheduled, ctx.settings.version);
  let job: KObject;
  try {
    job = ctx.store.create('jobs', request, { owned: true });
    emit('Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
  } catch (err) {
    if (!(err instanceof ApiError) || err.reason !== 'AlreadyExists') {
      emit('Warning', 'FailedCreate', `Error creating job: ${(err as Error).message}`);
      return;
    }
    job = ctx.store.get('jobs', request.metadata.namespace ?? '', request.metadata.name, { shared: true })!;
    const owned = job.metadata.ownerReferences?.some((r) => r.controller && r.uid === cj.metadata.uid);
    if (!owned || (cj.status.active ?? []).some((r: any) => r.uid === job.metadata.uid)) return;
    // The job may have finished already: the next sync then takes it off the active list again.
    unsettled = true;
  }
  cj.status.active = [
    ...(cj.status.active ?? []),
    { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid },
  ];
  cj.status.lastScheduleTime = isoTime(scheduled);
}

/** Runs the schedule: decides whether a job starts now, and when to wake next. */
function runSchedule(ctx: ControllerContext, cj: KObject, key: string, emit: Emit): void {
  if (cj.spec?.timeZone && !isKnownTimeZone(cj.spec.timeZone)) {
    emit('Warning', 'UnknownTimeZone', `invalid timeZone: "${cj.spec.timeZone}": unknown time zone ${cj.spec.timeZone}`);
    return;
  }
  if (cj.spec?.suspend) return;
  let schedule: Schedule;
  try {
    schedule = parseSchedule(cj.spec?.schedule ?? '', cj.spec?.timeZone);
  } catch (err) {
    // A schedule robfig/cron accepts but that matches no date (February 30) simply never fires.
    if (!cronSyntaxError(String(cj.spec?.schedule ?? ''))) return;
    emit('Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec?.schedule ?? ''}" : ${(err as Error).message}`);
    return;
  }
  const now = ctx.now();
  const earliest = parseTimestamp(cj.status.lastScheduleTime ?? cj.metadata.creationTimestamp!);
  const next = nextScheduleTime(schedule, earliest, now);
  wakeCronJobAt(ctx, ctx.settings.version < 121 ? nextPoll(next) : next, key);
  const scheduled = findStartTime(ctx, cj, schedule, emit);
  if (scheduled === undefined) return;
  const name = getJobName(cj.metadata.name, scheduled, ctx.settings.version);
  const active: any[] = cj.status.active ?? [];
  if (active.some((r) => r.name === name) || (cj.status.lastScheduleTime && parseTimestamp(cj.status.lastScheduleTime) === scheduled)) return;
  const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
  if (policy === 'Forbid' && active.length > 0) {
    emit('Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
    return;
  }
  if (policy === 'Replace') {
    // A failed start after these deletions records FailedCreate, and a repeated sync records it again.
    if (active.length > 0) unsettled = true;
    for (const ref of active) {
      const job = ctx.store.get('jobs', ref.namespace ?? cj.metadata.namespace, ref.name, { shared: true });
      if (job) deleteCronJobJob(ctx, cj, job);
      cj.status.active = (cj.status.active ?? []).filter((r: any) => r.uid !== ref.uid);
    }
    if (cj.status.active?.length === 0) delete cj.status.active;
  }
  startJob(ctx, cj, scheduled, emit);
}

/**
 * Events a sync records for a change it makes (a job started, deleted,
 * seen completed or missing), which a repeated sync does not record again.
 * Every other event reports a state the sync leaves as it is, and each
 * sync records it again, as each sync of Kubernetes' controller does.
 */
const SETTLING_REASONS: ReadonlySet<string> = new Set(['SuccessfulCreate', 'SuccessfulDelete', 'SawCompletedJob', 'MissingJob']);

/** Key of the CronJob whose sync is running (see ownWrite). */
const syncing = new RunningKey();

/**
 * Whether the running sync leaves work to a sync repeated at once: it
 * recorded an event outside SETTLING_REASONS, or may still record one after
 * a write, or listed a job that may have finished already.
 */
let unsettled = false;

/** Reconciles one CronJob, as a list of decisions. */
export function syncCronJob(ctx: ControllerContext, key: string): void {
  unsettled = false;
  let settled = false;
  try {
    syncing.run(key, () => {
      settled = syncOnce(ctx, key);
    });
  } finally {
    noteSync(ctx.store, key, settled && !unsettled && ctx.settings.version >= 121);
  }
}

/** Runs one sync, and returns false if it stopped before syncing the jobs and the schedule. */
function syncOnce(ctx: ControllerContext, key: string): boolean {
  const [ns, name] = splitKey(key);
  const shared = ctx.store.get('cronjobs', ns, name, { shared: true });
  if (!shared) return false;
  if (ctx.settings.version < 121 && ctx.now() % V1_POLL_MS !== 0) {
    wakeCronJobAt(ctx, nextPoll(ctx.now()), key);
    return false;
  }
  // The sync's own copy of the CronJob. It replaces the active list instead of changing it in place,
  // so the store's objects stay intact.
  const cj = copyWithShallowStatus(shared);
  cj.status ??= {};
  const emit: Emit = (type, reason, message) => {
    if (!SETTLING_REASONS.has(reason)) unsettled = true;
    recordEvent(ctx.store, cj, type, reason, message, CRONJOB_CONTROLLER);
  };
  // The store's shared copies: the sync reads its jobs and never changes them.
  const jobs = ctx.store.list('jobs', ns, { owner: cj.metadata.uid, shared: true });

  syncActiveList(ctx, cj, jobs, emit);
  if (!cj.metadata.deletionTimestamp) runSchedule(ctx, cj, key, emit);
  const deleted = cleanupFinishedJobs(ctx, cj, jobs);
  if (deleted.length > 0) {
    if (cj.status.active) cj.status.active = cj.status.active.filter((r: any) => !deleted.includes(r.name));
    // A job that finalizers keep is still over the limit, and a repeated sync deletes it again.
    if (deleted.some((job) => ctx.store.exists('jobs', ns, job))) unsettled = true;
  }

  // Nothing reads the CronJob after the write, so the store takes it over.
  if (!jsonEqual(cj.status, shared.status ?? {})) ctx.store.update('cronjobs', copyForWrite(cj, []), { owned: true });
  return true;
}

/**
 * Reports whether a write queues `key` for nothing: the running sync of
 * `key` made it and is not unsettled. A second sync at the same instant
 * would find what the first one wrote and change nothing, because every
 * step of a sync acts on a difference the first one removed. Writes that
 * follow by other writers queue the CronJob as usual.
 */
function ownWrite(key: string): boolean {
  return !unsettled && key === syncing.current;
}

const jobOwnerKeys = ownerKeyMapper('CronJob');

/**
 * Wakes a job's CronJob, except for the CronJob's own writes (see ownWrite)
 * and for an update that keeps the job unfinished while the CronJob is
 * settled (see isSettled): the sync reads of an unfinished job only its uid
 * and owner.
 */
export const cronJobJobMapper: WatchMapper = (obj, old, store) => {
  const keys = jobOwnerKeys(obj, old) as string[];
  if (keys.length === 0) return undefined;
  if (keys.length === 2 && keys[0] === keys[1] && store && !finishedCondition(obj!) && !finishedCondition(old!) && isSettled(store, keys[0])) return undefined;
  return syncing.current === undefined ? keys : keys.filter((k) => !ownWrite(k));
};

/** Wakes a CronJob when it is written, except by its own sync (see ownWrite). */
const cronJobMapper: WatchMapper = (obj, old) => {
  const key = selfMapper(obj, old) as string | undefined;
  return key !== undefined && ownWrite(key) ? undefined : key;
};

export const cronJobController: Controller = {
  name: 'cronjob',
  watches: { cronjobs: cronJobMapper, jobs: cronJobJobMapper },
  reconcile: syncCronJob,
};
