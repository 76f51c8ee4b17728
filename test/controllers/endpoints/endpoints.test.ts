import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import { advance, create, newCluster } from '../cluster-helpers.js';

function pod(name: string, node: string, readyDelay = 0) {
  const container: any = { name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] };
  if (readyDelay) container.readinessProbe = { httpGet: { path: '/', port: 80 }, initialDelaySeconds: readyDelay };
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec: { nodeName: node, containers: [container] } };
}

function subsets(cluster: Cluster) {
  const ep = cluster.store.get('endpoints', 'default', 'web')!;
  const s = ep.subsets?.[0] ?? {};
  return { ready: (s.addresses ?? []).map((a: any) => a.targetRef.name), notReady: (s.notReadyAddresses ?? []).map((a: any) => a.targetRef.name) };
}

describe('endpoints controller', () => {
  it('lists ready pods as addresses and the rest as not ready', () => {
    const cluster = newCluster();
    create(cluster, 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    create(cluster, 'pods', pod('a', 'k8s-node01'));
    create(cluster, 'pods', pod('b', 'k8s-node02', 600));
    advance(cluster, 30_000);
    expect(subsets(cluster)).toEqual({ ready: ['a'], notReady: ['b'] });
  });

  it('keeps one EndpointSlice owned by the Service', () => {
    const cluster = newCluster();
    const svc = create(cluster, 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    create(cluster, 'pods', pod('a', 'k8s-node01'));
    advance(cluster, 30_000);
    // The API server's own EndpointSlice `kubernetes` shares the namespace, so select the Service's slices.
    const slices = cluster.store.list('endpointslices', 'default', { owner: svc.metadata.uid! });
    expect(slices.length).toBe(1);
    expect(slices[0].metadata.labels!['kubernetes.io/service-name']).toBe('web');
    expect(slices[0].endpoints.map((e: any) => e.conditions.ready)).toEqual([true]);
  });

  it('gives a Service without endpoints a placeholder slice', () => {
    const cluster = newCluster();
    const svc = create(cluster, 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    advance(cluster, 1_000);
    const [slice] = cluster.store.list('endpointslices', 'default', { owner: svc.metadata.uid! });
    expect(slice.endpoints).toBeNull();
    expect(slice.ports).toBeNull();
    create(cluster, 'pods', pod('a', 'k8s-node01'));
    advance(cluster, 30_000);
    const [filled] = cluster.store.list('endpointslices', 'default', { owner: svc.metadata.uid! });
    expect(filled.ports.map((p: any) => p.port)).toEqual([80]);
  });
});
