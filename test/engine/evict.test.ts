import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import type { Cluster } from '../../src/engine/cluster.js';
import { ApiError } from '../../src/api/errors.js';
import { evictPod } from '../../src/engine/evict.js';
import { advance, apply, edit, get, newCluster } from '../controllers/workload-helpers.js';

function newReplicaSet(replicas: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.14.2' }] } } },
  };
}

function newBudget(name: string, spec: Record<string, unknown>): KObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec: { ...spec, selector: { matchLabels: { app: 'web' } } } };
}

/** Returns a cluster with three Ready pods of ReplicaSet web and a budget with `spec`. */
function readyCluster(spec: Record<string, unknown>): { c: Cluster; pods: string[] } {
  const c = newCluster();
  apply(c, 'replicasets', newReplicaSet(3));
  apply(c, 'poddisruptionbudgets', newBudget('web', spec));
  advance(c, 60_000);
  return { c, pods: c.store.list('pods', 'default').map((p) => p.metadata.name) };
}

function evictError(c: Cluster, pod: string): ApiError {
  try {
    evictPod(c.store, 'default', pod);
  } catch (err) {
    return err as ApiError;
  }
  throw new Error(`evicting ${pod} succeeded`);
}

describe('evictPod', () => {
  it('spends a disruption and records the pod', () => {
    const { c, pods } = readyCluster({ minAvailable: 2 });
    evictPod(c.store, 'default', pods[0]);
    const pdb = get(c, 'poddisruptionbudgets', 'web');
    expect(pdb.status.disruptionsAllowed).toBe(0);
    expect(Object.keys(pdb.status.disruptedPods)).toEqual([pods[0]]);
    expect(pdb.status.conditions[0].reason).toBe('InsufficientPods');
    expect(get(c, 'pods', pods[0]).metadata.deletionTimestamp).toBeDefined();
  });

  it('rejects with 429 when no disruption is allowed', () => {
    const { c, pods } = readyCluster({ minAvailable: 3 });
    const err = evictError(c, pods[0]);
    expect(err.code).toBe(429);
    expect(err.message).toBe("Cannot evict pod as it would violate the pod's disruption budget.");
    expect(get(c, 'pods', pods[0]).metadata.deletionTimestamp).toBeUndefined();
  });

  it('rejects with 429 while the budget has an unobserved generation', () => {
    const { c, pods } = readyCluster({ minAvailable: 1 });
    c.store.tx(() => {
      const pdb = get(c, 'poddisruptionbudgets', 'web');
      pdb.status.observedGeneration = 0;
      c.store.update('poddisruptionbudgets', pdb);
    });
    expect(evictError(c, pods[0]).code).toBe(429);
  });

  it('rejects a pod selected by two budgets', () => {
    const { c, pods } = readyCluster({ minAvailable: 1 });
    apply(c, 'poddisruptionbudgets', newBudget('second', { minAvailable: 1 }));
    const err = evictError(c, pods[0]);
    expect(err.code).toBe(500);
    expect(err.message).toBe('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  });

  it('deletes a pod without a budget', () => {
    const { c, pods } = readyCluster({ minAvailable: 1 });
    c.store.tx(() => c.store.remove('poddisruptionbudgets', 'default', 'web'));
    evictPod(c.store, 'default', pods[0]);
    expect(get(c, 'pods', pods[0]).metadata.deletionTimestamp).toBeDefined();
  });

  it('deletes a Pending pod without asking the budget', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet(1));
    apply(c, 'poddisruptionbudgets', newBudget('web', { minAvailable: 1 }));
    const pod = c.store.list('pods', 'default')[0].metadata.name;
    expect(get(c, 'pods', pod).status.phase).toBe('Pending');
    evictPod(c.store, 'default', pod);
    expect(get(c, 'poddisruptionbudgets', 'web').status.disruptedPods).toBeUndefined();
  });

  it('reports a missing pod as NotFound', () => {
    const { c } = readyCluster({ minAvailable: 1 });
    const err = evictError(c, 'missing');
    expect(err.code).toBe(404);
    expect(err.message).toBe('pods "missing" not found');
  });

  it('evicts an unready pod while the budget is met without spending', () => {
    const { c, pods } = readyCluster({ minAvailable: 1 });
    edit(c, 'pods', pods[0], (p) => (p.status.conditions.find((x: any) => x.type === 'Ready').status = 'False'));
    expect(get(c, 'poddisruptionbudgets', 'web').status.disruptionsAllowed).toBe(1);
    evictPod(c.store, 'default', pods[0]);
    expect(get(c, 'poddisruptionbudgets', 'web').status.disruptedPods).toBeUndefined();
  });

  it('evicts an unready pod of a broken budget only with AlwaysAllow', () => {
    const { c, pods } = readyCluster({ minAvailable: 3 });
    edit(c, 'pods', pods[0], (p) => (p.status.conditions.find((x: any) => x.type === 'Ready').status = 'False'));
    expect(evictError(c, pods[0]).code).toBe(429);
    edit(c, 'poddisruptionbudgets', 'web', (pdb) => (pdb.spec.unhealthyPodEvictionPolicy = 'AlwaysAllow'));
    evictPod(c.store, 'default', pods[0]);
    expect(get(c, 'pods', pods[0]).metadata.deletionTimestamp).toBeDefined();
  });
});
