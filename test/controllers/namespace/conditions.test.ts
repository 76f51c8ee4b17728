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
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers'],
    ]);
    expect(conditions.every((c) => c.lastTransitionTime === T0)).toBe(true);
  });

  it('sorts the remaining resources, finalizers and errors in the messages', () => {
    const conditions = calculateConditions([], remaining([['pods.', 1], ['configmaps.', 3]], [['b.io/x', 1], ['a.io/y', 2]], ['z error', 'a error']), T0)!;
    expect(conditions.slice(2).map((c) => c.message)).toEqual([
      'Failed to delete all resource types, 2 remaining: a error, z error',
      'Some resources are remaining: configmaps. has 3 resource instances, pods. has 1 resource instances',
      'Some content in the namespace has finalizers remaining: a.io/y in 2 resource instances, b.io/x in 1 resource instances',
    ]);
  });

  const contentRemaining = (conditions: NamespaceCondition[]) => conditions.find((c) => c.type === 'NamespaceContentRemaining')!;

  it('keeps transition time on message change', () => {
    const first = calculateConditions([], remaining([['pods.', 2]]), T0)!;
    const second = calculateConditions(first, remaining([['pods.', 1]]), T1)!;
    expect(contentRemaining(second)).toEqual({
      type: 'NamespaceContentRemaining',
      status: 'True',
      lastTransitionTime: T0,
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: pods. has 1 resource instances',
    });
    // The given conditions are left as they were.
    expect(contentRemaining(first).message).toBe('Some resources are remaining: pods. has 2 resource instances');
  });

  it('reports no change for equal content', () => {
    const first = calculateConditions([], remaining([['pods.', 1]]), T0)!;
    expect(calculateConditions(first, remaining([['pods.', 1]]), T1)).toBeUndefined();
  });

  it('moves transition time on status change', () => {
    const first = calculateConditions([], remaining([['pods.', 1]]), T0)!;
    const done = calculateConditions(first, remaining(), T1)!;
    expect(contentRemaining(done)).toEqual({
      type: 'NamespaceContentRemaining',
      status: 'False',
      lastTransitionTime: T1,
      reason: 'ContentRemoved',
      message: 'All content successfully removed',
    });
  });
});
