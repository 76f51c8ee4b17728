import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration, quoteGo } from '../../src/api/go-duration.js';

describe('parseGoDuration', () => {
  it.each([
    ['1h30m', 5_400_000_000_000n],
    ['90s', 90_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['300ms', 300_000_000n],
    ['-1.5h', -5_400_000_000_000n],
    ['+5s', 5_000_000_000n],
    ['0', 0n],
    ['-0', 0n],
    ['.5s', 500_000_000n],
    ['1.s', 1_000_000_000n],
    ['2h45m0.5s', 9_900_500_000_000n],
    ['1us', 1_000n],
    ['1\u00b5s', 1_000n],
    ['1\u03bcs', 1_000n],
    ['9223372036854775807ns', 9_223_372_036_854_775_807n],
    ['-9223372036854775808ns', -9_223_372_036_854_775_808n],
  ])('parses %j', (text, nanoseconds) => {
    expect(parseGoDuration(text)).toEqual({ nanoseconds });
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['foo', 'time: invalid duration "foo"'],
    ['.s', 'time: invalid duration ".s"'],
    [' 1m', 'time: invalid duration " 1m"'],
    ['5', 'time: missing unit in duration "5"'],
    ['1h5', 'time: missing unit in duration "1h5"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['1m ', 'time: unknown unit "m " in duration "1m "'],
    ['1e3s', 'time: unknown unit "e" in duration "1e3s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['2562048h', 'time: invalid duration "2562048h"'],
  ])('rejects %j', (text, error) => {
    expect(parseGoDuration(text)).toEqual({ error });
  });
});

describe('quoteGo', () => {
  it('escapes quotes and backslashes', () => {
    expect(quoteGo('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('writes the UTF-8 bytes of non-ASCII and control characters', () => {
    expect(quoteGo('5\u00e4\t')).toBe('"5\\xc3\\xa4\\x09"');
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [500, '500ms'],
    [1500, '1.5s'],
    [30_000, '30s'],
    [60_000, '1m0s'],
    [90_000, '1m30s'],
    [3_600_000, '1h0m0s'],
    [-2000, '-2s'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});
