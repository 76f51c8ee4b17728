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
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const converted = convert(format[i + 1], d, epochMs, zone);
    out += converted ?? `%${format[i + 1]}`;
    i++;
  }
  return out;
}

/** Returns one strftime conversion of the zoned date `d`, or undefined for an unsupported one. */
function convert(conversion: string, d: Date, epochMs: number, zone: SimpleZone): string | undefined {
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const hours = d.getUTCHours();
  switch (conversion) {
    case 'a':
      return DAYS[d.getUTCDay()];
    case 'A':
      return FULL_DAYS[d.getUTCDay()];
    case 'b':
    case 'h':
      return MONTHS[month];
    case 'B':
      return FULL_MONTHS[month];
    case 'd':
      return pad(d.getUTCDate());
    case 'e':
      return pad(d.getUTCDate(), 2, ' ');
    case 'H':
      return pad(hours);
    case 'I':
      return pad(hours % 12 === 0 ? 12 : hours % 12);
    case 'M':
      return pad(d.getUTCMinutes());
    case 'S':
      return pad(d.getUTCSeconds());
    case 'N':
      return pad((epochMs % 1000) * 1_000_000, 9);
    case 'p':
      return hours < 12 ? 'AM' : 'PM';
    case 'y':
      return pad(year % 100);
    case 'Y':
      return String(year);
    case 'm':
      return pad(month + 1);
    case 'j':
      return pad(Math.floor((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1, 3);
    case 'u':
      return String(d.getUTCDay() === 0 ? 7 : d.getUTCDay());
    case 'w':
      return String(d.getUTCDay());
    case 'Z':
      return zone.name;
    case 'z': {
      const offsetAbs = Math.abs(zone.offsetMinutes);
      return `${zone.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(offsetAbs / 60))}${pad(offsetAbs % 60)}`;
    }
    case 's':
      return String(Math.floor(epochMs / 1000));
    case 'T':
      return `${pad(hours)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    case 'R':
      return `${pad(hours)}:${pad(d.getUTCMinutes())}`;
    case 'D':
      return `${pad(month + 1)}/${pad(d.getUTCDate())}/${pad(year % 100)}`;
    case 'F':
      return `${year}-${pad(month + 1)}-${pad(d.getUTCDate())}`;
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case '%':
      return '%';
    default:
      return undefined;
  }
}
