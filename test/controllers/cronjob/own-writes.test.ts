import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KObject } from '../../../src/api/types.js';
import { syncCronJob } from '../../../src/controllers/cronjob/cronjob-controller.js';
import { contextOf, newCluster, newCronJob, newJob } from '../helpers.js';

const KEY = 'default/hello';

/** Creates CronJob default/hello at 09:49:30 and moves the clock to its first start, 09:50:00. */
function cronJobDueAt0950(): Cluster {
  const c = newCluster();
  c.store.tx(() => c.store.create('cronjobs', newCronJob('hello')));
  c.advanceClock(30_000);
  return c;
}

/** Drops the keys queued so far and syncs default/hello once (inside a transaction of `c`). */
function sync(c: Cluster): void {
  c.store.takeQueued(100);
  syncCronJob(contextOf(c), KEY);
}

/** Writes a copy of job `name` changed by `edit`, as another controller would. */
function editJob(c: Cluster, name: string, edit: (job: KObject) => void): void {
  const job = c.store.get('jobs', 'default', name)!;
  job.status ??= {};
  edit(job);
  c.store.update('jobs', job);
}

/** Creates a job that the CronJob owns but did not start. */
function createStrayJob(c: Cluster): void {
  const cj = c.store.get('cronjobs', 'default', 'hello')!;
  const job = newJob('stray');
  job.metadata.ownerReferences = [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid!, controller: true }];
  c.store.create('jobs', job);
}

describe('cronjob controller queue keys', () => {
  it('ignores writes of its own sync', () => {
    const c = cronJobDueAt0950();
    c.store.tx(() => {
      sync(c);
      expect(c.store.list('jobs', 'default').map((j) => j.metadata.name)).toEqual(['hello-27566510']);
      expect(c.store.isQueued('cronjob', KEY)).toBe(false);
    });
  });

  it('ignores a running job update after a settled sync', () => {
    const c = cronJobDueAt0950();
    c.store.tx(() => {
      sync(c);
      editJob(c, 'hello-27566510', (job) => (job.status.active = 1));
      expect(c.store.isQueued('cronjob', KEY)).toBe(false);
    });
  });

  it('queues when a job finishes', () => {
    const c = cronJobDueAt0950();
    c.store.tx(() => {
      sync(c);
      editJob(c, 'hello-27566510', (job) => (job.status.conditions = [{ type: 'Complete', status: 'True' }]));
      expect(c.store.isQueued('cronjob', KEY)).toBe(true);
    });
  });

  it('queues own writes after a warning', () => {
    const c = cronJobDueAt0950();
    c.store.tx(() => {
      createStrayJob(c);
      sync(c);
      // UnexpectedJob is recorded again by each sync, so the sync's own writes queue the next one.
      expect(c.store.isQueued('cronjob', KEY)).toBe(true);
    });
  });

  it('queues a running job update after a warning', () => {
    const c = cronJobDueAt0950();
    c.store.tx(() => {
      createStrayJob(c);
      sync(c);
      c.store.takeQueued(100);
      editJob(c, 'stray', (job) => (job.status.active = 1));
      expect(c.store.isQueued('cronjob', KEY)).toBe(true);
    });
  });
});
