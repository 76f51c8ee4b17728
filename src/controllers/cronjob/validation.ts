/**
 * The API server's checks of a CronJob's schedule and time zone
 * (spec.schedule must parse as robfig/cron's ParseStandard accepts it),
 * with robfig/cron's error texts for the common mistakes.
 */
import type { KObject } from '../../api/types.js';
import type { FieldCause } from '../../api/errors.js';
import { isKnownTimeZone, parseSchedule } from './schedule.js';

interface FieldBounds {
  min: number;
  max: number;
  names?: string[];
}

/** Minute, hour, day of month, month, day of week, as robfig/cron bounds them. */
const FIELDS: FieldBounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

function parseValue(text: string, bounds: FieldBounds): number {
  const index = bounds.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index >= 0) return index + bounds.min;
  if (!/^\d+$/.test(text)) throw new Error(`failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`);
  return Number(text);
}

/** Checks one comma-separated part of a field (`*`, `5`, `1-5`, `*\/15`, `10-50/5`). */
function checkRange(expr: string, bounds: FieldBounds): void {
  const slash = expr.split('/');
  if (slash.length > 2) throw new Error(`too many slashes: ${expr}`);
  const hyphen = slash[0].split('-');
  if (hyphen.length > 2) throw new Error(`too many hyphens: ${expr}`);
  let start = bounds.min;
  let end = bounds.max;
  if (slash[0] !== '*' && slash[0] !== '?') {
    start = parseValue(hyphen[0], bounds);
    end = hyphen.length === 2 ? parseValue(hyphen[1], bounds) : start;
  }
  if (slash.length === 2) {
    const step = parseValue(slash[1], bounds);
    if (step <= 0) throw new Error(`step of range should be a positive number: ${expr}`);
  }
  if (start < bounds.min) throw new Error(`beginning of range (${start}) below minimum (${bounds.min}): ${expr}`);
  if (end > bounds.max) throw new Error(`end of range (${end}) above maximum (${bounds.max}): ${expr}`);
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
}

/** Returns robfig/cron's error message for a schedule it rejects, or undefined for a valid one. */
export function findScheduleError(schedule: string, timeZone?: string): string | undefined {
  const text = schedule.trim();
  if (text === '') return 'empty spec string';
  const fields = text.replace(/^(?:CRON_TZ|TZ)=\S+\s+/, '').split(/\s+/);
  try {
    if (!fields[0].startsWith('@')) {
      if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
      fields.forEach((field, i) => field.split(',').forEach((part) => checkRange(part, FIELDS[i])));
    }
    parseSchedule(text, timeZone && isKnownTimeZone(timeZone) ? timeZone : undefined);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Field causes for a CronJob's schedule and time zone, as the API server reports them. */
export function validateCronJobSchedule(cj: KObject): FieldCause[] {
  const causes: FieldCause[] = [];
  const schedule = cj.spec?.schedule;
  if (typeof schedule === 'string' && schedule !== '') {
    const error = findScheduleError(schedule, cj.spec?.timeZone);
    if (error) causes.push({ field: 'spec.schedule', type: 'Invalid value', value: schedule, hasValue: true, detail: error });
  }
  const zone = cj.spec?.timeZone;
  if (typeof zone === 'string' && !isKnownTimeZone(zone)) {
    causes.push({ field: 'spec.timeZone', type: 'Invalid value', value: zone, hasValue: true, detail: `unknown time zone ${zone}` });
  }
  return causes;
}
