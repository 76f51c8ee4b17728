/**
 * Go's time.Duration String form (`5m3s`, `1h0m0s`, `750ms`), which kubectl
 * prints in its "Metrics not available" message.
 */

/** Formats milliseconds as Go formats a Duration. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${rest}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  const sec = Number.isInteger(s) ? String(s) : String(Number(s.toFixed(3)));
  if (h > 0) return `${sign}${h}h${m}m${sec}s`;
  if (m > 0) return `${sign}${m}m${sec}s`;
  return `${sign}${sec}s`;
}
