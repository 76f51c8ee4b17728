import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { deleteObject } from '../../../src/engine/delete.js';
import { BURST_REPLICAS, replicaSetController } from '../../../src/controllers/replicaset/replicaset.js';
import type { ControllerContext } from '../../../src/engine/controller.js';
import { advance, apply, edit, get, newCluster } from '../workload-helpers.js';

function newReplicaSet(replicas: number, minReadySeconds?: number): KObject {
  const spec: any = {
    replicas,
    selector: { matchLabels: { tier: 'frontend' } },
    template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.14.2' }] } },
  };
  if (minReadySeconds) spec.minReadySeconds = minReadySeconds;
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'frontend', namespace: 'default' }, spec };
}

function podNames(c: ReturnType<typeof newCluster>, filter: (p: KObject) => boolean = () => true): string[] {
  return c.store
    .list('pods', 'default')
    .filter(filter)
    .map((p) => p.metadata.name);
}

describe('ReplicaSet controller', () => {
  it('creates owner-prefixed pods owned by the ReplicaSet', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet(3));
    const pods = c.store.list('pods', 'default');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: get(c, 'replicasets', 'frontend').metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    const events = c.store.list('events', 'default').filter((e) => e.reason === 'SuccessfulCreate');
    expect(events.map((e) => e.source.component)).toEqual(['replicaset-controller', 'replicaset-controller', 'replicaset-controller']);
  });

  it('reports replicas, readiness and the observed generation', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet(2));
    expect(get(c, 'replicasets', 'frontend').status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
    advance(c, 10_000);
    expect(get(c, 'replicasets', 'frontend').status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
  });

  it('wakes up when pods become available after minReadySeconds', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet(2, 20));
    advance(c, 10_000);
    expect(get(c, 'replicasets', 'frontend').status.availableReplicas).toBeUndefined();
    advance(c, 20_000);
    expect(get(c, 'replicasets', 'frontend').status.availableReplicas).toBe(2);
  });

  it('replaces deleted pods without counting terminating ones', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet(3));
    advance(c, 10_000);
    const before = podNames(c);
    c.store.tx(() => deleteObject(c.store, 'pods', 'default', before[0]));
    c.settle();
    expect(podNames(c, (p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
    expect(get(c, 'replicasets', 'frontend').status.replicas).toBe(3);
  });

  it('releases a relabeled pod and replaces it', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet(3));
    advance(c, 10_000);
    const [first] = podNames(c);
    edit(c, 'pods', first, (p) => (p.metadata.labels = { tier: 'frontend1' }));
    expect(get(c, 'pods', first).metadata.ownerReferences).toBeUndefined();
    expect(podNames(c)).toHaveLength(4);
    c.store.tx(() => deleteObject(c.store, 'replicasets', 'default', 'frontend'));
    c.settle();
    advance(c, 60_000);
    expect(podNames(c)).toEqual([first]);
  });

  it('adopts a matching orphan instead of creating a pod', () => {
    const c = newCluster();
    apply(c, 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.14.2' }] } });
    apply(c, 'replicasets', newReplicaSet(2));
    expect(podNames(c)).toHaveLength(2);
    expect(get(c, 'pods', 'stray').metadata.ownerReferences?.[0]?.name).toBe('frontend');
  });

  it('adopts an orphan created later', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet(2));
    apply(c, 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { tier: 'frontend' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.14.2' }] } });
    expect(get(c, 'pods', 'stray').metadata.ownerReferences?.[0]?.name).toBe('frontend');
    expect(podNames(c, (p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
  });

  it('scans for orphans on selector changes only', () => {
    const mapper = replicaSetController.watches.replicasets;
    const rs = { ...newReplicaSet(2), metadata: { name: 'frontend', namespace: 'default', uid: 'u1' } };
    const scaled = { ...rs, spec: { ...rs.spec, replicas: 3 } };
    const reselected = { ...rs, spec: { ...rs.spec, selector: { matchLabels: { tier: 'backend' } } } };
    expect(mapper(rs, undefined)).toBe('adopt:default/frontend');
    expect(mapper(scaled, rs)).toBe('default/frontend');
    expect(mapper(reselected, rs)).toBe('adopt:default/frontend');
  });

  it('deletes surplus pods when scaled down and records it', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet(4));
    advance(c, 10_000);
    edit(c, 'replicasets', 'frontend', (rs) => (rs.spec.replicas = 1));
    expect(podNames(c, (p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
    expect(c.store.list('events', 'default').filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(3);
  });
});

describe('ReplicaSet controller bursts', () => {
  it('creates at most BURST_REPLICAS pods per sync and goes on in the next', () => {
    const c = newCluster();
    const ctx: ControllerContext = { store: c.store, settings: c.settings, now: () => c.simNow, wakeAt: () => {}, random: () => c.random() };
    const live = () => c.store.list('pods', 'default').length;
    c.store.tx(() => {
      c.store.create('replicasets', newReplicaSet(1200));
      replicaSetController.reconcile(ctx, 'default/frontend');
      expect(live()).toBe(BURST_REPLICAS);
      expect(c.store.isQueued('replicaset', 'default/frontend')).toBe(true);
      replicaSetController.reconcile(ctx, 'default/frontend');
      expect(live()).toBe(2 * BURST_REPLICAS);
      replicaSetController.reconcile(ctx, 'default/frontend');
      expect(live()).toBe(1200);
    });
  });

  it('deletes at most BURST_REPLICAS pods per sync', () => {
    const c = newCluster();
    apply(c, 'replicasets', newReplicaSet(600));
    const ctx: ControllerContext = { store: c.store, settings: c.settings, now: () => c.simNow, wakeAt: () => {}, random: () => c.random() };
    const active = () => c.store.list('pods', 'default').filter((p) => !p.metadata.deletionTimestamp).length;
    c.store.tx(() => {
      const rs = c.store.get('replicasets', 'default', 'frontend')!;
      rs.spec.replicas = 0;
      c.store.update('replicasets', rs);
      replicaSetController.reconcile(ctx, 'default/frontend');
      expect(active()).toBe(600 - BURST_REPLICAS);
    });
    c.settle();
    expect(active()).toBe(0);
  });
});

describe('ReplicationController', () => {
  it('selects pods with a plain label map', () => {
    const c = newCluster();
    apply(c, 'replicationcontrollers', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'nginx', namespace: 'default' },
      spec: { replicas: 2, selector: { app: 'nginx' }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    });
    expect(podNames(c)).toHaveLength(2);
    const events = c.store.list('events', 'default').filter((e) => e.reason === 'SuccessfulCreate');
    expect(events[0].source.component).toBe('replication-controller');
  });
});
