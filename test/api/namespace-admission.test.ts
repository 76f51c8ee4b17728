import { afterAll, describe, expect, it } from 'vitest';
import { newCluster } from '../helpers/cluster.js';
import type { KObject } from '../../src/api/types.js';

describe('namespace admission', () => {
  const cluster = newCluster();
  afterAll(() => cluster.store.db.close());
  const create = (obj: KObject) => cluster.store.tx(() => cluster.store.create('namespaces', obj));

  it('makes a new namespace Active with the kubernetes finalizer', () => {
    const ns = create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.metadata.generation).toBeUndefined();
  });

  it('adds the metadata.name label beside the given ones', () => {
    const ns = create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab', labels: { team: 'a' } } });
    expect(ns.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'lab' });
  });

  it('keeps other finalizers and adds kubernetes once', () => {
    const ns = create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fin' }, spec: { finalizers: ['example.com/x'] } });
    expect(ns.spec.finalizers).toEqual(['example.com/x', 'kubernetes']);
  });

  it('restores the name label on update', () => {
    const ns = cluster.store.get('namespaces', '', 'lab')!;
    const updated = cluster.store.tx(() => cluster.store.update('namespaces', { ...ns, metadata: { ...ns.metadata, labels: { team: 'b' } } }));
    expect(updated.metadata.labels).toEqual({ team: 'b', 'kubernetes.io/metadata.name': 'lab' });
  });
});
