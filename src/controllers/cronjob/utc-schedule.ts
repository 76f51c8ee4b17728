/**
 * Next start times of a UTC schedule by plain calendar arithmetic on the
 * fields cron-parser parsed. cron-parser's own walk goes through luxon
 * dates, an estimated tenth of a millisecond per call in a CLI process.
 * This walk applies cron-parser's day-of-month and day-of-week rules, and a
 * parity test compares the two on generated schedules.
 */

/** The parts of one cron-parser field (CronField) the walk reads. */
interface CronField {
  readonly values: readonly (number | string)[];
  readonly isWildcard: boolean;
  readonly hasLastChar: boolean;
}

/** The parts of cron-parser's CronFieldCollection the walk reads. */
export interface CronFields {
  readonly second: CronField;
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dayOfMonth: CronField;
  readonly month: CronField;
  readonly dayOfWeek: CronField & { readonly nthDay: number };
}

/** Walk steps before giving up: more than five years of single-day steps. */
const MAX_STEPS = 4000;

/** Marks the allowed values of a field in a table indexed by value, or returns undefined for a non-numeric value. */
function allowed(field: CronField, size: number): boolean[] | undefined {
  const table = new Array<boolean>(size).fill(false);
  for (const value of field.values) {
    if (typeof value !== 'number' || value < 0 || value >= size) return undefined;
    table[value] = true;
  }
  return table;
}

/**
 * Builds the next-start function of a UTC schedule. The function takes a
 * whole minute and returns the first start strictly after it, or undefined
 * when none comes within MAX_STEPS. Returns undefined for fields the walk
 * does not handle (a second other than 0, `L`, `#`), so the caller keeps
 * using cron-parser for them.
 */
export function utcScheduleWalker(fields: CronFields): ((afterMinute: number) => number | undefined) | undefined {
  if (fields.second.values.length !== 1 || fields.second.values[0] !== 0) return undefined;
  if (fields.dayOfMonth.hasLastChar || fields.dayOfWeek.hasLastChar || fields.dayOfWeek.nthDay > 0) return undefined;
  const minutes = allowed(fields.minute, 60);
  const hours = allowed(fields.hour, 24);
  const days = allowed(fields.dayOfMonth, 32);
  const months = allowed(fields.month, 13);
  const weekdays = allowed(fields.dayOfWeek, 8);
  if (!minutes || !hours || !days || !months || !weekdays) return undefined;
  const dayRestricted = !fields.dayOfMonth.isWildcard;
  const weekdayRestricted = !fields.dayOfWeek.isWildcard;

  // cron-parser's rules: with both fields restricted either may match, otherwise the restricted one must.
  const dayMatches = (date: Date): boolean => {
    const day = days[date.getUTCDate()];
    const weekday = weekdays[date.getUTCDay()];
    if (dayRestricted && weekdayRestricted) return day || weekday;
    if (weekdayRestricted) return weekday;
    return day;
  };

  return (afterMinute) => {
    let t = afterMinute + 60_000;
    for (let step = 0; step < MAX_STEPS; step++) {
      const date = new Date(t);
      const year = date.getUTCFullYear();
      const month = date.getUTCMonth();
      if (!months[month + 1]) {
        t = Date.UTC(year, month + 1, 1);
        continue;
      }
      const day = date.getUTCDate();
      if (!dayMatches(date)) {
        t = Date.UTC(year, month, day + 1);
        continue;
      }
      const hour = date.getUTCHours();
      if (!hours[hour]) {
        t = Date.UTC(year, month, day, hour + 1);
        continue;
      }
      let minute = date.getUTCMinutes();
      while (minute < 60 && !minutes[minute]) minute++;
      if (minute === 60) {
        t = Date.UTC(year, month, day, hour + 1);
        continue;
      }
      return Date.UTC(year, month, day, hour, minute);
    }
    return undefined;
  };
}
