import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { garbageCollector } from '../../../src/controllers/garbagecollector/garbagecollector.js';
import { contextOf, newCluster } from '../helpers.js';

/** Builds a ConfigMap owned by `owner` through a controller reference. */
function dependent(name: string, owner: KObject): KObject {
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: owner.metadata.name, uid: owner.metadata.uid!, controller: true };
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', ownerReferences: [ref] } };
}

describe('garbage collector queue keys', () => {
  it('deletes dependents without queueing itself', () => {
    const c = newCluster();
    c.store.tx(() => {
      const owner = c.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
      c.store.create('configmaps', dependent('child', owner));
      c.store.remove('configmaps', 'default', 'owner');
      c.store.takeQueued(100);
      garbageCollector.reconcile(contextOf(c), owner.metadata.uid!);
      expect(c.store.get('configmaps', 'default', 'child')).toBeUndefined();
      expect(c.store.isQueued('garbagecollector', owner.metadata.uid!)).toBe(false);
    });
  });

  it('queues removed dependent uid', () => {
    const c = newCluster();
    c.store.tx(() => {
      const owner = c.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
      const child = c.store.create('configmaps', dependent('child', owner));
      c.store.remove('configmaps', 'default', 'owner');
      c.store.takeQueued(100);
      garbageCollector.reconcile(contextOf(c), owner.metadata.uid!);
      expect(c.store.isQueued('garbagecollector', child.metadata.uid!)).toBe(true);
    });
  });

  it('queues owner when dependent removed', () => {
    const c = newCluster();
    c.store.tx(() => {
      const owner = c.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
      c.store.create('configmaps', dependent('child', owner));
      c.store.takeQueued(100);
      c.store.remove('configmaps', 'default', 'child');
      expect(c.store.isQueued('garbagecollector', owner.metadata.uid!)).toBe(true);
    });
  });
});
