/**
 * CronJob schedules: parsing (five fields or an `@hourly`-style macro, in
 * spec.timeZone or UTC) and the missed-start arithmetic of
 * pkg/controller/cronjob/utils.go. UTC schedules are walked by
 * utc-schedule.ts. cron-parser, for other zones, is required on first use
 * only, so commands that never reconcile such a CronJob never load it.
 */
import { createRequire } from 'node:module';
import { parseEveryDescriptor } from '../../api/cron-syntax.js';
import { utcScheduleWalker } from './utc-schedule.js';

/** The parts of cron-parser this module uses. */
interface CronExpression {
  reset(date: Date): void;
  next(): { getTime(): number };
}
interface CronParserModule {
  CronExpressionParser: {
    parse(expression: string, options: { currentDate: Date; tz?: string }): CronExpression;
  };
}

let parser: CronParserModule | undefined;

function loadParser(): CronParserModule {
  parser ??= createRequire(import.meta.url)('cron-parser') as CronParserModule;
  return parser;
}

/** A parsed schedule: the first start time strictly after a given time. */
export interface Schedule {
  next(afterMs: number): number;
}

/** Maximum next times memoized per schedule. A sync requests the same few times again and again. */
const NEXT_MEMO_SIZE = 256;

/**
 * Wraps a next-start function of whole minutes and memoizes it. Start times
 * fall on whole minutes, so every instant of a minute has the same next
 * start time. A UTC minute is a local one because every zone offset since
 * 1972 is a whole number of minutes (checked against Node's time zone data).
 */
function memoSchedule(nextAfterMinute: (minute: number) => number): Schedule {
  const memo = new Map<number, number>();
  return {
    next(afterMs) {
      const minute = Math.floor(afterMs / 60_000) * 60_000;
      let next = memo.get(minute);
      if (next !== undefined) return next;
      next = nextAfterMinute(minute);
      if (memo.size >= NEXT_MEMO_SIZE) memo.clear();
      memo.set(minute, next);
      return next;
    },
  };
}

/** Parsed schedules by zone and text, so a controller parses each schedule once per process. */
const parsed = new Map<string, Schedule | Error>();

/** The last schedule looked up. A CronJob's next sync looks up the same one, and then needs no map key. */
let lastLookup: { schedule: string; timeZone: string | undefined; entry: Schedule | Error } | undefined;

/** Macros robfig/cron's ParseStandard accepts, as five-field expressions. */
const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Zone names remembered by isKnownTimeZone before its cache is emptied. */
const MAX_KNOWN_ZONES = 1_000;

/** Results of isKnownTimeZone by name: the runtime's zone data does not change while it runs. */
const knownZones = new Map<string, boolean>();

/** Whether `zone` is an IANA time zone name this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known !== undefined) return known;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    known = true;
  } catch {
    known = false;
  }
  if (knownZones.size >= MAX_KNOWN_ZONES) knownZones.clear();
  knownZones.set(zone, known);
  return known;
}

/**
 * Builds robfig/cron's ConstantDelaySchedule (`@every 90s`): the next start
 * is the given time, rounded down to its second, plus the delay. So the
 * starts follow on from whatever time the caller passes, not from a grid.
 * Example: delay 90 s after 10:00:05.700 → 10:01:35.
 */
function constantDelaySchedule(delayMs: number): Schedule {
  return {
    next(afterMs) {
      const millisecond = ((afterMs % 1000) + 1000) % 1000;
      return afterMs - millisecond + delayMs;
    },
  };
}

/**
 * Parses a schedule as ParseStandard does: exactly five fields, a macro or
 * `@every <duration>` (a `CRON_TZ=`/`TZ=` prefix picks the zone). Throws an
 * Error whose message follows robfig/cron's wording on a bad schedule.
 */
export function parseSchedule(schedule: string, timeZone?: string): Schedule {
  let entry: Schedule | Error | undefined;
  if (lastLookup !== undefined && lastLookup.schedule === schedule && lastLookup.timeZone === timeZone) {
    entry = lastLookup.entry;
  } else {
    const key = `${timeZone ?? ''}\u0000${schedule}`;
    entry = parsed.get(key);
    if (entry === undefined) {
      try {
        entry = compileSchedule(schedule, timeZone);
      } catch (err) {
        entry = err as Error;
      }
      parsed.set(key, entry);
    }
    lastLookup = { schedule, timeZone, entry };
  }
  if (entry instanceof Error) throw entry;
  return entry;
}

function compileSchedule(schedule: string, timeZone: string | undefined): Schedule {
  // robfig/cron trims only the text after a zone prefix, so `@hourly ` with a trailing space is an unknown descriptor.
  let text = schedule;
  let zone = timeZone ?? 'UTC';
  const tz = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(text);
  if (tz) {
    zone = tz[1];
    text = tz[2].trim();
  }
  if (text.startsWith('@')) {
    const every = parseEveryDescriptor(text);
    if (every && 'error' in every) throw new Error(every.error);
    if (every) return constantDelaySchedule(every.delayMs);
    const macro = MACROS[text];
    if (!macro) throw new Error(`unrecognized descriptor: ${text}`);
    text = macro;
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const walk = zone === 'UTC' || zone === 'Etc/UTC' ? utcScheduleWalker(fields) : undefined;
  if (walk) return memoSchedule(walk);
  // NOTE: for other zones cron-parser matches days: its `*\/1` day field is restricted, where robfig/cron treats it as `*`.
  const { CronExpressionParser } = loadParser();
  const expression = CronExpressionParser.parse(`0 ${fields.join(' ')}`, { currentDate: new Date(0), tz: zone });
  return memoSchedule((minute) => {
    // From the minute's last second cron-parser steps one second, not 59, to the next minute.
    expression.reset(new Date(minute + 59_000));
    return expression.next().getTime();
  });
}

/** The schedule times that fell due since the last one handled. */
export interface UnmetTimes {
  /** The most recent unmet start time, if any. */
  mostRecent?: number;
  /** Count of missed start times, including the most recent (each function states how exact it is). */
  missed: number;
  /** The controller's error for a schedule whose first two starts are less than a second apart. */
  error?: string;
}

/** Returns the time after which starts count as missed: `earliest`, or now − startingDeadlineSeconds when later. */
function windowStart(earliest: number, now: number, startingDeadlineSeconds: number | undefined): number {
  return typeof startingDeadlineSeconds === 'number' ? Math.max(earliest, now - startingDeadlineSeconds * 1000) : earliest;
}

/**
 * Finds the most recent start time due in (earliest, now], the way the v2
 * controller (1.21+) does (mostRecentScheduleTime in
 * pkg/controller/cronjob/utils.go): earliest is the last schedule time, else
 * the CronJob's creation, moved up to now − startingDeadlineSeconds when that
 * is later. The missed count is estimated from the interval between the
 * first two start times, so the cost does not grow with the time elapsed.
 * Example: `*\/1` created 09:49:38, now 09:52:10 → mostRecent 09:52:00, missed 3.
 */
export function mostRecentScheduleTime(schedule: Schedule, earliest: number, now: number, startingDeadlineSeconds?: number): UnmetTimes {
  const from = windowStart(earliest, now, startingDeadlineSeconds);
  const t1 = schedule.next(from);
  if (now < t1) return { missed: 0 };
  const t2 = schedule.next(t1);
  if (now < t2) return { mostRecent: t1, missed: 1 };
  const interval = Math.round((t2 - t1) / 1000);
  if (interval < 1) return { missed: 0, error: 'time difference between two schedules is less than 1 second' };
  const missed = Math.trunc((now - t1) / 1000 / interval) + 1;
  // Start one interval before the estimate, so schedules with uneven gaps (30 6-16/4 * * 1-5) still find their latest time.
  let mostRecent: number | undefined;
  for (let t = schedule.next(t1 + (missed - 2) * interval * 1000); t <= now; t = schedule.next(t)) mostRecent = t;
  return mostRecent === undefined ? { missed } : { mostRecent, missed };
}

/**
 * Finds the time of the controller's next sync of a CronJob, as
 * nextScheduleTimeDuration in pkg/controller/cronjob/utils.go (1.29+)
 * computes it, without its 100 ms margin for clock skew. It ignores
 * startingDeadlineSeconds and returns the start after the most recent one
 * due by now. When none is due it returns the first start after `earliest`,
 * or the first after now when starts were missed or the schedule is
 * invalid. For a five-field schedule this is the first start after now; an
 * `@every` schedule counts its starts on from `earliest`.
 */
export function nextScheduleTime(schedule: Schedule, earliest: number, now: number): number {
  const unmet = mostRecentScheduleTime(schedule, earliest, now);
  if (unmet.mostRecent !== undefined) return schedule.next(unmet.mostRecent);
  return schedule.next(unmet.missed === 0 && !unmet.error ? earliest : now);
}

/**
 * Lists the start times due in (earliest, now] one by one, as the v1
 * controller (before 1.21) does (getRecentUnmetScheduleTimes): it gives up
 * past 100, reported as missed 101 without a most recent time.
 */
export function recentUnmetScheduleTimes(schedule: Schedule, earliest: number, now: number, startingDeadlineSeconds?: number): UnmetTimes {
  const from = windowStart(earliest, now, startingDeadlineSeconds);
  let missed = 0;
  let mostRecent: number | undefined;
  for (let t = schedule.next(from); t <= now; t = schedule.next(t)) {
    mostRecent = t;
    if (++missed > 100) return { missed };
  }
  return mostRecent === undefined ? { missed } : { mostRecent, missed };
}
