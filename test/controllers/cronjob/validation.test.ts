import { describe, expect, it } from 'vitest';
import { findScheduleError } from '../../../src/controllers/cronjob/validation.js';
import { advance, create, newCluster, newCronJob } from '../helpers.js';

describe('findScheduleError', () => {
  it.each([
    ['*/1 * * * *', undefined],
    ['0 9 * * mon-fri', undefined],
    ['@hourly', undefined],
    ['', 'empty spec string'],
    ['* * *', 'expected exactly 5 fields, found 3: [* * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-2 * * * *', 'beginning of range (5) beyond end of range (2): 5-2'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@hourly ', 'unrecognized descriptor: @hourly '],
    ['@every 1m', undefined],
    ['@every 1h30m', undefined],
    ['@every 0.5s', undefined],
    ['@every -5m', undefined],
    ['TZ=UTC @every 1m', undefined],
    ['@every', 'unrecognized descriptor: @every'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['@every 5x', 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every  1m', 'failed to parse duration @every  1m: time: invalid duration " 1m"'],
    ['@every 1m ', 'failed to parse duration @every 1m : time: unknown unit "m " in duration "1m "'],
  ])('checks %j', (schedule, error) => {
    expect(findScheduleError(schedule)).toBe(error);
  });
});

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

  it('rejects an @every schedule whose duration Go cannot parse', () => {
    const c = newCluster();
    expect(() => create(c, 'cronjobs', newCronJob('bad', { schedule: '@every 5x' }))).toThrow(
      'The CronJob "bad" is invalid: spec.schedule: Invalid value: "@every 5x": failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"',
    );
  });

  it('rejects an unknown time zone', () => {
    const c = newCluster();
    expect(() => create(c, 'cronjobs', newCronJob('tz', { timeZone: 'Mars/Olympus' }))).toThrow('spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus');
  });
});
