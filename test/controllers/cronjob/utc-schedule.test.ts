import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { utcScheduleWalker } from '../../../src/controllers/cronjob/utc-schedule.js';
import { mostRecentScheduleTime, parseSchedule, recentUnmetScheduleTimes } from '../../../src/controllers/cronjob/schedule.js';

interface Expression {
  reset(date: Date): void;
  next(): { getTime(): number };
}
const { CronExpressionParser } = createRequire(import.meta.url)('cron-parser') as {
  CronExpressionParser: { parse(text: string, options: { currentDate: Date; tz: string }): Expression };
};

const MINUTES = ['*', '*/5', '0', '15,45', '10-20', '0-59/7', '59'];
const HOURS = ['*', '0', '9-17', '*/6', '23'];
const DAYS = ['*', '1', '15', '29', '31', '1-7', '?', '*/10'];
const MONTHS = ['*', '2', 'JAN-MAR', '*/4', '12'];
const WEEKDAYS = ['*', '0', '1-5', 'SUN', 'mon-fri', '6', '?'];

/** A small seeded generator, so the generated cases are the same on every run. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

/** Formats the walker's next start after `from` as an ISO string. */
function nextAfter(schedule: string, from: string): string {
  const walk = utcScheduleWalker(schedule.split(' '))!;
  return new Date(walk(Date.parse(from))).toISOString();
}

describe('UTC schedule walker', () => {
  it('matches cron-parser on generated schedules', () => {
    const pick = generator(7);
    const from = Date.UTC(2020, 0, 1);
    const span = Date.UTC(2030, 0, 1) - from;
    let compared = 0;
    for (let i = 0; i < 120; i++) {
      const fields = [MINUTES, HOURS, DAYS, MONTHS, WEEKDAYS].map((options) => options[pick(options.length)]);
      let expression: Expression;
      try {
        expression = CronExpressionParser.parse(`0 ${fields.join(' ')}`, { currentDate: new Date(0), tz: 'UTC' });
      } catch {
        // cron-parser rejects a day that no month of the field has (31 in February), and such a schedule never fires.
        expect(utcScheduleWalker(fields), fields.join(' ')).toBeUndefined();
        continue;
      }
      const walk = utcScheduleWalker(fields);
      expect(walk, fields.join(' ')).toBeDefined();
      for (let j = 0; j < 12; j++) {
        const minute = from + Math.floor((pick(1 << 20) / (1 << 20)) * (span / 60_000)) * 60_000;
        expression.reset(new Date(minute + 59_000));
        const expected = new Date(expression.next().getTime()).toISOString();
        expect(new Date(walk!(minute)).toISOString(), `${fields.join(' ')} after ${new Date(minute).toISOString()}`).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1200);
  });

  it('crosses month ends and leap days', () => {
    expect(nextAfter('0 0 29 2 *', '2022-05-31T09:50:00Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(nextAfter('30 23 31 * *', '2022-04-01T00:00:00Z')).toBe('2022-05-31T23:30:00.000Z');
    expect(nextAfter('0 0 29 2 *', '2096-03-01T00:00:00Z')).toBe('2104-02-29T00:00:00.000Z');
  });

  it('follows robfig day and step rules', () => {
    // A starred day of month (`*\/1`) makes both day fields required: Mondays only, not every day.
    expect(nextAfter('0 0 */1 * 1', '2022-05-31T09:50:00Z')).toBe('2022-06-06T00:00:00.000Z');
    // `5/15` means 5-59/15.
    expect(nextAfter('5/15 * * * *', '2022-05-31T09:50:00Z')).toBe('2022-05-31T10:05:00.000Z');
    // With both day fields restricted either one matches.
    expect(nextAfter('0 0 15 * 1', '2022-05-31T09:50:00Z')).toBe('2022-06-06T00:00:00.000Z');
  });

  it('leaves other schedules to cron-parser', () => {
    for (const text of ['0 0 30 2 *', '0 0 * * 7', '0 0 L * *', '0 0 * * 5#3', '0 0 * *']) {
      expect(utcScheduleWalker(text.split(' ')), text).toBeUndefined();
    }
  });
});

describe('schedule start times', () => {
  it('finds latest of many missed', () => {
    const schedule = parseSchedule('*/1 * * * *');
    const created = Date.parse('2022-05-31T09:49:38Z');
    expect(mostRecentScheduleTime(schedule, created, Date.parse('2022-05-31T09:52:10Z'))).toEqual({ mostRecent: Date.parse('2022-05-31T09:52:00Z'), missed: 3 });
    expect(mostRecentScheduleTime(schedule, created, Date.parse('2022-05-31T12:49:38Z'))).toEqual({ mostRecent: Date.parse('2022-05-31T12:49:00Z'), missed: 180 });
  });

  it('finds uneven schedule after gap', () => {
    // Weekdays at 06:30, 10:30 and 14:30: the gaps differ, so the estimate alone would be wrong.
    const schedule = parseSchedule('30 6-16/4 * * 1-5');
    const result = mostRecentScheduleTime(schedule, Date.parse('2022-05-02T00:00:00Z'), Date.parse('2022-05-31T12:00:00Z'));
    expect(new Date(result.mostRecent!).toISOString()).toBe('2022-05-31T10:30:00.000Z');
  });

  it('v1 listing stops past 100', () => {
    const schedule = parseSchedule('*/1 * * * *');
    const created = Date.parse('2022-05-31T09:49:38Z');
    expect(recentUnmetScheduleTimes(schedule, created, Date.parse('2022-05-31T09:52:10Z'))).toEqual({ mostRecent: Date.parse('2022-05-31T09:52:00Z'), missed: 3 });
    expect(recentUnmetScheduleTimes(schedule, created, Date.parse('2022-05-31T12:49:38Z'))).toEqual({ missed: 101 });
  });

  it('parses each schedule once per zone', () => {
    expect(parseSchedule('0 * * * *', 'UTC')).toBe(parseSchedule('0 * * * *', 'UTC'));
    expect(parseSchedule('0 * * * *', 'Europe/Berlin')).not.toBe(parseSchedule('0 * * * *', 'UTC'));
  });
});
