import { describe, expect, it } from 'vitest';
import type { KObject, OwnerReference } from '../../../src/api/types.js';
import {
  DELETION_TIMEOUT_MS,
  buildDisruptedPodMap,
  calculateDisruptionsAllowed,
  calculateExpectedPodCount,
  countHealthyPods,
  scaledValueFromIntOrPercent,
  type ScaleFinder,
} from '../../../src/controllers/disruption/expected.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function newPod(name: string, o: { owner?: string; ready?: boolean; deleting?: boolean } = {}): KObject {
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }] },
  };
  if (o.owner) pod.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: o.owner, uid: `uid-${o.owner}`, controller: true }];
  if (o.deleting) pod.metadata.deletionTimestamp = iso(NOW);
  return pod;
}

function newBudget(spec: { minAvailable?: number | string; maxUnavailable?: number | string }): KObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' }, spec: { ...spec, selector: { matchLabels: { app: 'web' } } } };
}

/** Returns a finder that looks ReplicaSets up by name and returns their scales. */
function scales(byName: Record<string, number>): ScaleFinder {
  return (ref: OwnerReference) => (ref.name in byName ? { uid: ref.uid, scale: byName[ref.name] } : undefined);
}

describe('scaledValueFromIntOrPercent', () => {
  it.each([
    ['an integer as itself', 2, 10, true, 2],
    ['a percent rounded up', '50%', 3, true, 2],
    ['a percent rounded down', '50%', 3, false, 1],
    ['an exact percent', '20%', 10, true, 2],
    ['zero percent', '0%', 7, true, 0],
  ] as const)('resolves %s', (_name, value, total, roundUp, expected) => {
    expect(scaledValueFromIntOrPercent(value, total, roundUp)).toBe(expected);
  });

  it('rejects a string without a percent sign', () => {
    expect(() => scaledValueFromIntOrPercent('3', 10, true)).toThrow('invalid value for IntOrString: invalid type: string is not a percentage');
  });

  it('rejects a percent that is not a number', () => {
    expect(() => scaledValueFromIntOrPercent('x%', 10, true)).toThrow('invalid value "x%": strconv.Atoi: parsing "x": invalid syntax');
  });
});

describe('calculateExpectedPodCount', () => {
  const pods = [newPod('a', { owner: 'rs1' }), newPod('b', { owner: 'rs1' }), newPod('c', { owner: 'rs1' })];

  it.each([
    ['integer minAvailable counts selected pods', { minAvailable: 2 }, { rs1: 5 }, 3, 2],
    ['percent minAvailable uses the scale, rounded up', { minAvailable: '50%' }, { rs1: 3 }, 3, 2],
    ['integer maxUnavailable subtracts from the scale', { maxUnavailable: 1 }, { rs1: 4 }, 4, 3],
    ['percent maxUnavailable rounds the unavailable count up', { maxUnavailable: '50%' }, { rs1: 3 }, 3, 1],
    ['maxUnavailable above the scale floors desiredHealthy at zero', { maxUnavailable: 5 }, { rs1: 3 }, 3, 0],
    ['neither field expects nothing', {}, { rs1: 3 }, 0, 0],
  ] as const)('%s', (_name, spec, byName, expectedCount, desiredHealthy) => {
    const result = calculateExpectedPodCount(newBudget(spec), pods, scales(byName));
    expect(result.expectedCount).toBe(expectedCount);
    expect(result.desiredHealthy).toBe(desiredHealthy);
    expect(result.unmanagedPods).toEqual([]);
  });

  it('sums the scales of distinct controllers', () => {
    const mixed = [newPod('a', { owner: 'rs1' }), newPod('b', { owner: 'rs2' }), newPod('c', { owner: 'rs2' })];
    const result = calculateExpectedPodCount(newBudget({ maxUnavailable: 1 }), mixed, scales({ rs1: 2, rs2: 3 }));
    expect(result.expectedCount).toBe(5);
    expect(result.desiredHealthy).toBe(4);
  });

  it('lists pods without a controller as unmanaged', () => {
    const result = calculateExpectedPodCount(newBudget({ maxUnavailable: 1 }), [newPod('a', { owner: 'rs1' }), newPod('bare')], scales({ rs1: 2 }));
    expect(result.unmanagedPods).toEqual(['bare']);
    expect(result.expectedCount).toBe(2);
  });

  it('ignores unmanaged pods for an integer minAvailable', () => {
    const result = calculateExpectedPodCount(newBudget({ minAvailable: 1 }), [newPod('bare')], scales({}));
    expect(result.unmanagedPods).toEqual([]);
    expect(result.expectedCount).toBe(1);
  });

  it('fails when a controller cannot be found', () => {
    expect(() => calculateExpectedPodCount(newBudget({ maxUnavailable: 1 }), [newPod('a', { owner: 'gone' })], scales({}))).toThrow('found no controllers for pod "a"');
  });
});

describe('countHealthyPods', () => {
  it('counts Ready pods only', () => {
    expect(countHealthyPods([newPod('a'), newPod('b', { ready: false })], {}, NOW)).toBe(1);
  });

  it('skips pods being deleted', () => {
    expect(countHealthyPods([newPod('a'), newPod('b', { deleting: true })], {}, NOW)).toBe(1);
  });

  it('skips pods an eviction approved within the deletion timeout', () => {
    expect(countHealthyPods([newPod('a'), newPod('b')], { b: iso(NOW - 1000) }, NOW)).toBe(1);
  });

  it('counts a disrupted pod again once the deletion timeout has passed', () => {
    expect(countHealthyPods([newPod('a'), newPod('b')], { b: iso(NOW - DELETION_TIMEOUT_MS) }, NOW)).toBe(2);
  });
});

describe('buildDisruptedPodMap', () => {
  it('keeps pending entries and rechecks at the earliest expiry', () => {
    const recorded = { a: iso(NOW - 30_000), b: iso(NOW - 60_000) };
    const result = buildDisruptedPodMap([newPod('a'), newPod('b')], recorded, NOW);
    expect(result.disruptedPods).toEqual(recorded);
    expect(result.recheckAt).toBe(NOW - 60_000 + DELETION_TIMEOUT_MS);
    expect(result.expired).toEqual([]);
  });

  it('drops entries of pods that are gone or being deleted', () => {
    const result = buildDisruptedPodMap([newPod('b', { deleting: true })], { a: iso(NOW), b: iso(NOW) }, NOW);
    expect(result.disruptedPods).toEqual({});
    expect(result.recheckAt).toBeUndefined();
  });

  it('reports entries past the deletion timeout as expired', () => {
    const result = buildDisruptedPodMap([newPod('a')], { a: iso(NOW - DELETION_TIMEOUT_MS - 1000) }, NOW);
    expect(result.disruptedPods).toEqual({});
    expect(result.expired.map((p) => p.metadata.name)).toEqual(['a']);
  });
});

describe('calculateDisruptionsAllowed', () => {
  it.each([
    ['healthy above desired', 3, 2, 3, 1],
    ['healthy equal to desired', 2, 2, 3, 0],
    ['healthy below desired', 1, 2, 3, 0],
    ['no expected pods', 2, 0, 0, 0],
  ] as const)('returns the margin for %s', (_name, current, desired, expected, allowed) => {
    expect(calculateDisruptionsAllowed(current, desired, expected)).toBe(allowed);
  });
});
