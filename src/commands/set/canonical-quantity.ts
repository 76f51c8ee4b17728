/**
 * Kubernetes' canonical spelling of a resource quantity, which kubectl
 * writes when it sets limits and requests: `0.5` becomes `500m`,
 * `1.5Gi` becomes `1536Mi`, `1000m` becomes `1`. The value keeps its
 * format (binary suffix, decimal suffix or exponent) where it can.
 */

const QUANTITY = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** The error kubectl reports for a quantity it cannot parse. */
export const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Returns the canonical form of a quantity, or throws {@link QUANTITY_ERROR}. */
export function canonicalQuantity(text: string): string {
  const m = QUANTITY.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(QUANTITY_ERROR);
  const [, sign, whole, fraction = '', suffix] = m;
  let format: 'binary' | 'decimal' | 'exponent';
  // The value in nano-units (10^-9), rounded up as Kubernetes does.
  let nanos: bigint;
  const digits = BigInt((whole || '0') + fraction);
  const scale = 10n ** BigInt(fraction.length);
  if (suffix in BINARY) {
    format = 'binary';
    nanos = ceilDiv(digits * 1024n ** BigInt(BINARY[suffix]) * 10n ** 9n, scale);
  } else if (suffix in DECIMAL) {
    format = 'decimal';
    nanos = scaled(digits, DECIMAL[suffix] + 9, scale);
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    format = 'exponent';
    nanos = scaled(digits, Number(suffix.slice(1)) + 9, scale);
  } else {
    throw new Error(QUANTITY_ERROR);
  }
  if (nanos === 0n) return '0';
  const prefix = sign === '-' ? '-' : '';
  if (format === 'binary' && nanos % 10n ** 9n === 0n) {
    let n = nanos / 10n ** 9n;
    let k = 0;
    while (k < 6 && n % 1024n === 0n) {
      n /= 1024n;
      k++;
    }
    return `${prefix}${n}${BINARY_SUFFIX[k]}`;
  }
  let exp = -9;
  let mantissa = nanos;
  while (exp < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exp += 3;
  }
  const tail = format === 'exponent' ? (exp === 0 ? '' : `e${exp}`) : DECIMAL_SUFFIX[exp];
  return `${prefix}${mantissa}${tail}`;
}

// digits × 10^exp ÷ scale, rounded up.
function scaled(digits: bigint, exp: number, scale: bigint): bigint {
  return exp >= 0 ? ceilDiv(digits * 10n ** BigInt(exp), scale) : ceilDiv(digits, scale * 10n ** BigInt(-exp));
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
