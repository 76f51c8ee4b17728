import { describe, expect, it } from 'vitest';
import { formatQuantity } from '../../src/api/quantity.js';

describe('formatQuantity', () => {
  it.each([
    ['2048Mi', '2Gi'],
    ['1.5Gi', '1536Mi'],
    ['1Gi', '1Gi'],
    ['1Ki', '1Ki'],
    ['0.5Ki', '512'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['250m', '250m'],
    ['1000M', '1G'],
    ['1500M', '1500M'],
    ['-1Gi', '-1Gi'],
    ['-1', '-1'],
    ['1e3', '1e3'],
    ['0', '0'],
    ['0.1n', '1n'],
    [1000, '1k'],
  ])('prints %s as %s', (input, expected) => {
    expect(formatQuantity(input)).toBe(expected);
  });

  it('rejects text that is not a quantity', () => {
    expect(formatQuantity('lots')).toBeUndefined();
  });
});
