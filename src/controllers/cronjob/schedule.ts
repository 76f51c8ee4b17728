/**
 * CronJob schedules: parsing (five fields or an `@hourly`-style macro, in
 * spec.timeZone or UTC) and the missed-start arithmetic of
 * pkg/controller/cronjob/utils.go. cron-parser is required on first use
 * only, so commands that never reconcile a CronJob never load it.
 */
import { createRequire } from 'node:module';

/** The parts of cron-parser this module uses. */
interface CronParserModule {
  CronExpressionParser: {
    parse(expression: string, options: { currentDate: Date; tz?: string }): { next(): { getTime(): number }; prev(): { getTime(): number } };
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
  /** The latest start time at or before `atMs`. */
  previous(atMs: number): number;
}

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

/** Whether `zone` is an IANA time zone name this runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses a schedule as ParseStandard does: exactly five fields or a macro
 * (a `CRON_TZ=`/`TZ=` prefix picks the zone). Throws an Error whose message
 * follows robfig/cron's wording on a bad schedule.
 */
export function parseSchedule(schedule: string, timeZone?: string): Schedule {
  let text = schedule.trim();
  let zone = timeZone ?? 'UTC';
  const tz = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(text);
  if (tz) {
    zone = tz[1];
    text = tz[2];
  }
  if (text.startsWith('@')) {
    const macro = MACROS[text];
    if (!macro) throw new Error(`unrecognized descriptor: ${text}`);
    text = macro;
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const { CronExpressionParser } = loadParser();
  const expression = `0 ${fields.join(' ')}`;
  CronExpressionParser.parse(expression, { currentDate: new Date(0), tz: zone });
  return {
    next: (afterMs) => CronExpressionParser.parse(expression, { currentDate: new Date(afterMs), tz: zone }).next().getTime(),
    previous: (atMs) => CronExpressionParser.parse(expression, { currentDate: new Date(atMs + 1), tz: zone }).prev().getTime(),
  };
}

/** The schedule times that fell due since the last one handled. */
export interface UnmetTimes {
  /** The most recent unmet start time, if any. */
  mostRecent?: number;
  /** How many start times were missed (including the most recent); counted up to 101, then estimated. */
  missed: number;
}

/**
 * Finds the start times due in (earliest, now]: earliest is the last
 * schedule time, else the CronJob's creation, moved up to
 * now − startingDeadlineSeconds when that is later.
 * Example: `*\/1` created 09:49:38, now 09:52:10 → mostRecent 09:52:00, missed 3.
 */
export function findUnmetTimes(schedule: Schedule, earliest: number, now: number, startingDeadlineSeconds?: number): UnmetTimes {
  let from = earliest;
  if (typeof startingDeadlineSeconds === 'number') from = Math.max(from, now - startingDeadlineSeconds * 1000);
  const first = schedule.next(from);
  if (first > now) return { missed: 0 };
  let missed = 0;
  let mostRecent = first;
  for (let t = first; t <= now; t = schedule.next(t)) {
    mostRecent = t;
    missed++;
    if (missed > 100) {
      // Past 100 the count is estimated from the interval between the first two times, as Kubernetes does.
      const second = schedule.next(first);
      return { mostRecent: schedule.previous(now), missed: Math.floor((now - first) / Math.max(1000, second - first)) + 1 };
    }
  }
  return { mostRecent, missed };
}
