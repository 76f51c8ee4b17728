import { describe, expect, it } from 'vitest';
import { advance, create, newCluster, newCronJob } from '../helpers.js';

describe('CronJob admission', () => {
  it('rejects an invalid schedule as the API server does', () => {
    const c = newCluster();
    expect(() => create(c, 'cronjobs', newCronJob('bad', { schedule: '61 * * * *' }))).toThrow(
      'The CronJob "bad" is invalid: spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    );
  });

  it('accepts a schedule that never fires and starts no job', () => {
    const c = newCluster();
    create(c, 'cronjobs', newCronJob('never', { schedule: '0 0 30 2 *' }));
    advance(c, 3_600_000);
    expect(c.store.list('jobs', 'default')).toEqual([]);
    expect(c.store.list('events', 'default').filter((e) => e.involvedObject.name === 'never')).toEqual([]);
  });

  it('rejects an unknown time zone', () => {
    const c = newCluster();
    expect(() => create(c, 'cronjobs', newCronJob('tz', { timeZone: 'Mars/Olympus' }))).toThrow('spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus');
  });
});
