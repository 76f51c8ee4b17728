/**
 * A CronJob's job history: the finished jobs kept beyond
 * successfulJobsHistoryLimit and failedJobsHistoryLimit are deleted, oldest
 * start time first (cleanupFinishedJobs in cronjob_controllerv2.go).
 */
import type { KObject } from '../../api/types.js';
import type { ControllerContext } from '../../engine/controller.js';
import { deleteObject } from '../../engine/delete.js';
import { recordEvent } from '../../engine/events.js';
import { finishedCondition } from '../job/status.js';

/** Event source of everything the CronJob controller records. */
export const CRONJOB_CONTROLLER = { component: 'cronjob-controller' };

/** Orders two strings by code unit, as Go's string comparison orders ASCII names and RFC 3339 times. */
function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Sorts jobs oldest first by status.startTime (jobs without one last), then by name. */
export function sortByStartTime(jobs: KObject[]): KObject[] {
  return [...jobs].sort((a, b) => {
    const sa = a.status?.startTime;
    const sb = b.status?.startTime;
    if (sa && !sb) return -1;
    if (!sa && sb) return 1;
    if (sa === sb || !sa || !sb) return compareText(a.metadata.name, b.metadata.name);
    return compareText(sa, sb);
  });
}

/** Picks the jobs to delete so that at most `limit` remain, oldest first. */
export function findJobsOverLimit(jobs: KObject[], limit: number | undefined): KObject[] {
  if (typeof limit !== 'number') return [];
  const excess = jobs.length - limit;
  return excess > 0 ? sortByStartTime(jobs).slice(0, excess) : [];
}

/** Deletes one of the CronJob's jobs (its pods follow by garbage collection) and records SuccessfulDelete. */
export function deleteCronJobJob(ctx: ControllerContext, cj: KObject, job: KObject): void {
  deleteObject(ctx.store, 'jobs', job.metadata.namespace ?? '', job.metadata.name, { propagation: 'Background' });
  recordEvent(ctx.store, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, CRONJOB_CONTROLLER);
}

/** Deletes finished jobs beyond the history limits; returns the names deleted. */
export function cleanupFinishedJobs(ctx: ControllerContext, cj: KObject, jobs: KObject[]): string[] {
  const succeeded: KObject[] = [];
  const failed: KObject[] = [];
  for (const job of jobs) {
    const condition = finishedCondition(job);
    if (condition === 'Complete') succeeded.push(job);
    else if (condition === 'Failed') failed.push(job);
  }
  const doomed = [...findJobsOverLimit(succeeded, cj.spec?.successfulJobsHistoryLimit), ...findJobsOverLimit(failed, cj.spec?.failedJobsHistoryLimit)];
  for (const job of doomed) deleteCronJobJob(ctx, cj, job);
  return doomed.map((j) => j.metadata.name);
}
