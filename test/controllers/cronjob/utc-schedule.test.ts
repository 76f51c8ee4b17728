import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { utcScheduleWalker, type CronFields } from '../../../src/controllers/cronjob/utc-schedule.js';
import { mostRecentScheduleTime, parseSchedule, recentUnmetScheduleTimes } from '../../../src/controllers/cronjob/schedule.js';

interface Expression {
  fields: CronFields;
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
const WEEKDAYS = ['*', '0', '1-5', 'SUN', '6', '7', '?'];

/** A small seeded generator, so the generated cases are the same on every run. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

describe('UTC schedule walker', () => {
  it('matches cron-parser on generated schedules', () => {
    const pick = generator(7);
    const from = Date.UTC(2020, 0, 1);
    const span = Date.UTC(2030, 0, 1) - from;
    let compared = 0;
    for (let i = 0; i < 120; i++) {
      const text = [MINUTES, HOURS, DAYS, MONTHS, WEEKDAYS].map((options) => options[pick(options.length)]).join(' ');
      let expression: Expression;
      try {
        expression = CronExpressionParser.parse(`0 ${text}`, { currentDate: new Date(0), tz: 'UTC' });
      } catch {
        // cron-parser rejects a day that no month of the field has (31 in February), and the controller never fires it.
        continue;
      }
      const walk = utcScheduleWalker(expression.fields);
      expect(walk, text).toBeDefined();
      for (let j = 0; j < 12; j++) {
        const minute = from + Math.floor((pick(1 << 20) / (1 << 20)) * (span / 60_000)) * 60_000;
        expression.reset(new Date(minute + 59_000));
        const expected = expression.next().getTime();
        expect(new Date(walk!(minute)!).toISOString(), `${text} after ${new Date(minute).toISOString()}`).toBe(new Date(expected).toISOString());
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1200);
  });

  it('crosses month ends and leap days', () => {
    const walk = utcScheduleWalker(CronExpressionParser.parse('0 0 0 29 2 *', { currentDate: new Date(0), tz: 'UTC' }).fields)!;
    expect(new Date(walk(Date.UTC(2022, 4, 31, 9, 50))!).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    const monthEnd = utcScheduleWalker(CronExpressionParser.parse('0 30 23 31 * *', { currentDate: new Date(0), tz: 'UTC' }).fields)!;
    expect(new Date(monthEnd(Date.UTC(2022, 3, 1))!).toISOString()).toBe('2022-05-31T23:30:00.000Z');
  });

  it('leaves L and # forms to cron-parser', () => {
    for (const text of ['0 0 0 L * *', '0 0 0 * * 5#3', '30 0 0 * * *']) {
      expect(utcScheduleWalker(CronExpressionParser.parse(text, { currentDate: new Date(0), tz: 'UTC' }).fields)).toBeUndefined();
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
