import { describe, expect, it } from 'vitest';
import { advance, create, eventsOf, get, newCluster, newCronJob } from '../helpers.js';
import type { Cluster } from '../../../src/engine/cluster.js';

/** Lists each job as `name creationTimestamp`, in name order. */
function jobTimes(c: Cluster): string[] {
  return c.store.list('jobs', 'default').map((j) => `${j.metadata.name} ${j.metadata.creationTimestamp}`);
}

function reasons(c: Cluster, name: string, reason: string): string[] {
  return eventsOf(c, get(c, 'cronjobs', name)!).filter((e) => e.split(' ')[1] === reason);
}

/** Creates a suspended CronJob, waits `ms`, then resumes it. */
function resumeAfter(c: Cluster, cj: ReturnType<typeof newCronJob>, ms: number): void {
  create(c, 'cronjobs', { ...cj, spec: { ...cj.spec, suspend: true } });
  advance(c, ms);
  const stored = get(c, 'cronjobs', cj.metadata.name)!;
  stored.spec.suspend = false;
  c.store.tx(() => c.store.update('cronjobs', stored));
  c.settle();
}

describe('cronjob controller with @every schedules', () => {
  it('counts starts on from the creation time', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('tick', { schedule: '@every 90s' }));
    advance(c, 6 * 60_000);
    // Created 09:49:30: starts every 90 s from then; three finished jobs are kept.
    expect(jobTimes(c)).toEqual([
      'tick-27566511 2022-05-31T09:51:00Z',
      'tick-27566512 2022-05-31T09:52:30Z',
      'tick-27566514 2022-05-31T09:54:00Z',
      'tick-27566515 2022-05-31T09:55:30Z',
    ]);
    expect(get(c, 'cronjobs', 'tick')!.status.lastScheduleTime).toBe('2022-05-31T09:55:30Z');
  });

  it('starts no second job in a minute that already has one', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('fast', { schedule: '@every 20s' }));
    advance(c, 2 * 60_000);
    // Job names count minutes, so the 09:50:30 and 09:50:50 starts find fast-27566510 and only record their time.
    expect(jobTimes(c)).toEqual(['fast-27566509 2022-05-31T09:49:50Z', 'fast-27566510 2022-05-31T09:50:10Z', 'fast-27566511 2022-05-31T09:51:10Z']);
    const cj = get(c, 'cronjobs', 'fast')!;
    expect(cj.status.lastScheduleTime).toBe('2022-05-31T09:51:30Z');
    expect(cj.status.active).toBeUndefined();
  });

  it('never starts when startingDeadlineSeconds is shorter than the delay', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('strict', { schedule: '@every 1m', startingDeadlineSeconds: 30 }));
    advance(c, 5 * 60_000);
    // The window starts at now − 30 s, and the first start after it is 30 s after now.
    expect(jobTimes(c)).toEqual([]);
    expect(get(c, 'cronjobs', 'strict')!.status?.lastScheduleTime).toBeUndefined();
  });

  it('starts when startingDeadlineSeconds covers the delay', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('loose', { schedule: '@every 1m', startingDeadlineSeconds: 60 }));
    advance(c, 2 * 60_000);
    expect(jobTimes(c)).toEqual(['loose-27566510 2022-05-31T09:50:30Z', 'loose-27566511 2022-05-31T09:51:30Z']);
  });

  it('reports more than 100 missed starts and runs the latest', () => {
    const c = newCluster();
    resumeAfter(c, newCronJob('late', { schedule: '@every 1m' }), 3 * 3_600_000);
    expect(reasons(c, 'late', 'TooManyMissedTimes')).toEqual([
      'Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    ]);
    expect(jobTimes(c)).toEqual(['late-27566689 2022-05-31T12:49:30Z']);
    advance(c, 60_000);
    expect(jobTimes(c)).toEqual(['late-27566689 2022-05-31T12:49:30Z', 'late-27566690 2022-05-31T12:50:30Z']);
  });

  it('names jobs by Unix seconds on 1.15', () => {
    const c = newCluster({ version: '1.15' });
    create(c, 'cronjobs', newCronJob('tick', { schedule: '@every 90s' }));
    advance(c, 3 * 60_000);
    expect(jobTimes(c)).toEqual(['tick-1653990660 2022-05-31T09:51:00Z', 'tick-1653990750 2022-05-31T09:52:30Z']);
  });
});

describe('cronjob controller missed-start message', () => {
  it('includes the estimated count before 1.29', () => {
    const c = newCluster({ version: '1.28' });
    resumeAfter(c, newCronJob('late'), 3 * 3_600_000);
    expect(reasons(c, 'late', 'TooManyMissedTimes')).toEqual([
      'Warning TooManyMissedTimes too many missed start times: 180. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    ]);
  });
});
