import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/engine/cluster.js';
import { deleteObject } from '../../src/engine/delete.js';
import { advance, create, modify, newCluster } from '../controllers/cluster-helpers.js';

/** Builds a busybox pod whose PID 1 ignores SIGTERM, so it stops only at the end of the grace period. */
function sleeper(node = 'k8s-node01') {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'sleeper', namespace: 'default' },
    spec: { nodeName: node, terminationGracePeriodSeconds: 30, containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'] }] },
  };
}

function pod(cluster: Cluster) {
  return cluster.store.get('pods', 'default', 'sleeper');
}

function killingCounts(cluster: Cluster): number[] {
  return cluster.store
    .list('events', 'default')
    .filter((e) => e.reason === 'Killing')
    .map((e) => e.count);
}

function deleteSleeper(cluster: Cluster, gracePeriodSeconds?: number): void {
  deleteObject(cluster.store, 'pods', 'default', 'sleeper', { gracePeriodSeconds });
  cluster.settle();
}

function setReady(cluster: Cluster, node: string, status: 'True' | 'Unknown'): void {
  modify(cluster, 'nodes', '', node, (n) => {
    for (const c of n.status.conditions) if (c.type === 'Ready') c.status = status;
  });
}

describe('kubelet pod termination', () => {
  it('removes the pod at the end of its grace period', () => {
    const cluster = newCluster();
    create(cluster, 'pods', sleeper());
    advance(cluster, 30_000);
    deleteSleeper(cluster);
    expect(killingCounts(cluster)).toEqual([1]);
    advance(cluster, 29_999);
    expect(pod(cluster)?.metadata.deletionTimestamp).toBeDefined();
    advance(cluster, 1);
    expect(pod(cluster)).toBeUndefined();
  });

  it('leaves the pod unwritten when the kill starts', () => {
    const cluster = newCluster();
    create(cluster, 'pods', sleeper());
    advance(cluster, 30_000);
    deleteObject(cluster.store, 'pods', 'default', 'sleeper', {});
    const deleted = pod(cluster)!.metadata.resourceVersion;
    cluster.settle();
    expect(pod(cluster)!.metadata.resourceVersion).toBe(deleted);
  });

  it('kills once when woken again while stopping', () => {
    const cluster = newCluster();
    create(cluster, 'pods', sleeper());
    advance(cluster, 30_000);
    deleteSleeper(cluster);
    const removal = cluster.simNow + 30_000;
    cluster.store.tx(() => {
      cluster.store.enqueue('kubelet', 'default/sleeper');
      cluster.store.addTimer(cluster.simNow + 10_000, 'kubelet', 'default/sleeper');
      cluster.store.addTimer(removal, 'kubelet', 'default/sleeper');
    });
    advance(cluster, 29_999);
    expect(killingCounts(cluster)).toEqual([1]);
    expect(pod(cluster)).toBeDefined();
    advance(cluster, 1);
    expect(pod(cluster)).toBeUndefined();
    expect(killingCounts(cluster)).toEqual([1]);
  });

  it('waits for a not-ready node before removing', () => {
    const cluster = newCluster();
    create(cluster, 'pods', sleeper());
    advance(cluster, 30_000);
    deleteSleeper(cluster);
    advance(cluster, 10_000);
    setReady(cluster, 'k8s-node01', 'Unknown');
    advance(cluster, 60_000);
    expect(pod(cluster)?.metadata.deletionTimestamp).toBeDefined();
    setReady(cluster, 'k8s-node01', 'True');
    expect(pod(cluster)).toBeUndefined();
    expect(killingCounts(cluster)).toEqual([1]);
  });

  it('spares a new pod of the same name', () => {
    const cluster = newCluster();
    create(cluster, 'pods', sleeper());
    advance(cluster, 30_000);
    deleteSleeper(cluster);
    advance(cluster, 5_000);
    deleteSleeper(cluster, 0);
    expect(pod(cluster)).toBeUndefined();
    const second = create(cluster, 'pods', sleeper());
    advance(cluster, 60_000);
    expect(pod(cluster)?.metadata.uid).toBe(second.metadata.uid);
    expect(pod(cluster)?.metadata.deletionTimestamp).toBeUndefined();
  });
});
