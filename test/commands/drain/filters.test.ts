import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { planDrain } from '../../../src/commands/drain/filters.js';
import { newCluster } from '../../controllers/cluster-helpers.js';

function pod(name: string, extra: { owner?: string; emptyDir?: boolean } = {}): KObject {
  const p: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] }, status: { phase: 'Running' } };
  if (extra.owner) p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: extra.owner, name: 'x', uid: 'u', controller: true }];
  if (extra.emptyDir) p.spec.volumes = [{ name: 'scratch', emptyDir: {} }];
  return p;
}

const NONE = { ignoreDaemonSets: false, deleteEmptyDirData: false, force: false };

describe('drain filters', () => {
  it('refuses pods without a controller unless forced', () => {
    const cluster = newCluster();
    expect(planDrain(cluster.store, [pod('solo')], NONE).errors).toEqual(['cannot delete Pods that declare no controller (use --force to override): default/solo']);
    const forced = planDrain(cluster.store, [pod('solo')], { ...NONE, force: true });
    expect([forced.pods.length, forced.warnings]).toEqual([1, 'deleting Pods that declare no controller: default/solo']);
  });

  it('refuses pods with emptyDir data unless allowed', () => {
    const cluster = newCluster();
    const p = pod('cache', { owner: 'ReplicaSet', emptyDir: true });
    expect(planDrain(cluster.store, [p], NONE).errors).toEqual(['cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache']);
    expect(planDrain(cluster.store, [p], { ...NONE, deleteEmptyDirData: true }).pods.map((x) => x.metadata.name)).toEqual(['cache']);
  });

  it('treats a pod of a missing DaemonSet as an error without --force', () => {
    const cluster = newCluster();
    expect(planDrain(cluster.store, [pod('d', { owner: 'DaemonSet' })], { ...NONE, ignoreDaemonSets: true }).errors).toEqual(['cannot delete daemonsets.apps "x" not found: default/d']);
  });

  it('evicts replicated pods without flags', () => {
    const cluster = newCluster();
    const plan = planDrain(cluster.store, [pod('r', { owner: 'ReplicaSet' })], NONE);
    expect([plan.pods.length, plan.errors, plan.warnings]).toEqual([1, [], '']);
  });
});
