import { describe, expect, it } from 'vitest';
import { base64ErrorOffset, prepareSecretData } from '../../src/api/secret-data.js';
import { ApiError } from '../../src/api/errors.js';

describe('base64ErrorOffset', () => {
  it('accepts standard base64 with padding, CR and LF anywhere', () => {
    for (const ok of ['', 'YQ==', 'YWI=', 'YWJj', 'YW\nJj', 'YQ=\r\n=', 'YWJj\n']) expect(base64ErrorOffset(ok)).toBe(-1);
  });

  it("reports the byte Go's decoder stops at", () => {
    expect(base64ErrorOffset('not base64!')).toBe(3);
    // A quantum cut short counts from its start.
    expect(base64ErrorOffset('abc')).toBe(0);
    expect(base64ErrorOffset('YWJjZ')).toBe(4);
    // Padding in the first two places of a quantum, a lone `=` at the end, and data after padding.
    expect(base64ErrorOffset('Y===')).toBe(1);
    expect(base64ErrorOffset('YQ=')).toBe(3);
    expect(base64ErrorOffset('YQ==YQ==')).toBe(4);
    // URL-safe characters are not in the standard alphabet.
    expect(base64ErrorOffset('a-b_')).toBe(1);
    // Offsets count UTF-8 bytes.
    expect(base64ErrorOffset('ééé')).toBe(0);
  });
});

describe('prepareSecretData', () => {
  it('merges stringData into data, encoded, and drops it; stringData wins', () => {
    const obj: any = { kind: 'Secret', metadata: { name: 's' }, data: { a: 'b2xk', b: 'Yg==' }, stringData: { a: 'new', c: 'é' } };
    prepareSecretData(obj);
    expect(obj).toEqual({ kind: 'Secret', metadata: { name: 's' }, data: { a: 'bmV3', b: 'Yg==', c: 'w6k=' } });
  });

  it("rejects a data value that is not base64 with the decoder's BadRequest", () => {
    const obj: any = { kind: 'Secret', metadata: { name: 's' }, data: { a: 'not base64!' } };
    expect(() => prepareSecretData(obj)).toThrow(ApiError);
    expect(() => prepareSecretData(obj)).toThrow('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3');
  });
});
