/**
 * Human-readable ages, as kubectl prints them in the AGE column and in
 * messages such as `LAST SCHEDULE`. The rules follow apimachinery's
 * `k8s.io/apimachinery/pkg/util/duration` (HumanDuration, ShortHumanDuration).
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/**
 * Formats a duration the way current kubectl prints ages: more precision for
 * short ages, coarser units as the age grows (`119s`, `2m30s`, `179m`,
 * `7h59m`, `47h`, `2d3h`, `729d`, `3y45d`, `8y`). Every unit is truncated,
 * never rounded. A negative duration within one second prints `0s`, and
 * anything more negative prints `<invalid>`, because clocks can skew a little.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;

  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = Math.trunc(ms / SECOND) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;

  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * Formats a duration in a single unit (`45s`, `3m`, `5h`, `2d`, `1y`), the
 * older AGE format of kubectl, still used by a few messages.
 * Anything below -1s prints `<invalid>`, and -1s up to 0 prints `0s`.
 */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / YEAR)}y`;
}

/**
 * Formats the age of an RFC 3339 timestamp relative to `nowMs` (cluster
 * time, epoch milliseconds). A missing or unparsable timestamp prints
 * `<unknown>`, as kubectl's translateTimestampSince does for a zero time.
 */
export function translateTimestampSince(iso: string | undefined | null, nowMs: number): string {
  if (!iso) return '<unknown>';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(nowMs - t);
}
