import { describe, expect, it } from 'vitest';
import { advance, create, eventsOf, get, newCluster, newCronJob } from '../helpers.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from '../../../src/engine/open.js';

function jobNames(c: Cluster): string[] {
  return c.store.list('jobs', 'default').map((j) => j.metadata.name);
}

function reasons(c: Cluster, name: string, reason: string): string[] {
  return eventsOf(c, get(c, 'cronjobs', name)!).filter((e) => e.split(' ')[1] === reason);
}

describe('cronjob controller', () => {
  it('starts one job per minute and keeps three successful ones', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('hello'));
    advance(c, 10 * 60_000);
    expect(reasons(c, 'hello', 'SuccessfulCreate')).toHaveLength(10);
    expect(jobNames(c)).toEqual(['hello-27566517', 'hello-27566518', 'hello-27566519']);
    const cj = get(c, 'cronjobs', 'hello')!;
    expect(cj.status.lastScheduleTime).toBe('2022-05-31T09:59:00Z');
    expect(cj.status.active).toBeUndefined();
  });

  it('gives jobs the scheduled time as creationTimestamp and annotation', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('hello'));
    advance(c, 31_000);
    const job = get(c, 'jobs', 'hello-27566510')!;
    expect(job.metadata.creationTimestamp).toBe('2022-05-31T09:50:00Z');
    expect(job.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2022-05-31T09:50:00Z' });
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
  });

  it('names jobs by Unix seconds on 1.15', () => {
    const c = newCluster({ version: '1.15' });
    create(c, 'cronjobs', newCronJob('hello'));
    advance(c, 31_000);
    expect(jobNames(c)).toEqual(['hello-1653990600']);
  });

  it('runs overlapping jobs under Allow', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('slow', { script: 'sleep 90' }));
    advance(c, 91_000);
    expect(get(c, 'cronjobs', 'slow')!.status.active.map((r: any) => r.name)).toEqual(['slow-27566510', 'slow-27566511']);
  });

  it('skips a start while the previous job runs under Forbid', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('slow', { script: 'sleep 90', concurrencyPolicy: 'Forbid' }));
    advance(c, 4 * 60_000);
    // Identical skips aggregate into one event; each sync during a skipped minute counts again.
    expect(reasons(c, 'slow', 'JobAlreadyActive')).toEqual(['Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid']);
    // Without startingDeadlineSeconds the skipped start runs late, as soon as the previous job finishes.
    expect(reasons(c, 'slow', 'SuccessfulCreate')).toEqual([
      'Normal SuccessfulCreate Created job slow-27566510',
      'Normal SuccessfulCreate Created job slow-27566511',
      'Normal SuccessfulCreate Created job slow-27566513',
    ]);
    expect(get(c, 'jobs', 'slow-27566511')!.metadata.creationTimestamp).toBe('2022-05-31T09:51:35Z');
  });

  it('deletes the running job before starting the next under Replace', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('slow', { script: 'sleep 90', concurrencyPolicy: 'Replace' }));
    advance(c, 91_000);
    expect(reasons(c, 'slow', 'SuccessfulDelete')).toEqual(['Normal SuccessfulDelete Deleted job slow-27566510']);
    expect(get(c, 'cronjobs', 'slow')!.status.active.map((r: any) => r.name)).toEqual(['slow-27566511']);
    expect(jobNames(c)).toEqual(['slow-27566511']);
  });

  it('keeps one failed job by default', () => {
    const c = newCluster();
    const cj = newCronJob('bad', { script: 'exit 1' });
    cj.spec.jobTemplate.spec.backoffLimit = 0;
    create(c, 'cronjobs', cj);
    advance(c, 4 * 60_000);
    expect(jobNames(c)).toEqual(['bad-27566513']);
  });

  it('creates no jobs while suspended', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('paused', { suspend: true }));
    advance(c, 5 * 60_000);
    expect(jobNames(c)).toEqual([]);
  });

  it('cleans up only at the 10-second poll on 1.15', () => {
    const c = newCluster({ version: '1.15' });
    create(c, 'cronjobs', newCronJob('hello'));
    // The 09:53 job completes a few seconds after it starts; only the poll at 09:53:10 deletes the 09:50 job.
    advance(c, 3 * 60_000 + 37_000);
    expect(jobNames(c)).toEqual(['hello-1653990600', 'hello-1653990660', 'hello-1653990720', 'hello-1653990780']);
    advance(c, 3_000);
    expect(jobNames(c)).toEqual(['hello-1653990660', 'hello-1653990720', 'hello-1653990780']);
  });

  it('reports more than 100 missed starts and runs the latest on 1.32', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('late', { suspend: true }));
    advance(c, 3 * 3_600_000);
    const cj = get(c, 'cronjobs', 'late')!;
    cj.spec.suspend = false;
    c.store.tx(() => c.store.update('cronjobs', cj));
    c.settle();
    expect(reasons(c, 'late', 'TooManyMissedTimes')).toEqual([
      'Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    ]);
    expect(jobNames(c)).toEqual(['late-27566689']);
  });

  it('refuses to start after more than 100 missed starts on 1.15', () => {
    const c = newCluster({ version: '1.15' });
    create(c, 'cronjobs', newCronJob('late', { suspend: true }));
    advance(c, 3 * 3_600_000);
    const cj = get(c, 'cronjobs', 'late')!;
    cj.spec.suspend = false;
    c.store.tx(() => c.store.update('cronjobs', cj));
    c.settle();
    expect(reasons(c, 'late', 'FailedNeedsStart')).toHaveLength(1);
    expect(jobNames(c)).toEqual([]);
  });

  it('counts missed starts only within startingDeadlineSeconds', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('late', { suspend: true, startingDeadlineSeconds: 200 }));
    advance(c, 3 * 3_600_000);
    const cj = get(c, 'cronjobs', 'late')!;
    cj.spec.suspend = false;
    c.store.tx(() => c.store.update('cronjobs', cj));
    c.settle();
    expect(reasons(c, 'late', 'TooManyMissedTimes')).toEqual([]);
    expect(jobNames(c)).toEqual(['late-27566689']);
  });

  it('deletes its jobs and their pods when the CronJob is deleted', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('hello'));
    advance(c, 3 * 60_000);
    c.store.tx(() => c.store.remove('cronjobs', 'default', 'hello'));
    c.settle();
    expect(jobNames(c)).toEqual([]);
    expect(c.store.list('pods', 'default')).toEqual([]);
  });

  it('reports an unparseable schedule stored before validation', () => {
    const c = newCluster();
    // The API server rejects such a schedule now; an object stored without that check still gets the event.
    const admission = c.store.admission;
    c.store.admission = undefined;
    create(c, 'cronjobs', newCronJob('odd', { schedule: '* * *' }));
    c.store.admission = admission;
    expect(reasons(c, 'odd', 'UnparseableSchedule')).toEqual(['Warning UnparseableSchedule unparseable schedule: "* * *" : expected exactly 5 fields, found 3: [* * *]']);
  });
});

describe('cronjob controller on a wall clock', () => {
  it('catches up an hour away from the due timers alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-wall-'));
    const c = createCluster('wall', { clock: 'wall', seed: 1 }, join(dir, 'state.db'));
    create(c, 'cronjobs', newCronJob('hello'));
    // Count job creations at the store: the event recorder combines and rate-limits SuccessfulCreate events.
    let created = 0;
    c.store.hooks.push((resource, obj, old) => {
      if (resource === 'jobs' && obj && !old) created++;
    });
    c.advanceClock(3_600_000);
    c.settle();
    expect(created).toBeGreaterThanOrEqual(60);
    expect(reasons(c, 'hello', 'TooManyMissedTimes')).toEqual([]);
    // The job of the latest minute may still run when the wall clock has just passed it.
    const all = c.store.list('jobs', 'default');
    const jobs = all.filter((j) => (j.status?.conditions ?? []).some((x: any) => x.type === 'Complete'));
    expect(all.length - jobs.length).toBeLessThanOrEqual(1);
    expect(jobs).toHaveLength(3);
    const minutes = jobs.map((j) => Number(j.metadata.name.split('-')[1]));
    expect(minutes).toEqual([minutes[0], minutes[0] + 1, minutes[0] + 2]);
  });
});
