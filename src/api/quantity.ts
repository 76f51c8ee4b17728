/**
 * Kubernetes resource quantities (`250m`, `1.5`, `128Mi`, `1G`) as numbers:
 * CPU in millicores, everything else in base units.
 */

const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

/** Parses a quantity into base units; returns NaN when it is not a quantity. */
export function parseQuantity(q: unknown): number {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return NaN;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(q.trim());
  if (!m) return NaN;
  return Number(m[1]) * SUFFIX[m[2] ?? ''];
}

export function cpuMillis(q: unknown): number {
  const v = parseQuantity(q);
  return Number.isNaN(v) ? 0 : Math.round(v * 1000);
}

/** Formats millicores as kubectl prints CPU (`250m`, `2`). */
export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Sums the requests of a pod's containers: cpu in millicores, memory in bytes. */
export function podRequests(pod: any): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod?.spec?.containers ?? []) {
    const req = c.resources?.requests ?? c.resources?.limits ?? {};
    cpu += cpuMillis(req.cpu);
    const mem = parseQuantity(req.memory);
    if (!Number.isNaN(mem)) memory += mem;
  }
  return { cpu, memory };
}

const QUANTITY_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;
const BINARY_POWERS: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL_SUFFIXES: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };

/**
 * Formats a quantity as resource.Quantity's String() does (its canonical
 * form), which is how the API server prints quantities in validation
 * messages: `2048Mi` is `2Gi`, `0.5` is `500m`, `1000M` is `1G`. A binary
 * quantity below 1024 or with a fraction of a unit is printed in decimal
 * form, and values are rounded up to whole nano units. Returns undefined
 * when `q` is not a quantity.
 */
export function formatQuantity(q: unknown): string | undefined {
  let text = '';
  if (typeof q === 'number') text = String(q);
  else if (typeof q === 'string') text = q.trim();
  const m = QUANTITY_TEXT.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole, fraction = '', suffix = '', exponentText] = m;
  let mantissa = BigInt(whole + fraction || '0');
  let exponent = -fraction.length + (exponentText !== undefined ? Number(exponentText) : (DECIMAL_EXPONENTS[suffix] ?? 0));
  const binaryPower = BINARY_POWERS[suffix] ?? 0;
  mantissa *= 1024n ** BigInt(binaryPower);
  const negative = sign === '-' && mantissa !== 0n;

  if (binaryPower > 0) {
    const bytes = exactInteger(mantissa, exponent);
    if (bytes !== undefined && bytes >= 1024n) {
      let power = 0;
      let number = bytes;
      while (power < 6 && number % 1024n === 0n) {
        number /= 1024n;
        power++;
      }
      return `${negative ? '-' : ''}${number}${BINARY_SUFFIXES[power]}`;
    }
  }

  // Values below one nano unit round up, away from zero.
  if (exponent < -9) {
    const divisor = 10n ** BigInt(-9 - exponent);
    mantissa = (mantissa + divisor - 1n) / divisor;
    exponent = -9;
  }
  if (mantissa === 0n) return '0';
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  const signText = negative ? '-' : '';
  if (exponentText !== undefined) return `${signText}${mantissa}${exponent === 0 ? '' : `e${exponent}`}`;
  while (exponent > 18) {
    mantissa *= 1000n;
    exponent -= 3;
  }
  return `${signText}${mantissa}${DECIMAL_SUFFIXES[exponent]}`;
}

/** Returns mantissa × 10^exponent when it is a whole number. */
function exactInteger(mantissa: bigint, exponent: number): bigint | undefined {
  if (exponent >= 0) return mantissa * 10n ** BigInt(exponent);
  const divisor = 10n ** BigInt(-exponent);
  return mantissa % divisor === 0n ? mantissa / divisor : undefined;
}
