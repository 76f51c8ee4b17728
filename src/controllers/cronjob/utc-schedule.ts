/**
 * UTC schedules without cron-parser: the five fields parsed as robfig/cron's
 * standard parser does (the parser the CronJob controller uses), and the next
 * start time found by plain calendar arithmetic. cron-parser and luxon cost
 * an estimated 80 ms to load and parse in each CLI process, and luxon date
 * steps an estimated 0.1 ms per next time.
 */

/** Allowed values of the five fields, indexed by value, and robfig's star flags of the day fields. */
interface Fields {
  minutes: boolean[];
  hours: boolean[];
  days: boolean[];
  months: boolean[];
  weekdays: boolean[];
  /** The day-of-month field starts with `*` or `?` without a step above 1 (robfig's starBit). */
  dayStar: boolean;
  /** The day-of-week field starts with `*` or `?` without a step above 1. */
  weekdayStar: boolean;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTE: Bounds = { min: 0, max: 59 };
const HOUR: Bounds = { min: 0, max: 23 };
const DAY: Bounds = { min: 1, max: 31 };
const MONTH: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const WEEKDAY: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** Maximum walk steps. A schedule that fires needs a few hundred at most (February 29 skips 2100). */
const MAX_STEPS = 4000;

/** Parses a number or a month or weekday name (any case), or returns undefined. */
function parseValue(text: string, bounds: Bounds): number | undefined {
  const named = bounds.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * Marks one comma-separated part (`*`, `5`, `1-5`, `*\/15`, `5/15`, which
 * means 5-max/15) in `table`. Returns whether the part sets the star flag,
 * or undefined for a part robfig rejects or this parser does not handle.
 */
function markRange(part: string, bounds: Bounds, table: boolean[]): boolean | undefined {
  const [range, stepText, ...extraSlashes] = part.split('/');
  if (extraSlashes.length > 0) return undefined;
  const ends = range.split('-');
  let start: number | undefined;
  let end: number | undefined;
  let star = false;
  if (ends.length === 1 && (ends[0] === '*' || ends[0] === '?')) {
    start = bounds.min;
    end = bounds.max;
    star = true;
  } else if (ends.length <= 2) {
    start = parseValue(ends[0], bounds);
    end = ends.length === 2 ? parseValue(ends[1], bounds) : start;
  }
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText)) return undefined;
    step = Number(stepText);
    if (ends.length === 1) end = bounds.max;
    if (step > 1) star = false;
  }
  if (start === undefined || end === undefined || step < 1 || start < bounds.min || end > bounds.max || start > end) return undefined;
  for (let value = start; value <= end; value += step) table[value] = true;
  return star;
}

/** Parses one field into a table of allowed values and its star flag, or undefined. */
function parseField(text: string, bounds: Bounds): { table: boolean[]; star: boolean } | undefined {
  const table = new Array<boolean>(bounds.max + 1).fill(false);
  let star = false;
  for (const part of text.split(',')) {
    const partStar = markRange(part, bounds, table);
    if (partStar === undefined) return undefined;
    star ||= partStar;
  }
  return { table, star };
}

/** Parses the five fields, or returns undefined when any of them is not handled. */
function parseFields(fields: string[]): Fields | undefined {
  if (fields.length !== 5) return undefined;
  const parsed = [MINUTE, HOUR, DAY, MONTH, WEEKDAY].map((bounds, i) => parseField(fields[i], bounds));
  const [minutes, hours, days, months, weekdays] = parsed;
  if (!minutes || !hours || !days || !months || !weekdays) return undefined;
  return {
    minutes: minutes.table,
    hours: hours.table,
    days: days.table,
    months: months.table,
    weekdays: weekdays.table,
    dayStar: days.star,
    weekdayStar: weekdays.star,
  };
}

/** Finds the first start strictly after the whole minute `afterMinute`, or returns undefined after MAX_STEPS. */
function nextStart(fields: Fields, afterMinute: number): number | undefined {
  let t = afterMinute + 60_000;
  for (let step = 0; step < MAX_STEPS; step++) {
    const date = new Date(t);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth();
    if (!fields.months[month + 1]) {
      t = Date.UTC(year, month + 1, 1);
      continue;
    }
    const day = date.getUTCDate();
    const dayMatch = fields.days[day];
    const weekdayMatch = fields.weekdays[date.getUTCDay()];
    // robfig/cron: with either day field starred both must match, otherwise either may.
    const dayMatches = fields.dayStar || fields.weekdayStar ? dayMatch && weekdayMatch : dayMatch || weekdayMatch;
    if (!dayMatches) {
      t = Date.UTC(year, month, day + 1);
      continue;
    }
    const hour = date.getUTCHours();
    if (!fields.hours[hour]) {
      t = Date.UTC(year, month, day, hour + 1);
      continue;
    }
    let minute = date.getUTCMinutes();
    while (minute < 60 && !fields.minutes[minute]) minute++;
    if (minute === 60) {
      t = Date.UTC(year, month, day, hour + 1);
      continue;
    }
    return Date.UTC(year, month, day, hour, minute);
  }
  return undefined;
}

/** A fixed start for the check that a schedule fires at all (2000-01-01, a leap year). */
const PROBE_FROM = Date.UTC(2000, 0, 1);

/**
 * Builds the next-start function of a five-field UTC schedule. The function
 * takes a whole minute and returns the first start strictly after it.
 * Returns undefined for a schedule this parser does not handle or that
 * never fires (February 30), so the caller keeps cron-parser's handling of it.
 */
export function utcScheduleWalker(fields: string[]): ((afterMinute: number) => number) | undefined {
  const parsed = parseFields(fields);
  if (!parsed || nextStart(parsed, PROBE_FROM) === undefined) return undefined;
  return (afterMinute) => nextStart(parsed, afterMinute)!;
}
