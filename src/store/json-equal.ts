/**
 * Compares JSON data as its JSON.stringify text would compare, without
 * encoding it: the store decides whether an update changes anything this
 * way, and encodes an object only when its row reaches SQLite.
 */

/** Reports whether JSON.stringify leaves a property with this value out of an object. */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * Reports whether JSON.stringify(a) === JSON.stringify(b), key order
 * included. Values with a toJSON method are compared through their text.
 * `sameKeys` names top-level properties whose values the caller already
 * found equal, so they are not compared again.
 */
export function jsonEqual(a: unknown, b: unknown, sameKeys?: readonly string[]): boolean {
  if (a === b) return true;
  if (omitted(a) || omitted(b)) return omitted(a) && omitted(b);
  if (typeof a === 'number' || typeof b === 'number') {
    // Non-finite numbers encode as null.
    const encodedA = typeof a === 'number' && !Number.isFinite(a) ? null : a;
    const encodedB = typeof b === 'number' && !Number.isFinite(b) ? null : b;
    return encodedA === encodedB;
  }

  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (typeof (a as { toJSON?: unknown }).toJSON === 'function' || typeof (b as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      // Inside an array an omitted value encodes as null.
      const x = omitted(a[i]) ? null : a[i];
      const y = omitted(b[i]) ? null : b[i];
      if (!jsonEqual(x, y)) return false;
    }
    return true;
  }

  // Objects: the encoded properties pairwise, in order.
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  const objA = a as Record<string, unknown>;
  const objB = b as Record<string, unknown>;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < keysA.length && omitted(objA[keysA[i]])) i++;
    while (j < keysB.length && omitted(objB[keysB[j]])) j++;
    if (i === keysA.length || j === keysB.length) return i === keysA.length && j === keysB.length;
    if (keysA[i] !== keysB[j]) return false;
    if (!sameKeys?.includes(keysA[i]) && !jsonEqual(objA[keysA[i]], objB[keysB[j]])) return false;
    i++;
    j++;
  }
}
