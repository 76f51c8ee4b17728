import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import { deleteObject } from '../../../src/engine/delete.js';
import { advance, create, modify, newCluster } from '../cluster-helpers.js';
import { startOffsetMs } from '../../../src/kubelet/kubelet.js';

function newStatefulSet(opts: { replicas?: number; image?: string; parallel?: boolean; readyDelay?: number; partition?: number } = {}): KObject {
  const container: any = { name: 'nginx', image: opts.image ?? 'nginx:1.25', ports: [{ containerPort: 80, name: 'web' }] };
  if (opts.readyDelay) container.readinessProbe = { httpGet: { path: '/', port: 80 }, initialDelaySeconds: opts.readyDelay };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: opts.replicas ?? 3,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      ...(opts.parallel ? { podManagementPolicy: 'Parallel' } : {}),
      ...(opts.partition !== undefined ? { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: opts.partition } } } : {}),
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [container] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    },
  };
}

function podNames(cluster: Cluster): string[] {
  return cluster.store
    .list('pods', 'default')
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name)
    .sort();
}

function claims(cluster: Cluster): string[] {
  return cluster.store.list('persistentvolumeclaims', 'default').map((c) => `${c.metadata.name}:${c.status?.phase}`);
}

function setReplicas(cluster: Cluster, n: number): void {
  modify(cluster, 'statefulsets', 'default', 'web', (s) => (s.spec.replicas = n));
}

describe('StatefulSet controller', () => {
  it('starts pods strictly in ordinal order', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet());
    expect(podNames(cluster)).toEqual(['web-0']);
    // Each pod pulls for 4 s and starts in 1 s plus its own start offset.
    const start = (name: string) => 5_000 + startOffsetMs(cluster.store.get('pods', 'default', name)!);
    advance(cluster, start('web-0') - 1);
    expect(podNames(cluster)).toEqual(['web-0']);
    advance(cluster, 1);
    expect(podNames(cluster)).toEqual(['web-0', 'web-1']);
    advance(cluster, start('web-1'));
    expect(podNames(cluster)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('waits minReadySeconds before the next ordinal', () => {
    const cluster = newCluster();
    const sts = newStatefulSet({ replicas: 2 });
    sts.spec.minReadySeconds = 10;
    create(cluster, 'statefulsets', sts);
    const start = 5_000 + startOffsetMs(cluster.store.get('pods', 'default', 'web-0')!);
    const available = () => cluster.store.get('statefulsets', 'default', 'web')!.status?.availableReplicas;
    advance(cluster, start);
    // web-0 is Ready, but has not been Ready for 10 s yet.
    expect(podNames(cluster)).toEqual(['web-0']);
    expect(available()).toBe(0);
    advance(cluster, 9_000);
    expect(podNames(cluster)).toEqual(['web-0']);
    // The Ready condition's time has whole seconds, so web-0 is available within the next second.
    advance(cluster, 1_000);
    expect(podNames(cluster)).toEqual(['web-0', 'web-1']);
    expect(available()).toBe(1);
  });

  it('gives each pod its identity', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet({ replicas: 1 }));
    const pod = cluster.store.get('pods', 'default', 'web-0')!;
    expect([pod.spec.hostname, pod.spec.subdomain]).toEqual(['web-0', 'nginx']);
    expect(pod.metadata.labels!['statefulset.kubernetes.io/pod-name']).toBe('web-0');
    expect(pod.metadata.labels!['apps.kubernetes.io/pod-index']).toBe('0');
    // The claim's volume, then the service account token volume admission adds.
    expect(pod.spec.volumes[0]).toEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } });
    expect(pod.spec.volumes.map((v: any) => v.name)).toEqual(['data', expect.stringMatching(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)]);
  });

  it('holds the set while a pod never becomes Ready', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet({ readyDelay: 86_400 }));
    advance(cluster, 600_000);
    expect(podNames(cluster)).toEqual(['web-0']);
    expect(cluster.store.get('pods', 'default', 'web-0')!.status.phase).toBe('Running');
  });

  it('starts every pod at once under Parallel', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet({ parallel: true }));
    expect(podNames(cluster)).toEqual(['web-0', 'web-1', 'web-2']);
  });

  it('binds a claim per ordinal through the default class', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet());
    // Two pods start one after the other: 5 s each plus start offsets below 1 s.
    advance(cluster, 12_000);
    expect(claims(cluster)).toEqual(['data-web-0:Bound', 'data-web-1:Bound', 'data-web-2:Bound']);
    expect(cluster.store.get('storageclasses', '', 'standard')!.provisioner).toBe('kubesim.io/hostpath');
  });

  it('keeps the claim on scale-down and reattaches it on scale-up', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet());
    // Two pods start one after the other: 5 s each plus start offsets below 1 s.
    advance(cluster, 12_000);
    const volume = cluster.store.get('persistentvolumeclaims', 'default', 'data-web-2')!.spec.volumeName;
    setReplicas(cluster, 2);
    advance(cluster, 30_000);
    expect(podNames(cluster)).toEqual(['web-0', 'web-1']);
    expect(claims(cluster)).toEqual(['data-web-0:Bound', 'data-web-1:Bound', 'data-web-2:Bound']);
    setReplicas(cluster, 3);
    const pod = cluster.store.get('pods', 'default', 'web-2')!;
    expect(pod.spec.volumes[0].persistentVolumeClaim.claimName).toBe('data-web-2');
    expect(cluster.store.get('persistentvolumeclaims', 'default', 'data-web-2')!.spec.volumeName).toBe(volume);
  });

  it('scales down from the highest ordinal one pod at a time', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet());
    // Two pods start one after the other: 5 s each plus start offsets below 1 s.
    advance(cluster, 12_000);
    setReplicas(cluster, 1);
    advance(cluster, 30_000);
    expect(podNames(cluster)).toEqual(['web-0']);
    const deletions = cluster.store
      .list('events', 'default')
      .filter((e) => e.reason === 'SuccessfulDelete')
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((e) => e.message);
    expect(deletions).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful']);
  });

  it('updates only ordinals at or above the partition, highest first', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet({ partition: 1 }));
    advance(cluster, 15_000);
    modify(cluster, 'statefulsets', 'default', 'web', (s) => (s.spec.template.spec.containers[0].image = 'nginx:1.26'));
    const image = (name: string) => cluster.store.get('pods', 'default', name)?.spec.containers[0].image;
    expect(cluster.store.get('pods', 'default', 'web-2')!.metadata.deletionTimestamp).toBeDefined();
    expect(cluster.store.get('pods', 'default', 'web-1')!.metadata.deletionTimestamp).toBeUndefined();
    advance(cluster, 30_000);
    advance(cluster, 30_000);
    advance(cluster, 30_000);
    expect([image('web-0'), image('web-1'), image('web-2')]).toEqual(['nginx:1.25', 'nginx:1.26', 'nginx:1.26']);
    const sts = cluster.store.get('statefulsets', 'default', 'web')!;
    expect(sts.status.currentRevision).not.toBe(sts.status.updateRevision);
    expect(sts.status.updatedReplicas).toBe(2);
  });

  it('recreates a deleted pod under the same name', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet({ replicas: 1 }));
    advance(cluster, 5_000);
    const uid = cluster.store.get('pods', 'default', 'web-0')!.metadata.uid;
    cluster.store.tx(() => deleteObject(cluster.store, 'pods', 'default', 'web-0'));
    cluster.settle();
    advance(cluster, 30_000);
    const pod = cluster.store.get('pods', 'default', 'web-0')!;
    expect(pod.metadata.uid).not.toBe(uid);
  });
});

describe('StatefulSet claim retention', () => {
  it('deletes the claims of removed ordinals when whenScaled is Delete', () => {
    const cluster = newCluster();
    const sts = newStatefulSet();
    sts.spec.persistentVolumeClaimRetentionPolicy = { whenScaled: 'Delete', whenDeleted: 'Retain' };
    create(cluster, 'statefulsets', sts);
    advance(cluster, 15_000);
    modify(cluster, 'statefulsets', 'default', 'web', (s) => (s.spec.replicas = 2));
    advance(cluster, 60_000);
    expect(claims(cluster)).toEqual(['data-web-0:Bound', 'data-web-1:Bound']);
  });

  it('deletes every claim with the set when whenDeleted is Delete', () => {
    const cluster = newCluster();
    const sts = newStatefulSet({ replicas: 1 });
    sts.spec.persistentVolumeClaimRetentionPolicy = { whenScaled: 'Retain', whenDeleted: 'Delete' };
    create(cluster, 'statefulsets', sts);
    advance(cluster, 5_000);
    cluster.store.tx(() => deleteObject(cluster.store, 'statefulsets', 'default', 'web'));
    cluster.settle();
    advance(cluster, 60_000);
    expect(claims(cluster)).toEqual([]);
  });
});

describe('StatefulSet pod claiming', () => {
  const orphan = (name: string, labels: Record<string, string>): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
  });
  const controllerUid = (cluster: Cluster, name: string) => cluster.store.get('pods', 'default', name)?.metadata.ownerReferences?.find((r) => r.controller)?.uid;

  it('adopts an orphan named after an ordinal', () => {
    const cluster = newCluster();
    create(cluster, 'pods', orphan('web-0', { app: 'nginx' }));
    const sts = create(cluster, 'statefulsets', newStatefulSet({ replicas: 1 }));
    expect(controllerUid(cluster, 'web-0')).toBe(sts.metadata.uid);
  });

  it('ignores orphans that do not fit', () => {
    const cluster = newCluster();
    create(cluster, 'pods', orphan('web-x', { app: 'nginx' }));
    create(cluster, 'pods', orphan('other-0', { app: 'nginx' }));
    create(cluster, 'pods', orphan('web-5', { app: 'other' }));
    create(cluster, 'statefulsets', newStatefulSet({ replicas: 1 }));
    expect(['web-x', 'other-0', 'web-5'].map((n) => controllerUid(cluster, n))).toEqual([undefined, undefined, undefined]);
  });

  it('adopts an orphan created after the set', () => {
    const cluster = newCluster();
    // web-0 is still starting, so the OrderedReady set has not reached ordinal 3.
    const sts = create(cluster, 'statefulsets', newStatefulSet({ replicas: 4 }));
    create(cluster, 'pods', orphan('web-3', { app: 'nginx' }));
    expect(controllerUid(cluster, 'web-3')).toBe(sts.metadata.uid);
  });

  it('releases a pod whose labels changed', () => {
    const cluster = newCluster();
    create(cluster, 'statefulsets', newStatefulSet({ replicas: 1 }));
    modify(cluster, 'pods', 'default', 'web-0', (p) => (p.metadata.labels!.app = 'debug'));
    expect(controllerUid(cluster, 'web-0')).toBeUndefined();
    expect(cluster.store.get('pods', 'default', 'web-0')!.metadata.labels!.app).toBe('debug');
    deleteObject(cluster.store, 'pods', 'default', 'web-0');
    advance(cluster, 60_000);
    expect(cluster.store.get('pods', 'default', 'web-0')!.metadata.labels!.app).toBe('nginx');
  });
});
