import { describe, expect, it } from 'vitest';
import { canonicalQuantity, QUANTITY_ERROR } from '../../../src/commands/set/canonical-quantity';

// Expected values were printed by `kubectl set resources --local --limits=...`.
const CASES: [string, string][] = [
  ['0.5', '500m'],
  ['1.5Gi', '1536Mi'],
  ['1000m', '1'],
  ['1000', '1k'],
  ['12e3', '12e3'],
  ['0.1Ki', '102400m'],
  ['0.0001', '100u'],
  ['1536Ki', '1536Ki'],
  ['2048', '2048'],
  ['1e-3', '1e-3'],
  ['100n', '100n'],
  ['0', '0'],
  ['1.5', '1500m'],
  ['1024Mi', '1Gi'],
  ['1e6', '1e6'],
];

describe('canonicalQuantity', () => {
  for (const [input, want] of CASES) {
    it(`writes ${input} as ${want}`, () => {
      expect(canonicalQuantity(input)).toBe(want);
    });
  }

  it('rejects text that is not a quantity', () => {
    expect(() => canonicalQuantity('abc')).toThrow(QUANTITY_ERROR);
  });
});
