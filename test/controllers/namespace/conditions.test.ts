import { describe, expect, it } from 'vitest';
import { calculateConditions, type NamespaceCondition, type RemainingContent } from '../../../src/controllers/namespace/conditions.js';

function remaining(byResource: [string, number][] = [], byFinalizer: [string, number][] = [], errors: string[] = []): RemainingContent {
  return { byResource: new Map(byResource), byFinalizer: new Map(byFinalizer), errors };
}

const T0 = '2022-05-31T09:50:00Z';
const T1 = '2022-05-31T09:51:00Z';

describe('namespace deletion conditions', () => {
  it('adds all five types in order, with ok reasons for what is fine', () => {
    const conditions = calculateConditions([], remaining([['pods.', 2]]), T0)!;
    expect(conditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentRemoved'],
    ]);
    expect(conditions.every((c) => c.lastTransitionTime === T0)).toBe(true);
  });

  it('sorts the remaining resources, finalizers and errors in the messages', () => {
    const conditions = calculateConditions([], remaining([['pods.', 1], ['configmaps.', 3]], [['b.io/x', 1], ['a.io/y', 2]], ['z error', 'a error']), T0)!;
    expect(conditions.slice(2).map((c) => c.message)).toEqual([
      'Failed to delete all resource types, 2 remaining: a error, z error',
      'Some resources are remaining: configmaps. has 3 resource instances, pods. has 1 resource instances',
      'Some finalizers are remaining: a.io/y in 2 resource instances, b.io/x in 1 resource instances',
    ]);
  });

  it('keeps the transition time when only the message changes, and reports no change when nothing does', () => {
    const first = calculateConditions([], remaining([['pods.', 2]]), T0)!;
    const second = calculateConditions(first, remaining([['pods.', 1]]), T1)!;
    const remainingCondition = (cs: NamespaceCondition[]) => cs.find((c) => c.type === 'NamespaceContentRemaining')!;
    expect(remainingCondition(second)).toEqual({
      type: 'NamespaceContentRemaining',
      status: 'True',
      lastTransitionTime: T0,
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: pods. has 1 resource instances',
    });
    expect(calculateConditions(second, remaining([['pods.', 1]]), T1)).toBeUndefined();
    const done = calculateConditions(second, remaining(), T1)!;
    expect(remainingCondition(done)).toEqual({
      type: 'NamespaceContentRemaining',
      status: 'False',
      lastTransitionTime: T1,
      reason: 'ContentRemoved',
      message: 'All content successfully removed',
    });
    // The given conditions are left as they were.
    expect(remainingCondition(first).message).toBe('Some resources are remaining: pods. has 2 resource instances');
  });
});
