/**
 * Go's time.ParseDuration (Go 1.23, src/time/format.go), which robfig/cron
 * applies to the text after `@every `. The API server's schedule check
 * returns Go's error text, so this module returns the same messages.
 */

const NANOSECONDS_PER_UNIT: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n,
  '\u03bcs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** 1<<63, the bound of Go's overflow checks. */
const LIMIT = 1n << 63n;

/** A parsed duration in nanoseconds, or Go's error message. */
export type GoDurationResult = { nanoseconds: bigint } | { error: string };

/**
 * Quotes text as Go's time package does in its errors: `"` and `\` get a
 * backslash, and bytes of control or non-ASCII characters become `\xNN`.
 */
export function quoteGo(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || code >= 0x80) {
      for (const byte of Buffer.from(char, 'utf8')) quoted += `\\x${byte.toString(16).padStart(2, '0')}`;
    } else {
      quoted += char === '"' || char === '\\' ? `\\${char}` : char;
    }
  }
  return `${quoted}"`;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/**
 * Parses a Go duration such as `1h30m`, `90s`, `1.5h` or `-2m` into exact
 * nanoseconds. A fraction is scaled through a float64, as Go does.
 */
export function parseGoDuration(text: string): GoDurationResult {
  const invalid = { error: `time: invalid duration ${quoteGo(text)}` };
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return { nanoseconds: 0n };
  if (rest === '') return invalid;

  let total = 0n;
  while (rest !== '') {
    if (rest[0] !== '.' && !isDigit(rest[0])) return invalid;

    // The integer part; Go rejects one that overflows 1<<63.
    let i = 0;
    let whole = 0n;
    while (isDigit(rest[i])) {
      if (whole > LIMIT / 10n) return invalid;
      whole = whole * 10n + BigInt(rest.charCodeAt(i) - 48);
      if (whole > LIMIT) return invalid;
      i++;
    }
    const hasWhole = i > 0;
    rest = rest.slice(i);

    // The fraction keeps the digits that fit and ignores the rest.
    let fraction = 0n;
    let scale = 1;
    let hasFraction = false;
    if (rest[0] === '.') {
      rest = rest.slice(1);
      let j = 0;
      let overflow = false;
      while (isDigit(rest[j])) {
        const next = fraction * 10n + BigInt(rest.charCodeAt(j) - 48);
        if (overflow || fraction > (LIMIT - 1n) / 10n || next > LIMIT) {
          overflow = true;
        } else {
          fraction = next;
          scale *= 10;
        }
        j++;
      }
      hasFraction = j > 0;
      rest = rest.slice(j);
    }
    if (!hasWhole && !hasFraction) return invalid;

    // The unit runs to the next digit or period.
    let k = 0;
    while (k < rest.length && rest[k] !== '.' && !isDigit(rest[k])) k++;
    if (k === 0) return { error: `time: missing unit in duration ${quoteGo(text)}` };
    const unitName = rest.slice(0, k);
    rest = rest.slice(k);
    const unit = NANOSECONDS_PER_UNIT[unitName];
    if (unit === undefined) return { error: `time: unknown unit ${quoteGo(unitName)} in duration ${quoteGo(text)}` };

    if (whole > LIMIT / unit) return invalid;
    let value = whole * unit;
    if (fraction > 0n) {
      value += BigInt(Math.trunc(Number(fraction) * (Number(unit) / scale)));
      if (value > LIMIT) return invalid;
    }
    total += value;
    if (total > LIMIT) return invalid;
  }
  if (negative) return { nanoseconds: -total };
  if (total > LIMIT - 1n) return invalid;
  return { nanoseconds: total };
}

/**
 * Formats milliseconds as Go's time.Duration.String does: `0s`, `750ms`,
 * `1.5s`, `5m3s`, `1h0m0s`. Help text shows a duration flag's default this
 * way, and kubectl top's "Metrics not available" message a duration.
 */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${rest}ms`;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  const secondsText = Number.isInteger(seconds) ? String(seconds) : String(Number(seconds.toFixed(3)));
  if (hours > 0) return `${sign}${hours}h${minutes}m${secondsText}s`;
  if (minutes > 0) return `${sign}${minutes}m${secondsText}s`;
  return `${sign}${secondsText}s`;
}
