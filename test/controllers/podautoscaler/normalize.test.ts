import { describe, expect, it } from 'vitest';
import { normalizeClassic, normalizeWithBehavior, recordScaleEvent, type AutoscalerHistory } from '../../../src/controllers/podautoscaler/normalize.js';

const T = 1_000_000;
const empty = (): AutoscalerHistory => ({ recommendations: [], scaleUpEvents: [], scaleDownEvents: [] });
const UP = { stabilizationWindowSeconds: 0, selectPolicy: 'Max' as const, policies: [{ type: 'Pods' as const, value: 4, periodSeconds: 15 }, { type: 'Percent' as const, value: 100, periodSeconds: 15 }] };
const DOWN = { selectPolicy: 'Max' as const, policies: [{ type: 'Percent' as const, value: 100, periodSeconds: 15 }] };

describe('normalizeClassic', () => {
  it('limits a scale-up to twice the current count', () => {
    expect(normalizeClassic(empty(), T, 3, 20, 1, 50)).toMatchObject({ replicas: 6, limited: true, limitReason: 'ScaleUpLimit' });
  });

  it('allows at least four pods more from a small count', () => {
    expect(normalizeClassic(empty(), T, 1, 9, 1, 50)).toMatchObject({ replicas: 4, limitReason: 'ScaleUpLimit' });
  });

  it('raises to minReplicas', () => {
    expect(normalizeClassic(empty(), T, 3, 1, 2, 10)).toMatchObject({ replicas: 2, limited: true, limitReason: 'TooFewReplicas' });
  });

  it('keeps the highest recommendation of the last five minutes', () => {
    const h = empty();
    normalizeClassic(h, T, 8, 8, 1, 10);
    expect(normalizeClassic(h, T + 299_000, 8, 2, 1, 10)).toMatchObject({ replicas: 8, ableReason: 'ScaleDownStabilized' });
    expect(normalizeClassic(h, T + 301_000, 8, 2, 1, 10)).toMatchObject({ replicas: 2, ableReason: 'ReadyForNewScale' });
  });
});

describe('normalizeWithBehavior', () => {
  it('applies the larger of the default scale-up policies', () => {
    expect(normalizeWithBehavior(empty(), T, 10, 40, 1, 100, UP, DOWN)).toMatchObject({ replicas: 20, limitReason: 'ScaleUpLimit' });
  });

  it('counts earlier scale-ups inside the policy period', () => {
    const h = empty();
    const up = { ...UP, policies: [{ type: 'Pods' as const, value: 2, periodSeconds: 60 }] };
    recordScaleEvent(h, up, DOWN, 4, 6, T);
    expect(normalizeWithBehavior(h, T + 30_000, 6, 20, 1, 100, up, DOWN).replicas).toBe(6);
    expect(normalizeWithBehavior(h, T + 61_000, 6, 20, 1, 100, up, DOWN).replicas).toBe(8);
  });

  it('uses a user scale-down window', () => {
    const h = empty();
    const down = { ...DOWN, stabilizationWindowSeconds: 60 };
    normalizeWithBehavior(h, T, 8, 8, 1, 10, UP, down);
    expect(normalizeWithBehavior(h, T + 45_000, 8, 3, 1, 10, UP, down)).toMatchObject({ replicas: 8, ableReason: 'ScaleDownStabilized' });
    expect(normalizeWithBehavior(h, T + 75_000, 8, 3, 1, 10, UP, down).replicas).toBe(3);
  });

  it('never scales when the policy is Disabled', () => {
    expect(normalizeWithBehavior(empty(), T, 5, 9, 1, 10, { ...UP, selectPolicy: 'Disabled' }, DOWN).replicas).toBe(5);
  });
});
