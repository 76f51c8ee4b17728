/**
 * The equality the API server's update rules use (apimachinery's
 * equality.Semantic): a missing field, null, an empty list and an empty map
 * are the same, and resource quantities compare by value ("1" equals
 * "1000m"). Both sides are decoded JSON objects.
 */
import { parseQuantity } from '../quantity.js';

/** Maps whose values are resource quantities (container resources, PVC requests, overhead). */
const QUANTITY_MAPS = new Set(['limits', 'requests', 'capacity', 'overhead']);

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}

function sameQuantity(a: unknown, b: unknown): boolean {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  return !Number.isNaN(x) && x === y;
}

/**
 * Reports whether two decoded JSON values are equal as the API server
 * compares a new object with the stored one. `key` names the field that
 * contains them, so that quantity maps compare by value.
 */
export function semanticEqual(a: unknown, b: unknown, key = ''): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => semanticEqual(v, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const quantities = QUANTITY_MAPS.has(key);
  for (const k of Object.keys(x)) {
    if (quantities && typeof x[k] === 'string' && typeof y[k] === 'string' && sameQuantity(x[k], y[k])) continue;
    if (!semanticEqual(x[k], y[k], k)) return false;
  }
  for (const k of Object.keys(y)) if (!(k in x) && !isEmpty(y[k])) return false;
  return true;
}
