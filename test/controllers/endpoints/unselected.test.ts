import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import { advance, create, newCluster } from '../cluster-helpers.js';

/** Builds a bare pod with label app=web, not bound to a node. */
function pod(name: string) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
}

/** Creates a pod without settling and reports whether the write queued the namespace's Services. */
function queuesServices(cluster: Cluster, name: string): boolean {
  return cluster.store.tx(() => {
    cluster.store.create('pods', pod(name));
    return cluster.store.isQueued('endpoints', 'default/*');
  });
}

describe('endpoints controller without Services', () => {
  it('skips pod writes without Services', () => {
    const cluster = newCluster();
    create(cluster, 'pods', pod('a'));
    expect(queuesServices(cluster, 'b')).toBe(false);
  });

  it('queues pod writes after Service write', () => {
    const cluster = newCluster();
    create(cluster, 'pods', pod('a'));
    create(cluster, 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    expect(queuesServices(cluster, 'b')).toBe(true);
  });

  it('lists pod created after Service', () => {
    const cluster = newCluster();
    create(cluster, 'pods', pod('a'));
    const svc = create(cluster, 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    create(cluster, 'pods', pod('b'));
    advance(cluster, 30_000);
    const slice = cluster.store.list('endpointslices', 'default', { owner: svc.metadata.uid! })[0];
    expect(slice.endpoints.map((e: any) => e.targetRef.name).sort()).toEqual(['a', 'b']);
  });
});
