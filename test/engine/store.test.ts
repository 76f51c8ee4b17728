import { describe, expect, it } from 'vitest';
import { newCluster, newPod } from '../helpers/cluster.js';
import { ApiError } from '../../src/api/errors.js';

describe('store', () => {
  it('rejects an update carrying a stale resourceVersion', () => {
    const c = newCluster();
    const pod = c.store.create('pods', newPod('a'));
    const fresh = structuredClone(pod);
    fresh.metadata.labels = { x: '1' };
    c.store.update('pods', fresh);
    const stale = structuredClone(pod);
    stale.metadata.labels = { x: '2' };
    let err: unknown;
    try {
      c.store.update('pods', stale);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).reason).toBe('Conflict');
    expect(c.store.get('pods', 'default', 'a')!.metadata.labels).toEqual({ x: '1' });
  });

  it('fills uid, resourceVersion and creationTimestamp from the cluster clock', () => {
    const c = newCluster();
    const pod = c.store.create('pods', newPod('a'));
    expect(pod.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number(pod.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(pod.metadata.creationTimestamp).toBe(new Date(c.simNow).toISOString().replace('.000Z', 'Z'));
  });

  it('generates the same names from the same seed', () => {
    const names = [newCluster(), newCluster()].map((c) => {
      const p = newPod('');
      p.metadata.generateName = 'web-';
      return c.store.create('pods', p).metadata.name;
    });
    expect(names[0]).toBe(names[1]);
    expect(names[0]).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('bumps generation only when the spec changes', () => {
    const c = newCluster();
    const template = { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const spec = { replicas: 1, selector: { matchLabels: { app: 'd' } }, template };
    const deploy = c.store.create('deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'default' }, spec });
    const labelled = c.store.update('deployments', { ...deploy, metadata: { ...deploy.metadata, labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(1);
    const changed = c.store.update('deployments', { ...labelled, spec: { ...labelled.spec, replicas: 2 } });
    expect(changed.metadata.generation).toBe(2);
  });

  it('versions EndpointSlices by content and labels', () => {
    const c = newCluster();
    const slice = c.store.create('endpointslices', {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 's', namespace: 'default' },
      addressType: 'IPv4',
      endpoints: [{ addresses: ['10.0.0.1'] }],
    });
    expect(slice.metadata.generation).toBe(1);
    const annotated = c.store.update('endpointslices', { ...slice, metadata: { ...slice.metadata, annotations: { a: 'b' } } });
    expect(annotated.metadata.generation).toBe(1);
    const moved = c.store.update('endpointslices', { ...annotated, endpoints: [{ addresses: ['10.0.0.2'] }] });
    expect(moved.metadata.generation).toBe(2);
    const labelled = c.store.update('endpointslices', { ...moved, metadata: { ...moved.metadata, labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(3);
  });

  it('gives Services and Nodes no generation, as their registries set none', () => {
    const c = newCluster();
    const svc = c.store.create('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    expect(svc.metadata.generation).toBeUndefined();
    expect(c.store.get('nodes', '', 'k8s-node01')?.metadata.generation).toBeUndefined();
  });
});

describe('clock', () => {
  it('moves a manual clock only when advanced', () => {
    const c = newCluster();
    const before = c.clockNow();
    c.advanceClock(90_000);
    expect(c.clockNow() - before).toBe(90_000);
  });
});
