/**
 * The syntax check the API server applies to a CronJob's spec.schedule
 * (robfig/cron's standard parser): five fields or a descriptor, each field a
 * list of values, ranges and steps inside its bounds. Returns the parser's
 * error text, or undefined when the schedule parses.
 */
import { parseGoDuration } from './go-duration.js';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** The prefix of robfig/cron's constant-delay descriptor, with its one space. */
const EVERY = '@every ';

/**
 * Parses an `@every <duration>` descriptor as robfig/cron v3 does (parseDescriptor
 * and Every): the text after `@every ` is a Go duration, a delay under one
 * second becomes one second, and a fraction of a second is dropped. Returns
 * the delay in milliseconds, undefined for another descriptor, or the
 * parser's error message.
 */
export function parseEveryDescriptor(descriptor: string): { delayMs: number } | { error: string } | undefined {
  if (!descriptor.startsWith(EVERY)) return undefined;
  const parsed = parseGoDuration(descriptor.slice(EVERY.length));
  if ('error' in parsed) return { error: `failed to parse duration ${descriptor}: ${parsed.error}` };
  const second = 1_000_000_000n;
  const nanoseconds = parsed.nanoseconds < second ? second : parsed.nanoseconds;
  return { delayMs: Number((nanoseconds - (nanoseconds % second)) / 1_000_000n) };
}

function parseNumber(text: string, bounds: Bounds): number | string {
  const named = bounds.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) return `failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`;
  return Number(text);
}

function checkRange(expr: string, bounds: Bounds): string | undefined {
  const [rangePart, stepPart, ...extra] = expr.split('/');
  if (extra.length > 0) return `too many slashes: ${expr}`;
  let start: number;
  let end: number;
  if (rangePart === '*' || rangePart === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const ends = rangePart.split('-');
    if (ends.length > 2) return `too many hyphens: ${expr}`;
    const low = parseNumber(ends[0], bounds);
    if (typeof low === 'string') return low;
    const high = ends.length === 2 ? parseNumber(ends[1], bounds) : low;
    if (typeof high === 'string') return high;
    start = low;
    end = high;
  }
  if (stepPart !== undefined) {
    const step = parseNumber(stepPart, { min: 0, max: 0 });
    if (typeof step === 'string') return step;
    if (step <= 0) return `step of range should be a positive number: ${expr}`;
  }
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  return undefined;
}

/** Schedules checked before, with their results, because every write of a CronJob checks its schedule again. */
const checked = new Map<string, string | undefined>();

/** Schedules remembered before the cache is emptied. */
const MAX_CHECKED = 1_000;

/** Returns robfig/cron's error for an unparsable schedule, or undefined. */
export function cronSyntaxError(schedule: string): string | undefined {
  if (checked.has(schedule)) return checked.get(schedule);
  const error = findSyntaxError(schedule);
  if (checked.size >= MAX_CHECKED) checked.clear();
  checked.set(schedule, error);
  return error;
}

function findSyntaxError(schedule: string): string | undefined {
  // robfig/cron matches descriptors on the text as given, so `@hourly ` with a trailing space is unknown.
  if (schedule.startsWith('@')) {
    if (DESCRIPTORS.has(schedule)) return undefined;
    const every = parseEveryDescriptor(schedule);
    if (every) return 'error' in every ? every.error : undefined;
    return `unrecognized descriptor: ${schedule}`;
  }
  const fields = schedule.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    for (const part of fields[i].split(',')) {
      const error = checkRange(part, FIELDS[i]);
      if (error) return error;
    }
  }
  return undefined;
}
