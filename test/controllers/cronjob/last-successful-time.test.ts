import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import { syncCronJob } from '../../../src/controllers/cronjob/cronjob-controller.js';
import { advance, contextOf, create, eventsOf, get, newCluster, newCronJob } from '../helpers.js';

const KEY = 'default/hello';

/** The completion time the tests give job hello-27566510, which CronJob default/hello starts at 09:50:00. */
const COMPLETED_AT = '2022-05-31T09:50:07Z';

/** Creates CronJob default/hello on a cluster of `version` and moves the clock to its first start, 09:50:00. */
function cronJobDueAt0950(version: string): Cluster {
  const c = newCluster({ version });
  c.store.tx(() => c.store.create('cronjobs', newCronJob('hello')));
  c.advanceClock(30_000);
  return c;
}

/** Drops the keys queued so far and syncs default/hello once (inside a transaction of `c`). */
function sync(c: Cluster): void {
  c.store.takeQueued(100);
  syncCronJob(contextOf(c), KEY);
}

/** Marks job hello-27566510 complete, as the Job controller would. */
function completeJob(c: Cluster): void {
  const job = c.store.get('jobs', 'default', 'hello-27566510')!;
  job.status = { ...job.status, conditions: [{ type: 'Complete', status: 'True' }], completionTime: COMPLETED_AT, succeeded: 1 };
  c.store.update('jobs', job);
}

describe('cronjob lastSuccessfulTime', () => {
  it('set in the completing sync on 1.32', () => {
    const c = cronJobDueAt0950('1.32');
    c.store.tx(() => {
      sync(c);
      completeJob(c);
      sync(c);
      const cj = get(c, 'cronjobs', 'hello')!;
      expect(cj.status.active).toBeUndefined();
      expect(cj.status.lastSuccessfulTime).toBe(COMPLETED_AT);
      expect(c.store.isQueued('cronjob', KEY)).toBe(false);
    });
  });

  it('set one sync later on 1.30', () => {
    const c = cronJobDueAt0950('1.30');
    c.store.tx(() => {
      sync(c);
      completeJob(c);
      sync(c);
      const first = get(c, 'cronjobs', 'hello')!;
      expect(first.status.active).toBeUndefined();
      expect(first.status.lastSuccessfulTime).toBeUndefined();
      // Its own status write queues the CronJob again.
      expect(c.store.isQueued('cronjob', KEY)).toBe(true);
      sync(c);
      expect(get(c, 'cronjobs', 'hello')!.status.lastSuccessfulTime).toBe(COMPLETED_AT);
      expect(c.store.isQueued('cronjob', KEY)).toBe(false);
    });
  });

  it('words SawCompletedJob by version', () => {
    for (const [version, word] of [['1.30', 'status'], ['1.32', 'condition']]) {
      const c = cronJobDueAt0950(version);
      c.store.tx(() => {
        sync(c);
        completeJob(c);
        sync(c);
      });
      const saw = eventsOf(c, get(c, 'cronjobs', 'hello')!).filter((e) => e.includes(' SawCompletedJob '));
      expect(saw).toEqual([`Normal SawCompletedJob Saw completed job: hello-27566510, ${word}: Complete`]);
    }
  });

  it('set with history limit 0 on 1.32', () => {
    const c = newCluster({ version: '1.32' });
    create(c, 'cronjobs', newCronJob('hello', { successfulJobsHistoryLimit: 0 }));
    advance(c, 60_000);
    expect(c.store.list('jobs', 'default')).toEqual([]);
    expect(get(c, 'cronjobs', 'hello')!.status.lastSuccessfulTime).toBe('2022-05-31T09:50:05Z');
  });

  it('never set with history limit 0 on 1.30', () => {
    const c = newCluster({ version: '1.30' });
    create(c, 'cronjobs', newCronJob('hello', { successfulJobsHistoryLimit: 0 }));
    advance(c, 60_000);
    expect(c.store.list('jobs', 'default')).toEqual([]);
    expect(eventsOf(c, get(c, 'cronjobs', 'hello')!).filter((e) => e.includes(' SawCompletedJob '))).toEqual([
      'Normal SawCompletedJob Saw completed job: hello-27566510, status: Complete',
    ]);
    expect(get(c, 'cronjobs', 'hello')!.status.lastSuccessfulTime).toBeUndefined();
  });
});
