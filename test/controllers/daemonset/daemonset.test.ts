import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { buildNode } from '../../../src/engine/bootstrap.js';
import { deleteObject } from '../../../src/engine/delete.js';
import { advance, create, modify, newCluster } from '../cluster-helpers.js';

function newDaemonSet(opts: { image?: string; tolerations?: any[]; nodeSelector?: Record<string, string>; maxSurge?: number; maxUnavailable?: number; onDelete?: boolean } = {}): KObject {
  const strategy = opts.onDelete
    ? { type: 'OnDelete' }
    : { type: 'RollingUpdate', rollingUpdate: { maxSurge: opts.maxSurge ?? 0, maxUnavailable: opts.maxUnavailable ?? 1 } };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: strategy,
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: {
          containers: [{ name: 'agent', image: opts.image ?? 'nginx:1.25' }],
          ...(opts.tolerations ? { tolerations: opts.tolerations } : {}),
          ...(opts.nodeSelector ? { nodeSelector: opts.nodeSelector } : {}),
        },
      },
    },
  };
}

function daemonNodes(cluster: ReturnType<typeof newCluster>): string[] {
  return cluster.store
    .list('pods', 'default')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.spec.nodeName ?? '-')
    .sort();
}

function images(cluster: ReturnType<typeof newCluster>): string[] {
  return cluster.store
    .list('pods', 'default')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => `${p.spec.nodeName}=${p.spec.containers[0].image}`)
    .sort();
}

function addNode(cluster: ReturnType<typeof newCluster>, name: string, index: number, labels: Record<string, string> = {}): void {
  create(cluster, 'nodes', buildNode({ name, index, labels }, cluster.settings, '2026-01-01T00:00:00Z'));
}

describe('DaemonSet controller', () => {
  it('runs one pod per worker and skips the tainted control plane', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet());
    expect(daemonNodes(cluster)).toEqual(['k8s-node01', 'k8s-node02']);
  });

  it('runs on the control plane when the taint is tolerated', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    expect(daemonNodes(cluster)).toEqual(['k8s-master01', 'k8s-node01', 'k8s-node02']);
  });

  it('honours the node selector', () => {
    const cluster = newCluster();
    addNode(cluster, 'k8s-node03', 3, { disk: 'ssd' });
    create(cluster, 'daemonsets', newDaemonSet({ nodeSelector: { disk: 'ssd' } }));
    expect(daemonNodes(cluster)).toEqual(['k8s-node03']);
  });

  it('adds the daemon tolerations and pins pods by node affinity', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet());
    const pod = cluster.store.list('pods', 'default')[0];
    expect(pod.spec.tolerations.map((t: any) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    const terms = pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms;
    expect(terms).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [pod.spec.nodeName] }] }]);
  });

  it('adds a pod to a node that joins and none is left on a node that leaves', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet());
    addNode(cluster, 'k8s-node03', 3);
    expect(daemonNodes(cluster)).toEqual(['k8s-node01', 'k8s-node02', 'k8s-node03']);
    cluster.store.tx(() => deleteObject(cluster.store, 'nodes', '', 'k8s-node03'));
    cluster.settle();
    expect(daemonNodes(cluster)).toEqual(['k8s-node01', 'k8s-node02']);
    expect(cluster.store.get('daemonsets', 'default', 'agent')!.status.desiredNumberScheduled).toBe(2);
  });

  it('replaces a deleted pod on the same node', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet());
    advance(cluster, 30_000);
    const victim = cluster.store.list('pods', 'default').find((p) => p.spec.nodeName === 'k8s-node02')!;
    cluster.store.tx(() => deleteObject(cluster.store, 'pods', 'default', victim.metadata.name));
    cluster.settle();
    const onNode2 = cluster.store.list('pods', 'default').filter((p) => p.spec.nodeName === 'k8s-node02');
    expect(onNode2.length).toBe(2);
    expect(onNode2.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  it('keeps pods on a cordoned node and counts them ready', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet());
    modify(cluster, 'nodes', '', 'k8s-node01', (n) => (n.spec.unschedulable = true));
    advance(cluster, 30_000);
    const ds = cluster.store.get('daemonsets', 'default', 'agent')!;
    expect([ds.status.desiredNumberScheduled, ds.status.numberReady]).toEqual([2, 2]);
  });

  it('removes the pod from a node given an untolerated NoExecute taint', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet());
    modify(cluster, 'nodes', '', 'k8s-node01', (n) => (n.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]));
    expect(daemonNodes(cluster)).toEqual(['k8s-node02']);
  });

  it('rolls an update one node at a time with maxUnavailable 1', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet());
    advance(cluster, 30_000);
    modify(cluster, 'daemonsets', 'default', 'agent', (ds) => (ds.spec.template.spec.containers[0].image = 'nginx:1.26'));
    expect(images(cluster)).toEqual(['k8s-node01=nginx:1.26', 'k8s-node02=nginx:1.25']);
    advance(cluster, 30_000);
    expect(images(cluster)).toEqual(['k8s-node01=nginx:1.26', 'k8s-node02=nginx:1.26']);
    const revisions = cluster.store.list('controllerrevisions', 'default').map((r) => r.revision);
    expect(revisions.sort()).toEqual([1, 2]);
  });

  it('surges a new pod next to the old one with maxSurge 1', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet({ maxSurge: 1, maxUnavailable: 0 }));
    advance(cluster, 30_000);
    modify(cluster, 'daemonsets', 'default', 'agent', (ds) => (ds.spec.template.spec.containers[0].image = 'nginx:1.26'));
    expect(images(cluster)).toEqual(['k8s-node01=nginx:1.25', 'k8s-node01=nginx:1.26', 'k8s-node02=nginx:1.25']);
    advance(cluster, 30_000);
    advance(cluster, 30_000);
    expect(images(cluster)).toEqual(['k8s-node01=nginx:1.26', 'k8s-node02=nginx:1.26']);
  });

  it('leaves old pods alone under OnDelete', () => {
    const cluster = newCluster();
    create(cluster, 'daemonsets', newDaemonSet({ onDelete: true }));
    advance(cluster, 30_000);
    modify(cluster, 'daemonsets', 'default', 'agent', (ds) => (ds.spec.template.spec.containers[0].image = 'nginx:1.26'));
    advance(cluster, 60_000);
    expect(images(cluster)).toEqual(['k8s-node01=nginx:1.25', 'k8s-node02=nginx:1.25']);
  });
});
