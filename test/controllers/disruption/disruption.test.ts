import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import { START, advance, apply, edit, get, newCluster, newDeployment } from '../workload-helpers.js';

function newBudget(name: string, spec: Record<string, unknown>, app = 'web'): KObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec: { ...spec, selector: { matchLabels: { app } } } };
}

function newReplicaSet(name: string, replicas: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.14.2' }] } } },
  };
}

function counts(c: Cluster, name: string) {
  const s = get(c, 'poddisruptionbudgets', name).status;
  return { expected: s.expectedPods, desired: s.desiredHealthy, current: s.currentHealthy, allowed: s.disruptionsAllowed };
}

function condition(c: Cluster, name: string) {
  const cond = get(c, 'poddisruptionbudgets', name).status.conditions.find((x: any) => x.type === 'DisruptionAllowed');
  return `${cond.status} ${cond.reason} ${cond.message}`;
}

function events(c: Cluster, kind: string) {
  return c.store
    .list('events', 'default')
    .filter((e) => e.involvedObject.kind === kind)
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

describe('disruption controller', () => {
  it('counts nothing healthy before the pods are Ready', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet('web', 3));
    apply(c, 'poddisruptionbudgets', newBudget('web', { minAvailable: 2 }));
    expect(counts(c, 'web')).toEqual({ expected: 3, desired: 2, current: 0, allowed: 0 });
    expect(condition(c, 'web')).toBe('False InsufficientPods ');
  });

  it('allows disruptions once the pods are Ready', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet('web', 3));
    apply(c, 'poddisruptionbudgets', newBudget('web', { minAvailable: 2 }));
    advance(c, 60_000);
    expect(counts(c, 'web')).toEqual({ expected: 3, desired: 2, current: 3, allowed: 1 });
    expect(condition(c, 'web')).toBe('True SufficientPods ');
    const status = get(c, 'poddisruptionbudgets', 'web').status;
    expect(status.observedGeneration).toBe(1);
    expect(status.conditions[0].observedGeneration).toBe(1);
  });

  it('uses the Deployment scale for maxUnavailable', () => {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 4 }));
    apply(c, 'poddisruptionbudgets', newBudget('web', { maxUnavailable: '30%' }));
    advance(c, 60_000);
    // 30% of 4 is 1.2, rounded up to 2 unavailable.
    expect(counts(c, 'web')).toEqual({ expected: 4, desired: 2, current: 4, allowed: 2 });
  });

  it('observes a new generation after a spec change', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet('web', 3));
    apply(c, 'poddisruptionbudgets', newBudget('web', { minAvailable: 2 }));
    advance(c, 60_000);
    edit(c, 'poddisruptionbudgets', 'web', (pdb) => (pdb.spec.minAvailable = 3));
    const pdb = get(c, 'poddisruptionbudgets', 'web');
    expect(pdb.metadata.generation).toBe(2);
    expect(pdb.status.observedGeneration).toBe(2);
    expect(counts(c, 'web')).toEqual({ expected: 3, desired: 3, current: 3, allowed: 0 });
  });

  it('records NoPods when the selector matches nothing', () => {
    const c = newCluster();
    apply(c, 'poddisruptionbudgets', newBudget('empty', { minAvailable: 1 }, 'none'));
    expect(counts(c, 'empty')).toEqual({ expected: 0, desired: 1, current: 0, allowed: 0 });
    expect(events(c, 'PodDisruptionBudget')).toEqual(['Normal NoPods No matching pods found']);
  });

  it('warns about unmanaged pods for maxUnavailable', () => {
    const c = newCluster();
    apply(c, 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.14.2' }] } });
    apply(c, 'poddisruptionbudgets', newBudget('web', { maxUnavailable: 1 }));
    expect(events(c, 'PodDisruptionBudget')).toContain(
      'Warning UnmanagedPods Pods selected by this PodDisruptionBudget (selector: &LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    );
    expect(counts(c, 'web')).toEqual({ expected: 0, desired: 0, current: 0, allowed: 0 });
  });

  it('fails safe when a controller has no scale', () => {
    const c = newCluster();
    apply(c, 'daemonsets', {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'default' },
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.14.2' }] } } },
    });
    apply(c, 'poddisruptionbudgets', newBudget('agent', { maxUnavailable: 1 }, 'agent'));
    expect(get(c, 'poddisruptionbudgets', 'agent').status.disruptionsAllowed).toBe(0);
    expect(condition(c, 'agent')).toBe('False SyncFailed daemonsets.apps does not implement the scale subresource');
    expect(events(c, 'PodDisruptionBudget')).toContain('Warning CalculateExpectedPodCountFailed Failed to calculate the number of expected pods: daemonsets.apps does not implement the scale subresource');
  });

  it('counts a pod again after its disruption expires', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet('web', 3));
    apply(c, 'poddisruptionbudgets', newBudget('web', { minAvailable: 2 }));
    advance(c, 60_000);
    const pod = c.store.list('pods', 'default')[0].metadata.name;
    // An eviction that was approved but whose pod was never deleted.
    edit(c, 'poddisruptionbudgets', 'web', (pdb) => (pdb.status = { ...pdb.status, disruptionsAllowed: 0, disruptedPods: { [pod]: new Date(START + 60_000).toISOString().replace('.000Z', 'Z') } }));
    expect(counts(c, 'web')).toEqual({ expected: 3, desired: 2, current: 2, allowed: 0 });
    advance(c, 121_000);
    expect(counts(c, 'web')).toEqual({ expected: 3, desired: 2, current: 3, allowed: 1 });
    expect(get(c, 'poddisruptionbudgets', 'web').status.disruptedPods).toBeUndefined();
    expect(events(c, 'Pod').filter((e) => e.includes('NotDeleted'))).toEqual(["Warning NotDeleted Pod was expected by PDB default/default to be deleted but it wasn't"]);
  });
});
