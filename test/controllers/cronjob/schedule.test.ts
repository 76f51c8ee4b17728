import { describe, expect, it } from 'vitest';
import { mostRecentScheduleTime, nextScheduleTime, parseSchedule } from '../../../src/controllers/cronjob/schedule.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('@every schedule', () => {
  it('adds the delay to the time rounded down to its second', () => {
    expect(iso(parseSchedule('@every 90s').next(at('2022-05-31T10:00:05.700Z')))).toBe('2022-05-31T10:01:35.000Z');
  });

  it('drops a fraction of a second from the delay', () => {
    expect(iso(parseSchedule('@every 1.9s').next(at('2022-05-31T10:00:00Z')))).toBe('2022-05-31T10:00:01.000Z');
  });

  it('raises a delay under one second to one second', () => {
    expect(iso(parseSchedule('@every 10ms').next(at('2022-05-31T10:00:00Z')))).toBe('2022-05-31T10:00:01.000Z');
    expect(iso(parseSchedule('@every -5m').next(at('2022-05-31T10:00:00Z')))).toBe('2022-05-31T10:00:01.000Z');
  });

  it('accepts a zone prefix', () => {
    expect(iso(parseSchedule('TZ=Europe/Berlin @every 1m').next(at('2022-05-31T10:00:00Z')))).toBe('2022-05-31T10:01:00.000Z');
  });

  it('rejects a duration Go cannot parse', () => {
    expect(() => parseSchedule('@every 1d')).toThrow('failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"');
  });

  it('finds the latest start counted on from earliest', () => {
    const unmet = mostRecentScheduleTime(parseSchedule('@every 7m'), at('2022-05-31T10:00:30Z'), at('2022-05-31T11:00:00Z'));
    expect(iso(unmet.mostRecent)).toBe('2022-05-31T10:56:30.000Z');
    expect(unmet.missed).toBe(8);
  });

  it('restarts the count at now − startingDeadlineSeconds', () => {
    const unmet = mostRecentScheduleTime(parseSchedule('@every 7m'), at('2022-05-31T10:00:30Z'), at('2022-05-31T11:00:00Z'), 600);
    expect(iso(unmet.mostRecent)).toBe('2022-05-31T10:57:00.000Z');
  });
});

describe('nextScheduleTime', () => {
  it('continues an @every series after the most recent start', () => {
    expect(iso(nextScheduleTime(parseSchedule('@every 7m'), at('2022-05-31T10:00:30Z'), at('2022-05-31T11:00:00Z')))).toBe('2022-05-31T11:03:30.000Z');
  });

  it('waits for the first @every start after earliest', () => {
    expect(iso(nextScheduleTime(parseSchedule('@every 7m'), at('2022-05-31T10:00:30Z'), at('2022-05-31T10:02:00Z')))).toBe('2022-05-31T10:07:30.000Z');
  });

  it('returns the first start after now for a five-field schedule', () => {
    expect(iso(nextScheduleTime(parseSchedule('*/5 * * * *'), at('2022-05-31T10:00:30Z'), at('2022-05-31T11:02:00Z')))).toBe('2022-05-31T11:05:00.000Z');
  });
});
