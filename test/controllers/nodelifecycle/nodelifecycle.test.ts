import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine/cluster.js';
import { deleteObject } from '../../../src/engine/delete.js';
import { advance, create, modify, newCluster } from '../cluster-helpers.js';

function setReady(cluster: Cluster, node: string, status: 'True' | 'Unknown'): void {
  modify(cluster, 'nodes', '', node, (n) => {
    for (const c of n.status.conditions) if (c.type === 'Ready') c.status = status;
  });
}

function barePod(name: string, node: string) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx' }] } };
}

function taintKeys(cluster: Cluster, node: string): string[] {
  return (cluster.store.get('nodes', '', node)!.spec.taints ?? []).map((t: any) => `${t.key}:${t.effect}`);
}

describe('node lifecycle controller', () => {
  it('taints an unreachable node', () => {
    const cluster = newCluster();
    setReady(cluster, 'k8s-node01', 'Unknown');
    expect(taintKeys(cluster, 'k8s-node01')).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
  });

  it('taints a cordoned node and untaints it on uncordon', () => {
    const cluster = newCluster();
    modify(cluster, 'nodes', '', 'k8s-node01', (n) => (n.spec.unschedulable = true));
    expect(taintKeys(cluster, 'k8s-node01')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    modify(cluster, 'nodes', '', 'k8s-node01', (n) => delete n.spec.unschedulable);
    expect(taintKeys(cluster, 'k8s-node01')).toEqual([]);
  });

  it('marks pods for deletion once the 300 s toleration runs out', () => {
    const cluster = newCluster();
    create(cluster, 'pods', barePod('solo', 'k8s-node01'));
    advance(cluster, 30_000);
    setReady(cluster, 'k8s-node01', 'Unknown');
    const pod = () => cluster.store.get('pods', 'default', 'solo')!;
    expect(pod().status.conditions.find((c: any) => c.type === 'Ready').status).toBe('False');
    advance(cluster, 299_000);
    expect(pod().metadata.deletionTimestamp).toBeUndefined();
    advance(cluster, 1_000);
    expect(pod().metadata.deletionTimestamp).toBeDefined();
  });

  it('removes the terminating pods once the node recovers', () => {
    const cluster = newCluster();
    create(cluster, 'pods', barePod('solo', 'k8s-node01'));
    advance(cluster, 30_000);
    setReady(cluster, 'k8s-node01', 'Unknown');
    advance(cluster, 300_000);
    setReady(cluster, 'k8s-node01', 'True');
    advance(cluster, 31_000);
    expect(cluster.store.get('pods', 'default', 'solo')).toBeUndefined();
    expect(taintKeys(cluster, 'k8s-node01')).toEqual([]);
  });

  it('removes the pods of a node that left', () => {
    const cluster = newCluster();
    create(cluster, 'pods', barePod('solo', 'k8s-node01'));
    cluster.store.tx(() => deleteObject(cluster.store, 'nodes', '', 'k8s-node01'));
    cluster.settle();
    expect(cluster.store.get('pods', 'default', 'solo')).toBeUndefined();
  });
});
