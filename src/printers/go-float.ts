/**
 * A number that Go stores as float64 even when it is integral: a float
 * constant written in a template (`1.0`), or any number of an object that
 * kubectl decoded with encoding/json (its typed dry-run objects).
 */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** Returns the number inside a {@link GoFloat}, or the value itself. */
export function plainValue(value: unknown): unknown {
  return value instanceof GoFloat ? value.value : value;
}

/** Copies a decoded JSON value with every number wrapped as a {@link GoFloat}. */
export function wrapNumbersAsFloat(value: unknown): unknown {
  if (typeof value === 'number') return new GoFloat(value);
  if (Array.isArray(value)) return value.map(wrapNumbersAsFloat);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrapNumbersAsFloat(v)]));
  }
  return value;
}
