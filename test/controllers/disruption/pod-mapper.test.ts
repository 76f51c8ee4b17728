import { describe, expect, it, vi } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { isBudgetChange, podMapper } from '../../../src/controllers/disruption/pod-mapper.js';
import { apply, newCluster } from '../workload-helpers.js';

function newPod(name: string, labels: Record<string, string>, ready = true): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } };
}

function newBudget(name: string, app: string): KObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec: { minAvailable: 1, selector: { matchLabels: { app } } } };
}

describe('isBudgetChange', () => {
  it.each([
    ['a new pod', newPod('a', { app: 'web' }), undefined, true],
    ['a readiness change', newPod('a', { app: 'web' }, false), newPod('a', { app: 'web' }), true],
    ['a label change', newPod('a', { app: 'api' }), newPod('a', { app: 'web' }), true],
    ['a status write that keeps readiness', newPod('a', { app: 'web' }), newPod('a', { app: 'web' }), false],
  ] as const)('reports %s', (_name, obj, old, expected) => {
    expect(isBudgetChange(obj, old)).toBe(expected);
  });
});

describe('podMapper', () => {
  it('reads the budgets of a namespace without any once', () => {
    const c = newCluster();
    const list = vi.spyOn(c.store, 'list');
    c.store.tx(() => {
      for (let i = 0; i < 100; i++) expect(podMapper(newPod(`p${i}`, { app: 'web' }), undefined, c.store)).toBeUndefined();
    });
    expect(list.mock.calls.filter((call) => call[0] === 'poddisruptionbudgets')).toHaveLength(1);
    expect(list.mock.calls.filter((call) => call[0] === 'pods')).toHaveLength(0);
  });

  it('maps a pod to the budgets that select it', () => {
    const c = newCluster();
    apply(c, 'poddisruptionbudgets', newBudget('web', 'web'));
    apply(c, 'poddisruptionbudgets', newBudget('api', 'api'));
    c.store.tx(() => {
      expect(podMapper(newPod('a', { app: 'web' }), undefined, c.store)).toEqual(['default/web']);
      expect(podMapper(newPod('a', { app: 'api' }), newPod('a', { app: 'web' }), c.store)).toEqual(['default/api', 'default/web']);
    });
  });

  it('sees a budget created after the namespace was read', () => {
    const c = newCluster();
    c.store.tx(() => expect(podMapper(newPod('a', { app: 'web' }), undefined, c.store)).toBeUndefined());
    apply(c, 'poddisruptionbudgets', newBudget('web', 'web'));
    c.store.tx(() => expect(podMapper(newPod('b', { app: 'web' }), undefined, c.store)).toEqual(['default/web']));
  });
});
