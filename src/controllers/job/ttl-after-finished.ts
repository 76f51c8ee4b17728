/**
 * The TTL-after-finished controller:
 * deletes a finished Job, with its pods, spec.ttlSecondsAfterFinished
 * seconds after it completed or failed.
 */
import type { KObject } from '../../api/types.js';
import type { Controller } from '../../engine/controller.js';
import { selfMapper, splitKey } from '../../engine/controller.js';
import { deleteObject } from '../../engine/delete.js';
import { finishedCondition } from './status.js';

/** When the job finished: its completionTime, else the Complete/Failed transition time. */
export function jobFinishTime(job: KObject): number | undefined {
  const type = finishedCondition(job);
  if (!type) return undefined;
  if (job.status?.completionTime) return Date.parse(job.status.completionTime);
  const c = (job.status?.conditions ?? []).find((x: any) => x.type === type);
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
}

export const ttlAfterFinishedController: Controller = {
  name: 'ttlafterfinished',
  // As the controller's informer handlers do, only finished jobs with a TTL that are not being deleted are queued.
  watches: {
    jobs: (obj) => (obj && !obj.metadata.deletionTimestamp && typeof obj.spec?.ttlSecondsAfterFinished === 'number' && finishedCondition(obj) ? selfMapper(obj, undefined) : undefined),
  },
  reconcile(ctx, key) {
    const [ns, name] = splitKey(key);
    const job = ctx.store.get('jobs', ns, name);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    // The TTL-after-finished controller is on by default from 1.21 (beta); before that the field is ignored.
    if (ctx.settings.version < 121) return;
    if (!job || job.metadata.deletionTimestamp || typeof ttl !== 'number') return;
    const finishedAt = jobFinishTime(job);
    if (finishedAt === undefined) return;
    const expireAt = finishedAt + ttl * 1000;
    if (ctx.now() < expireAt) {
      ctx.wakeAt(expireAt, key);
      return;
    }
    deleteObject(ctx.store, 'jobs', ns, name, { propagation: 'Background' });
  },
};
