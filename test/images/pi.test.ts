import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculatePi } from '../../src/images/pi';

describe('calculatePi', () => {
  it('matches the 2000-digit output of perl bpi(2000)', () => {
    const golden = readFileSync(new URL('./fixtures/pi-2000.txt', import.meta.url), 'utf8').trim();
    expect(calculatePi(2000)).toBe(golden);
  });

  it('rounds the last digit half up', () => {
    expect(calculatePi(5)).toBe('3.1416');
    expect(calculatePi(3)).toBe('3.14');
    expect(calculatePi(8)).toBe('3.1415927');
  });

  it('prints one digit without a decimal point', () => {
    expect(calculatePi(1)).toBe('3');
  });

  it('rejects a non-positive digit count', () => {
    expect(() => calculatePi(0)).toThrow('invalid number of digits: 0');
  });
});
