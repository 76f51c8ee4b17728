import { describe, expect, it } from 'vitest';
import { advance, create, get, newCluster, newCronJob } from '../helpers.js';
import type { Cluster } from '../../../src/engine/cluster.js';

function jobNames(c: Cluster): string[] {
  return c.store.list('jobs', 'default').map((j) => j.metadata.name);
}

/** Advances to `seconds` past the fourth scheduled start (09:53:00). */
function toFourthRun(c: Cluster, seconds: number): void {
  advance(c, Date.parse('2022-05-31T09:53:00Z') + seconds * 1000 - c.simNow);
}

describe('cronjob controller polling before 1.21', () => {
  it('trims the history only at the poll after the fourth job completes on 1.15', () => {
    const c = newCluster({ version: '1.15' });
    create(c, 'cronjobs', newCronJob('hello'));
    toFourthRun(c, 9);
    expect(get(c, 'jobs', 'hello-1653990780')!.status.succeeded).toBe(1);
    expect(jobNames(c)).toEqual(['hello-1653990600', 'hello-1653990660', 'hello-1653990720', 'hello-1653990780']);
    toFourthRun(c, 10);
    expect(jobNames(c)).toEqual(['hello-1653990660', 'hello-1653990720', 'hello-1653990780']);
  });

  it('trims the history as soon as the job completes on 1.32', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('hello'));
    toFourthRun(c, 9);
    expect(jobNames(c)).toEqual(['hello-27566511', 'hello-27566512', 'hello-27566513']);
  });
});
