import { describe, expect, it } from 'vitest';
import { advance, newCluster } from '../helpers/cluster.js';
import { buildNode } from '../../src/engine/bootstrap.js';
import { isoTime } from '../../src/store/store.js';
import type { Cluster } from '../../src/engine/cluster.js';

function systemPods(cluster: Cluster, app: string) {
  return cluster.store.list('pods', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === app);
}

describe('kube-system bootstrap', () => {
  it('keeps the seeded generator', () => {
    const cluster = newCluster();
    // Four namespaces, three nodes and the kubernetes Service drew one uid each, as without kube-system.
    expect(cluster.store.getMeta('rngCounter')).toBe('8');
    expect(cluster.store.count('pods')).toBe(9);
  });

  it('leaves no events, event state or timers', () => {
    const cluster = newCluster();
    expect(cluster.store.list('events', 'kube-system')).toEqual([]);
    expect(cluster.store.hasTimer('kubelet')).toBe(false);
    expect(cluster.store.hasTimer('event-ttl')).toBe(false);
    const state = cluster.store.db.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'eventState%'").get() as { n: number };
    expect(state.n).toBe(0);
  });

  it('kube-proxy on a joined node', () => {
    const cluster = newCluster({ workers: 0 });
    expect(systemPods(cluster, 'kube-proxy').map((p) => p.spec.nodeName)).toEqual(['k8s-master01']);
    cluster.store.tx(() => cluster.store.create('nodes', buildNode({ name: 'k8s-node01', index: 1 }, cluster.settings, isoTime(cluster.simNow))));
    cluster.settle();
    advance(cluster, 10_000);
    const joined = systemPods(cluster, 'kube-proxy').find((p) => p.spec.nodeName === 'k8s-node01');
    expect(joined?.status.phase).toBe('Running');
    expect(joined?.status.podIP).toBe('192.168.192.130');
  });

  it('system pods count toward the pod limit', () => {
    const cluster = newCluster({ workers: 1 });
    cluster.store.tx(() =>
      cluster.store.create('replicasets', {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'fill', namespace: 'default' },
        spec: {
          replicas: 110,
          selector: { matchLabels: { app: 'fill' } },
          template: { metadata: { labels: { app: 'fill' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
        },
      }),
    );
    cluster.settle();
    const pods = cluster.store.list('pods', 'default');
    // k8s-node01 already runs its kube-proxy pod, so it takes 109 of the 110.
    expect(pods.filter((p) => p.spec.nodeName === 'k8s-node01').length).toBe(109);
    expect(pods.filter((p) => !p.spec.nodeName).length).toBe(1);
  });

  it('replaces a deleted CoreDNS pod', () => {
    const cluster = newCluster();
    const first = systemPods(cluster, 'kube-dns')[0].metadata.name;
    cluster.store.tx(() => cluster.store.remove('pods', 'kube-system', first));
    cluster.settle();
    advance(cluster, 10_000);
    const states = systemPods(cluster, 'kube-dns').map((p) => `${p.metadata.name === first} ${p.status.phase} ${p.status.containerStatuses?.[0]?.ready}`);
    expect(states).toEqual(['false Running true', 'false Running true']);
  });
});
