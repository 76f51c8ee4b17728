import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { nodeShouldRunDaemonPod } from '../../../src/controllers/daemonset/eligibility.js';
import { calculateBudgets, planRollingUpdate } from '../../../src/controllers/daemonset/rolling.js';

function node(taints: any[] = [], labels: Record<string, string> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels }, spec: { taints } };
}

function ds(spec: any = {}): KObject {
  return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }], ...spec } } } };
}

describe('nodeShouldRunDaemonPod', () => {
  const cases: [string, KObject, KObject, { shouldRun: boolean; shouldContinueRunning: boolean }][] = [
    ['plain node', ds(), node(), { shouldRun: true, shouldContinueRunning: true }],
    ['untolerated NoSchedule keeps an existing pod', ds(), node([{ key: 'a', effect: 'NoSchedule' }]), { shouldRun: false, shouldContinueRunning: true }],
    ['untolerated NoExecute evicts', ds(), node([{ key: 'a', effect: 'NoExecute' }]), { shouldRun: false, shouldContinueRunning: false }],
    ['PreferNoSchedule is ignored', ds(), node([{ key: 'a', effect: 'PreferNoSchedule' }]), { shouldRun: true, shouldContinueRunning: true }],
    ['cordoned node is tolerated', ds(), node([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]), { shouldRun: true, shouldContinueRunning: true }],
    ['unreachable NoExecute is tolerated', ds(), node([{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]), { shouldRun: true, shouldContinueRunning: true }],
    ['selector mismatch', ds({ nodeSelector: { disk: 'ssd' } }), node(), { shouldRun: false, shouldContinueRunning: false }],
    ['selector match', ds({ nodeSelector: { disk: 'ssd' } }), node([], { disk: 'ssd' }), { shouldRun: true, shouldContinueRunning: true }],
  ];
  for (const [name, d, n, want] of cases) {
    it(name, () => expect(nodeShouldRunDaemonPod(d, n, 132)).toEqual(want));
  }
});

describe('DaemonSet rolling update budgets', () => {
  const withStrategy = (ru: any): KObject => ({ ...ds(), spec: { ...ds().spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: ru } } });

  it('rounds percentages up against the desired count', () => {
    expect(calculateBudgets(withStrategy({ maxUnavailable: '25%', maxSurge: 0 }), 5)).toEqual({ maxSurge: 0, maxUnavailable: 2 });
  });

  it('allows one unavailable pod when both budgets are zero', () => {
    expect(calculateBudgets(withStrategy({ maxUnavailable: 0, maxSurge: 0 }), 5)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });

  it('deletes an unavailable old pod without spending the budget on it first', () => {
    const old = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name } });
    const nodes = [
      { node: 'a', newPods: [], oldPods: [old('a-old')] },
      { node: 'b', newPods: [], oldPods: [old('b-old')] },
    ];
    const plan = planRollingUpdate(nodes, { maxSurge: 0, maxUnavailable: 1 }, (p) => p.metadata.name !== 'a-old');
    expect(plan.deletePods.map((p) => p.metadata.name)).toEqual(['a-old']);
  });
});
