import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import { advance, modify, newCluster } from '../cluster-helpers.js';

/** Deletes an object and settles. */
function remove(cluster: Cluster, resource: string, name: string): void {
  cluster.store.tx(() => cluster.store.remove(resource, 'default', name));
  cluster.settle();
}

/** Returns the address and port of `default/kubernetes` as `ip:port`, or undefined when it is missing. */
function endpointsAddress(cluster: Cluster): string | undefined {
  const ep = cluster.store.get('endpoints', 'default', 'kubernetes');
  if (!ep) return undefined;
  return `${ep.subsets[0].addresses[0].ip}:${ep.subsets[0].ports[0].port}`;
}

describe('apiserver endpoints', () => {
  it('bootstrap creates the Endpoints', () => {
    const cluster = newCluster();
    const ep = cluster.store.get('endpoints', 'default', 'kubernetes')!;
    expect(ep.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    expect(ep.subsets).toEqual([{ addresses: [{ ip: '192.168.192.129' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  });

  it('bootstrap creates the EndpointSlice', () => {
    const cluster = newCluster();
    const slice = cluster.store.get('endpointslices', 'default', 'kubernetes')!;
    expect(slice.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
    expect(slice.metadata.ownerReferences).toBeUndefined();
    expect(slice.addressType).toBe('IPv4');
    expect(slice.endpoints).toEqual([{ addresses: ['192.168.192.129'], conditions: { ready: true } }]);
    expect(slice.ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);
  });

  it('bootstrap draws no seeded numbers for them', () => {
    const cluster = newCluster();
    // Four namespaces, three nodes and the `kubernetes` Service. kube-system and the built-in objects draw from other counters.
    expect(cluster.store.getMeta('rngCounter')).toBe('8');
  });

  it('recreates deleted Endpoints at the next tick', () => {
    const cluster = newCluster();
    const oldUid = cluster.store.get('endpoints', 'default', 'kubernetes')!.metadata.uid;
    advance(cluster, 3_000);
    remove(cluster, 'endpoints', 'kubernetes');
    advance(cluster, 6_000);
    expect(endpointsAddress(cluster)).toBeUndefined();
    advance(cluster, 1_000);
    expect(endpointsAddress(cluster)).toBe('192.168.192.129:6443');
    expect(cluster.store.get('endpoints', 'default', 'kubernetes')!.metadata.uid).not.toBe(oldUid);
  });

  it('recreates deleted EndpointSlice at the next tick', () => {
    const cluster = newCluster();
    advance(cluster, 3_000);
    remove(cluster, 'endpointslices', 'kubernetes');
    advance(cluster, 6_000);
    expect(cluster.store.get('endpointslices', 'default', 'kubernetes')).toBeUndefined();
    advance(cluster, 1_000);
    expect(cluster.store.get('endpointslices', 'default', 'kubernetes')!.endpoints[0].addresses).toEqual(['192.168.192.129']);
  });

  it('resets edited Endpoints at the next tick', () => {
    const cluster = newCluster();
    advance(cluster, 1_000);
    modify(cluster, 'endpoints', 'default', 'kubernetes', (ep) => {
      ep.subsets = [{ addresses: [{ ip: '10.0.0.9' }], ports: [{ port: 8443, protocol: 'TCP' }] }];
      ep.metadata.labels = { edited: 'yes' };
    });
    expect(endpointsAddress(cluster)).toBe('10.0.0.9:8443');
    advance(cluster, 9_000);
    expect(endpointsAddress(cluster)).toBe('192.168.192.129:6443');
    expect(cluster.store.get('endpoints', 'default', 'kubernetes')!.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
  });

  it('endpoints controller leaves them alone', () => {
    const cluster = newCluster();
    const before = cluster.store.get('endpoints', 'default', 'kubernetes')!.metadata.resourceVersion;
    modify(cluster, 'services', 'default', 'kubernetes', (svc) => {
      svc.metadata.labels = { ...svc.metadata.labels, touched: 'yes' };
    });
    expect(cluster.store.get('endpoints', 'default', 'kubernetes')!.metadata.resourceVersion).toBe(before);
    expect(cluster.store.list('endpointslices', 'default').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });
});
