/**
 * The pod-template-hash: FNV-1a 32 over a stable dump of the pod template,
 * with the collision count appended, printed in decimal and each digit
 * mapped through Kubernetes' SafeEncodeString alphabet (ComputeHash in
 * k8s.io/kubernetes pkg/controller/controller_utils.go).
 *
 * Simplified: Kubernetes dumps the Go struct; kubesim dumps the JSON form
 * with sorted keys, so hashes have the real shape but not the real values.
 */
import { NAME_ALPHABET } from '../../engine/random.js';

/** Writes a value with object keys sorted, so equal templates dump equally. */
export function stableDump(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableDump).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableDump(obj[k])}`).join(',')}}`;
}

function fnv1a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/** Maps each character through the 27-letter alphabet, as apimachinery's SafeEncodeString does. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length];
  return out;
}

/** Computes the pod-template-hash of a template and an optional collision count. */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv1a(new TextEncoder().encode(stableDump(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    // Kubernetes writes the uint32 into an 8-byte little-endian buffer and hashes all eight bytes.
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv1a(buf, h);
  }
  return safeEncodeString(String(h));
}
