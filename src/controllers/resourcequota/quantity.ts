/**
 * Exact quantity arithmetic for quota usage, as resource.Quantity does it:
 * values are whole nano units, a sum keeps the format of its first non-zero
 * term, and String() prints the canonical form of that format. Summing
 * `200Mi` and `400Mi` gives `600Mi`, while `200Mi` plus `1G` gives
 * `1209715200` because that sum is no whole number of any binary unit.
 */
import { formatQuantity } from '../../api/quantity.js';

/** The serialization formats of resource.Quantity. */
export type QuantityFormat = 'BinarySI' | 'DecimalSI' | 'DecimalExponent';

/** A quantity as a whole number of nano units and the format it prints in. */
export interface Quantity {
  nano: bigint;
  format: QuantityFormat;
}

/** A list of named quantities, as a ResourceList. */
export type ResourceList = Map<string, Quantity>;

const QUANTITY_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;
const BINARY_POWERS: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_EXPONENTS: Record<string, number> = { '': 0, n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const NANO = 1_000_000_000n;

/** The zero quantity that CalculateUsageStats starts each tracked resource from. */
export const ZERO: Quantity = Object.freeze({ nano: 0n, format: 'DecimalSI' });

/** Builds a whole-number quantity in DecimalSI, as resource.NewQuantity(n, DecimalSI) does. */
export function count(n: number): Quantity {
  return { nano: BigInt(n) * NANO, format: 'DecimalSI' };
}

/**
 * Parses a quantity from its text (or a JSON number), rounding a fraction
 * of a nano unit up. Returns undefined when the value is not a quantity.
 */
export function parse(value: unknown): Quantity | undefined {
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (typeof value === 'string') text = value.trim();
  else return undefined;
  const m = QUANTITY_TEXT.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole, fraction = '', suffix = '', exponentText] = m;
  let mantissa = BigInt(whole + fraction || '0') * 1024n ** BigInt(BINARY_POWERS[suffix] ?? 0);
  const exponent = 9 - fraction.length + (exponentText !== undefined ? Number(exponentText) : (DECIMAL_EXPONENTS[suffix] ?? 0));
  if (exponent >= 0) mantissa *= 10n ** BigInt(exponent);
  else {
    const divisor = 10n ** BigInt(-exponent);
    mantissa = (mantissa + divisor - 1n) / divisor;
  }
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY_POWERS) format = 'BinarySI';
  else if (exponentText !== undefined) format = 'DecimalExponent';
  return { nano: sign === '-' ? -mantissa : mantissa, format };
}

/**
 * Prints a quantity in its canonical form. A BinarySI quantity below 1024 or
 * with a fraction prints in DecimalSI, as Quantity.CanonicalizeBytes does.
 */
export function format(q: Quantity): string {
  const negative = q.nano < 0n;
  const magnitude = negative ? -q.nano : q.nano;
  if (q.format === 'BinarySI' && magnitude % NANO === 0n && magnitude / NANO >= 1024n) {
    let number = magnitude / NANO;
    let power = 0;
    while (power < 6 && number % 1024n === 0n) {
      number /= 1024n;
      power++;
    }
    return `${negative ? '-' : ''}${number}${BINARY_SUFFIXES[power]}`;
  }
  const text = q.format === 'DecimalExponent' ? `${q.nano}e-9` : `${q.nano}n`;
  return formatQuantity(text) ?? '0';
}

/** Adds two quantities. The sum takes the second's format when the first is zero (Quantity.Add). */
export function add(a: Quantity, b: Quantity): Quantity {
  return { nano: a.nano + b.nano, format: a.nano === 0n ? b.format : a.format };
}

/** Adds two lists key by key (quota.Add): keys of `a` first, then the keys only `b` has. */
export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const sum: ResourceList = new Map();
  for (const [name, q] of a) {
    const other = b.get(name);
    sum.set(name, other ? add(q, other) : q);
  }
  for (const [name, q] of b) if (!sum.has(name)) sum.set(name, q);
  return sum;
}

/** Subtracts `b` from `a` key by key, keeping only keys of `a` and never going below zero (quota.SubtractWithNonNegativeResult). */
export function subtractNonNegative(a: ResourceList, b: ResourceList): ResourceList {
  const result: ResourceList = new Map();
  for (const [name, q] of a) {
    const other = b.get(name);
    const nano = other ? q.nano - other.nano : q.nano;
    result.set(name, { nano: nano < 0n ? 0n : nano, format: q.format });
  }
  return result;
}

/** Keeps only the entries whose names are in `names` (quota.Mask). */
export function mask(list: ResourceList, names: Iterable<string>): ResourceList {
  const result: ResourceList = new Map();
  for (const name of names) {
    const q = list.get(name);
    if (q) result.set(name, q);
  }
  return result;
}

/** Drops zero entries (quota.RemoveZeros). */
export function removeZeros(list: ResourceList): ResourceList {
  const result: ResourceList = new Map();
  for (const [name, q] of list) if (q.nano !== 0n) result.set(name, q);
  return result;
}

/** Parses a stored ResourceList (`status.used`, `spec.hard`) and leaves out entries that are not quantities. */
export function parseList(value: unknown): ResourceList {
  const list: ResourceList = new Map();
  if (!value || typeof value !== 'object') return list;
  for (const [name, text] of Object.entries(value)) {
    const q = parse(text);
    if (q) list.set(name, q);
  }
  return list;
}

/** Prints a list as the API server serializes a ResourceList: keys sorted, values canonical. */
export function toStored(list: ResourceList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...list.keys()].sort()) out[name] = format(list.get(name)!);
  return out;
}

/** Prints a list as the quota admission plugin's messages do: `name=value` pairs sorted by name, joined by commas (prettyPrint). */
export function prettyPrint(list: ResourceList): string {
  return [...list.keys()]
    .sort()
    .map((name) => `${name}=${format(list.get(name)!)}`)
    .join(',');
}
