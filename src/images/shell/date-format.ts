/**
 * `date` output for the simulated busybox: strftime over a simulated instant
 * and a POSIX `TZ` value.
 */

/** Format busybox `date` prints without arguments: `Tue May 31 10:03:24 UTC 2022`. */
export const BUSYBOX_DATE_FORMAT = '%a %b %e %H:%M:%S %Z %Y';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** A time zone given as a POSIX `TZ` string without daylight saving rules. */
export interface SimpleZone {
  name: string;
  /** Offset east of UTC in minutes (`CST-8` is +480). */
  offsetMinutes: number;
}

/**
 * Parses `TZ` values of the form `NAME`, `NAME0` or `NAME[+-]h[:mm]` (`UTC`,
 * `CST-8`, `EST5`). Anything else, including zoneinfo names such as
 * `Asia/Shanghai` that the busybox image has no database for, is UTC.
 */
export function parseSimpleZone(tz: string | undefined): SimpleZone {
  const m = /^([A-Za-z]{3,})([+-]?)(\d{1,2})(?::(\d{2}))?$/.exec(tz ?? '');
  if (!m) return { name: 'UTC', offsetMinutes: 0 };
  const minutes = Number(m[3]) * 60 + Number(m[4] ?? 0);
  // POSIX offsets count west of UTC, so `CST-8` is eight hours ahead.
  return { name: m[1], offsetMinutes: m[2] === '-' ? minutes : -minutes };
}

const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);

/** Formats `epochMs` with the strftime conversions busybox supports most often. */
export function formatDate(epochMs: number, format: string, zone: SimpleZone): string {
  const d = new Date(epochMs + zone.offsetMinutes * 60_000);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  const hours = d.getUTCHours();
  const startOfYear = Date.UTC(year, 0, 1);
  const dayOfYear = Math.floor((d.getTime() - startOfYear) / 86_400_000) + 1;
  const offsetSign = zone.offsetMinutes < 0 ? '-' : '+';
  const offsetAbs = Math.abs(zone.offsetMinutes);

  const conversions: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()],
    A: () => FULL_DAYS[d.getUTCDay()],
    b: () => MONTHS[month],
    h: () => MONTHS[month],
    B: () => FULL_MONTHS[month],
    d: () => pad(day),
    e: () => pad(day, 2, ' '),
    H: () => pad(hours),
    I: () => pad(hours % 12 === 0 ? 12 : hours % 12),
    M: () => pad(d.getUTCMinutes()),
    S: () => pad(d.getUTCSeconds()),
    N: () => pad((epochMs % 1000) * 1_000_000, 9),
    p: () => (hours < 12 ? 'AM' : 'PM'),
    y: () => pad(year % 100),
    Y: () => String(year),
    m: () => pad(month + 1),
    j: () => pad(dayOfYear, 3),
    u: () => String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()),
    w: () => String(d.getUTCDay()),
    Z: () => zone.name,
    z: () => `${offsetSign}${pad(Math.floor(offsetAbs / 60))}${pad(offsetAbs % 60)}`,
    s: () => String(Math.floor(epochMs / 1000)),
    T: () => `${pad(hours)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    R: () => `${pad(hours)}:${pad(d.getUTCMinutes())}`,
    D: () => `${pad(month + 1)}/${pad(day)}/${pad(year % 100)}`,
    F: () => `${year}-${pad(month + 1)}-${pad(day)}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };

  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const conversion = conversions[format[i + 1]];
    out += conversion ? conversion() : `%${format[i + 1]}`;
    i++;
  }
  return out;
}
