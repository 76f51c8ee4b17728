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
  return mix32(seedMix(seed) ^ mix32(counter * 0x27d4eb2d + lane));
}

let lastSeed: number | undefined;
let lastSeedMix = 0;

/** Returns the seed's half of every draw, computed once for the seed a cluster uses. */
function seedMix(seed: number): number {
  if (seed !== lastSeed) {
    lastSeedMix = mix32(seed ^ 0x9e3779b9);
    lastSeed = seed;
  }
  return lastSeedMix;
}

export function nameSuffix(seed: number, counter: number, length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++) s += NAME_ALPHABET[draw(seed, counter, i) % NAME_ALPHABET.length];
  return s;
}

/** Two lowercase hex digits per byte value. */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_DIGIT = '0123456789abcdef';

/**
 * A version-4-shaped UUID from the seeded generator: the hex digits of four
 * draws, with the version digit (4) and the variant bits (10xx) set.
 */
export function uuid(seed: number, counter: number): string {
  const a = draw(seed, counter, 100);
  const b = draw(seed, counter, 101);
  const c = draw(seed, counter, 102);
  const d = draw(seed, counter, 103);
  return (
    HEX_BYTE[a >>> 24] + HEX_BYTE[(a >>> 16) & 255] + HEX_BYTE[(a >>> 8) & 255] + HEX_BYTE[a & 255] +
    '-' + HEX_BYTE[b >>> 24] + HEX_BYTE[(b >>> 16) & 255] +
    '-4' + HEX_DIGIT[(b >>> 8) & 15] + HEX_BYTE[b & 255] +
    '-' + HEX_DIGIT[((c >>> 28) & 3) | 8] + HEX_DIGIT[(c >>> 24) & 15] + HEX_BYTE[(c >>> 16) & 255] +
    '-' + HEX_BYTE[(c >>> 8) & 255] + HEX_BYTE[c & 255] +
    HEX_BYTE[d >>> 24] + HEX_BYTE[(d >>> 16) & 255] + HEX_BYTE[(d >>> 8) & 255] + HEX_BYTE[d & 255]
  );
}
