/**
 * Seeded randomness. Every random choice comes from (seed, counter) through a
 * 32-bit mixing function, and the counter lives in the store, so the same
 * seed and the same commands give the same names.
 */

/** Kubernetes' name alphabet: no vowels, no 0, 1 or 3 (apimachinery util/rand). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A deterministic 32-bit value for draw number `counter`, lane `lane`, of a seed. */
export function draw(seed: number, counter: number, lane = 0): number {
  return mix32(mix32(seed ^ 0x9e3779b9) ^ mix32(counter * 0x27d4eb2d + lane));
}

export function nameSuffix(seed: number, counter: number, length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++) s += NAME_ALPHABET[draw(seed, counter, i) % NAME_ALPHABET.length];
  return s;
}

/** A version-4-shaped UUID from the seeded generator. */
export function uuid(seed: number, counter: number): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += draw(seed, counter, 100 + i).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
