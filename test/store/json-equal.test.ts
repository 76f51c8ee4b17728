import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../src/store/json-equal.js';

/** Checks jsonEqual against the JSON.stringify comparison it replaces. */
function agrees(a: unknown, b: unknown): boolean {
  const equal = jsonEqual(a, b);
  expect(equal).toBe(JSON.stringify(a) === JSON.stringify(b));
  return equal;
}

describe('jsonEqual', () => {
  it('skips the top-level property known to be equal', () => {
    expect(jsonEqual({ a: 1, spec: { x: 1 } }, { a: 1, spec: { x: 2 } }, ['spec'])).toBe(true);
    expect(jsonEqual({ a: 1, spec: { x: 1 } }, { a: 2, spec: { x: 1 } }, ['spec'])).toBe(false);
    expect(jsonEqual({ a: { spec: 1 } }, { a: { spec: 2 } }, ['spec'])).toBe(false);
  });

  it('treats objects with the same keys in another order as different', () => {
    expect(agrees({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(agrees({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'x' }] })).toBe(true);
  });

  it('skips object properties that JSON leaves out', () => {
    expect(agrees({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(agrees({ b: undefined, a: 1 }, { a: 1, c: () => 1 })).toBe(true);
    expect(agrees({ a: undefined }, { a: null })).toBe(false);
  });

  it('encodes omitted values and non-finite numbers in arrays as null', () => {
    expect(agrees([undefined, NaN], [null, null])).toBe(true);
    expect(agrees([Infinity], [0])).toBe(false);
  });

  it('tells apart values of different types and lengths', () => {
    expect(agrees('1', 1)).toBe(false);
    expect(agrees([1, 2], [1, 2, 3])).toBe(false);
    expect(agrees({}, [])).toBe(false);
    expect(agrees(undefined, undefined)).toBe(true);
    expect(agrees(undefined, null)).toBe(false);
  });
});
