/**
 * Parses --since-time as kubectl does: Go's time.Parse with the RFC3339
 * layout, which also takes fractional seconds. A bad value gets Go's
 * ParseError text, which kubectl prints after `error: `.
 */

const LAYOUT = '2006-01-02T15:04:05Z07:00';

/** Layout chunks in the order Go's parser reads them: a literal prefix, then a field of `digits` digits (0 for the zone). */
const CHUNKS: { prefix: string; element: string; digits: number; range?: [string, number, number] }[] = [
  { prefix: '', element: '2006', digits: 4 },
  { prefix: '-', element: '01', digits: 2, range: ['month', 1, 12] },
  { prefix: '-', element: '02', digits: 2 },
  { prefix: 'T', element: '15', digits: 2, range: ['hour', 0, 23] },
  { prefix: ':', element: '04', digits: 2, range: ['minute', 0, 59] },
  { prefix: ':', element: '05', digits: 2, range: ['second', 0, 59] },
  { prefix: '', element: 'Z07:00', digits: 0 },
];

function quote(text: string): string {
  return JSON.stringify(text);
}

function allDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

/** Returns the time in ms, or throws an Error with Go's message for `value`. */
export function parseRfc3339(value: string): number {
  const fail = (element: string, rest: string): never => {
    throw new Error(`parsing time ${quote(value)} as ${quote(LAYOUT)}: cannot parse ${quote(rest)} as ${quote(element)}`);
  };
  const outOfRange = (field: string): never => {
    throw new Error(`parsing time ${quote(value)}: ${field} out of range`);
  };
  const fields: number[] = [];
  let rest = value;
  let fraction = '';
  let offsetMinutes = 0;
  for (const chunk of CHUNKS) {
    if (chunk.prefix && !rest.startsWith(chunk.prefix)) fail(chunk.prefix, rest);
    rest = rest.slice(chunk.prefix.length);
    if (chunk.digits > 0) {
      const text = rest.slice(0, chunk.digits);
      if (text.length < chunk.digits || !allDigits(text)) fail(chunk.element, rest);
      rest = rest.slice(chunk.digits);
      const n = Number(text);
      if (chunk.range && (n < chunk.range[1] || n > chunk.range[2])) outOfRange(chunk.range[0]);
      fields.push(n);
      // Go reads fractional seconds after the seconds field even when the layout has none.
      const digits = chunk.element === '05' ? /^[.,][0-9]+/.exec(rest) : null;
      if (digits) {
        fraction = digits[0].slice(1);
        rest = rest.slice(digits[0].length);
      }
      continue;
    }
    if (rest.startsWith('Z')) {
      rest = rest.slice(1);
      continue;
    }
    const zone = /^([+-])([0-9]{2}):([0-9]{2})/.exec(rest);
    if (!zone) fail(chunk.element, rest);
    const [, sign, hours, minutes] = zone!;
    if (Number(hours) > 24) outOfRange('time zone offset hour');
    if (Number(minutes) > 60) outOfRange('time zone offset minute');
    offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
    rest = rest.slice(6);
  }
  if (rest !== '') throw new Error(`parsing time ${quote(value)}: extra text: ${quote(rest)}`);
  const [year, month, day, hour, minute, second] = fields;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) outOfRange('day');
  const ms = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
}
