/**
 * Pure parts of a Job's status: its conditions, how many pods it wants
 * active, and the `completedIndexes` interval notation.
 */
import type { KObject } from '../../api/types.js';
import { isoTime } from '../../store/store.js';

/** Condition reason and message when the completions are reached (1.31+ sets them on Complete). */
export const REASON_COMPLETIONS_REACHED = 'CompletionsReached';
export const MESSAGE_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';
/** Failed because more pods failed (or restarted) than spec.backoffLimit allows. */
export const REASON_BACKOFF_LIMIT_EXCEEDED = 'BackoffLimitExceeded';
export const MESSAGE_BACKOFF_LIMIT_EXCEEDED = 'Job has reached the specified backoff limit';
/** Failed because the job ran longer than spec.activeDeadlineSeconds. */
export const REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const MESSAGE_DEADLINE_EXCEEDED = 'Job was active longer than specified deadline';
/** Suspended condition reason while spec.suspend is true, and after resuming. */
export const REASON_JOB_SUSPENDED = 'JobSuspended';
export const REASON_JOB_RESUMED = 'JobResumed';

/** Whether the job has a True Complete or Failed condition. */
export function isJobFinished(job: KObject): boolean {
  return finishedCondition(job) !== undefined;
}

/** `Complete` or `Failed` when the job has finished, else undefined. */
export function finishedCondition(job: KObject): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

/**
 * Sets a condition: a new type is appended, a changed status moves the
 * transition time, an unchanged one only refreshes the probe time. The
 * conditions list is replaced by a new one, because the job's status may
 * share the old list with the store.
 */
export function setCondition(job: KObject, type: string, status: 'True' | 'False', now: number, reason?: string, message?: string): void {
  job.status ??= {};
  const conditions: any[] = (job.status.conditions = [...(job.status.conditions ?? [])]);
  const at = isoTime(now);
  const existing = conditions.find((c) => c.type === type);
  const next: any = { lastProbeTime: at, lastTransitionTime: at, status, type };
  if (reason) next.reason = reason;
  if (message) next.message = message;
  if (existing) {
    if (existing.status === status) next.lastTransitionTime = existing.lastTransitionTime;
    conditions[conditions.indexOf(existing)] = next;
  } else conditions.push(next);
}

/**
 * Calculates how many pods the job wants running. With completions set:
 * min(parallelism, completions − succeeded). Without: parallelism until the
 * first success, then none.
 */
export function calculateWantActive(job: KObject, succeeded: number): number {
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  if (completions === undefined || completions === null) return succeeded > 0 ? 0 : parallelism;
  return Math.max(0, Math.min(parallelism, completions - succeeded));
}

/** Formats sorted indexes as the API's interval list: [0,1,2,4] → `0-2,4`. */
export function formatIndexes(indexes: number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
