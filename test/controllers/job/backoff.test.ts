import { describe, expect, it } from 'vitest';
import { calculateBackoffDelay, calculateNextCreateTime } from '../../../src/controllers/job/backoff.js';

describe('calculateBackoffDelay', () => {
  it.each([
    [0, 0],
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [6, 320_000],
    [7, 360_000],
    [20, 360_000],
  ])('waits the doubled delay after %i failures', (failures, delay) => {
    expect(calculateBackoffDelay(failures)).toBe(delay);
  });
});

describe('calculateNextCreateTime', () => {
  it('counts only failures after the last success', () => {
    const finished = [
      { phase: 'Failed' as const, finishedAt: 1_000 },
      { phase: 'Succeeded' as const, finishedAt: 2_000 },
      { phase: 'Failed' as const, finishedAt: 5_000 },
    ];
    expect(calculateNextCreateTime(finished)).toBe(15_000);
  });

  it('allows creation at once without failures', () => {
    expect(calculateNextCreateTime([{ phase: 'Succeeded', finishedAt: 9_000 }])).toBe(0);
  });
});
