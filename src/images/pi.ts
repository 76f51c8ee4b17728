/**
 * Digits of pi for the simulated perl image, computed with BigInt so that no
 * digits are stored in the source.
 */

/** Computes atan(1/x) scaled by `unity` using the Taylor series. */
function calculateArctanInverse(x: bigint, unity: bigint): bigint {
  const xSquared = x * x;
  let power = unity / x;
  let sum = power;
  let n = 1n;
  let sign = -1n;
  while (power !== 0n) {
    power /= xSquared;
    n += 2n;
    sum += sign * (power / n);
    sign = -sign;
  }
  return sum;
}

/**
 * Returns pi rounded to `significantDigits` significant digits, formatted as
 * Perl's `bignum` `bpi(N)` prints it: `3.` followed by N-1 decimals.
 * Uses Machin's formula, pi = 16·atan(1/5) − 4·atan(1/239), with 20 guard
 * digits before rounding half up on the first dropped digit.
 */
export function calculatePi(significantDigits: number): string {
  if (!Number.isInteger(significantDigits) || significantDigits < 1) {
    throw new RangeError(`invalid number of digits: ${significantDigits}`);
  }
  const guard = 20;
  const unity = 10n ** BigInt(significantDigits - 1 + guard);
  const scaled = 16n * calculateArctanInverse(5n, unity) - 4n * calculateArctanInverse(239n, unity);

  const divisor = 10n ** BigInt(guard);
  const rounded = (scaled + divisor / 2n) / divisor;
  const digits = rounded.toString();
  return digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
}
