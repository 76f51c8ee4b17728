/**
 * Compares JSON data as its JSON.stringify text would compare, without
 * encoding it: the store decides whether an update changes anything this
 * way, and encodes an object only when its row reaches SQLite.
 */

/** Whether JSON.stringify leaves a property with this value out of an object. */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * Reports whether JSON.stringify(a) === JSON.stringify(b), key order
 * included. Values with a toJSON method are compared through their text.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (omitted(a) || omitted(b)) return omitted(a) && omitted(b);
  if (typeof a === 'number' || typeof b === 'number') {
    // Non-finite numbers encode as null.
    const ta = typeof a === 'number' && !Number.isFinite(a) ? null : a;
    const tb = typeof b === 'number' && !Number.isFinite(b) ? null : b;
    return ta === tb;
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
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  let i = 0;
  let j = 0;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (;;) {
    while (i < ka.length && omitted(ra[ka[i]])) i++;
    while (j < kb.length && omitted(rb[kb[j]])) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    if (ka[i] !== kb[j] || !jsonEqual(ra[ka[i]], rb[kb[j]])) return false;
    i++;
    j++;
  }
}
