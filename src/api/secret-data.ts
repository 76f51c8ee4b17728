/**
 * The API server's handling of a Secret's data before it stores it. The
 * values of `data` must decode as standard base64, as Go's JSON decoder
 * requires of a []byte field. The v1 to internal conversion then merges
 * `stringData` into `data`, encoded, and drops it. A `stringData` key wins
 * over the same key in `data`.
 */
import type { KObject } from './types.js';
import { ApiError } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const isNewline = (c: number) => c === 10 || c === 13;

/**
 * Returns the byte offset Go's base64.StdEncoding reports for input it
 * cannot decode (CorruptInputError), or -1 when `text` decodes. Go skips
 * CR and LF anywhere, needs `=` padding to whole quanta of 4, and rejects
 * anything after the padding. Offsets count UTF-8 bytes, as Go's do.
 */
export function base64ErrorOffset(text: string): number {
  const src = Buffer.from(text, 'utf8');
  let si = 0;
  for (;;) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return -1;
        return si - j;
      }
      const c = src[si++];
      if (c < 128 && DECODE[c] >= 0) continue;
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== 61) return si - 1;
      // Padding: `=` may stand only in the last two places of a quantum.
      if (j < 2) return si - 1;
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== 61) return si - 1;
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      return si < src.length ? si : -1;
    }
  }
}

/**
 * Checks `data` and merges `stringData` into it, in place. Throws the
 * BadRequest the API server's decoder returns for a value that is not base64.
 */
export function prepareSecretData(obj: KObject): void {
  const data = obj.data;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const value of Object.values(data as Record<string, unknown>)) {
      if (typeof value !== 'string') continue;
      const offset = base64ErrorOffset(value);
      if (offset >= 0) {
        throw new ApiError('BadRequest', 400, `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${offset}`);
      }
    }
  }
  const stringData = obj.stringData;
  if (stringData === undefined) return;
  if (stringData && typeof stringData === 'object' && !Array.isArray(stringData)) {
    const merged: Record<string, unknown> = { ...(data && typeof data === 'object' ? data : {}) };
    for (const [key, value] of Object.entries(stringData as Record<string, unknown>)) {
      merged[key] = Buffer.from(String(value ?? ''), 'utf8').toString('base64');
    }
    if (Object.keys(merged).length > 0) obj.data = merged;
  }
  delete obj.stringData;
}
