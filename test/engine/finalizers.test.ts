import { afterEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/engine/cluster.js';
import { deleteObject } from '../../src/engine/delete.js';
import { advance, newCluster, newPod } from '../helpers/cluster.js';

describe('an update that drops the last finalizer of a deleted object', () => {
  let c: Cluster;
  afterEach(() => c?.store.db.close());

  it('removes the object instead of storing it', () => {
    c = newCluster();
    c.store.tx(() => c.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'default', finalizers: ['example.com/keep'] } }));
    c.store.tx(() => deleteObject(c.store, 'configmaps', 'default', 'held'));
    const marked = c.store.get('configmaps', 'default', 'held')!;
    expect(marked.metadata.deletionTimestamp).toBeDefined();

    const returned = c.store.tx(() => c.store.update('configmaps', { ...marked, metadata: { ...marked.metadata, finalizers: [] } }));
    expect(c.store.get('configmaps', 'default', 'held')).toBeUndefined();
    expect(Number(returned.metadata.resourceVersion)).toBeGreaterThan(Number(marked.metadata.resourceVersion));
  });

  it('keeps an object that is not being deleted', () => {
    c = newCluster();
    const cm = c.store.tx(() => c.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'live', namespace: 'default', finalizers: ['example.com/keep'] } }));
    c.store.tx(() => c.store.update('configmaps', { ...cm, metadata: { ...cm.metadata, finalizers: [] } }));
    expect(c.store.get('configmaps', 'default', 'live')?.metadata.finalizers).toEqual([]);
  });

  it('keeps a pod during its graceful termination', () => {
    c = newCluster();
    c.store.tx(() => c.store.create('pods', newPod('web', 'nginx:1.27')));
    advance(c, 30_000);
    c.store.tx(() => deleteObject(c.store, 'pods', 'default', 'web'));
    const pod = c.store.get('pods', 'default', 'web')!;
    c.store.tx(() => c.store.update('pods', { ...pod, metadata: { ...pod.metadata, labels: { app: 'other' } } }));
    expect(c.store.get('pods', 'default', 'web')?.metadata.labels).toEqual({ app: 'other' });
  });
});
