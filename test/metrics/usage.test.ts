import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import type { Cluster } from '../../src/engine/cluster.js';
import { MetricsSnapshot } from '../../src/metrics/usage.js';
import { activeLoads, removeLoad, setLoad, type Load } from '../../src/metrics/load.js';

function webPod(name: string) {
  const pod = newPod(name, 'nginx:1.27');
  pod.metadata.labels = { app: 'web' };
  return pod;
}

function cpuOf(c: Cluster, name: string): number | undefined {
  return new MetricsSnapshot(c.store, c.simNow).pod(c.store.get('pods', 'default', name)!)?.cpu;
}

function load(c: Cluster, l: Omit<Load, 'namespace'>): void {
  c.store.tx(() => setLoad(c.store, { namespace: 'default', ...l }));
}

const SERVICE = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };

describe('simulated usage', () => {
  it('reports no metrics before the container runs', () => {
    const c = newCluster();
    createObject(c, 'pods', webPod('a'));
    expect(cpuOf(c, 'a')).toBeUndefined();
    advance(c, 10_000);
    expect(cpuOf(c, 'a')).toBe(1);
  });

  it('spreads a Service load over its ready pods', () => {
    const c = newCluster();
    createObject(c, 'services', SERVICE);
    createObject(c, 'pods', webPod('a'));
    createObject(c, 'pods', webPod('b'));
    advance(c, 10_000);
    load(c, { resource: 'services', name: 'web', cpuMillis: 300 });
    expect([cpuOf(c, 'a'), cpuOf(c, 'b')]).toEqual([151, 151]);
  });

  it('lowers each share when a pod is added', () => {
    const c = newCluster();
    createObject(c, 'services', SERVICE);
    createObject(c, 'pods', webPod('a'));
    createObject(c, 'pods', webPod('b'));
    advance(c, 10_000);
    load(c, { resource: 'services', name: 'web', cpuMillis: 300 });
    createObject(c, 'pods', webPod('c'));
    expect(cpuOf(c, 'a')).toBe(151);
    advance(c, 10_000);
    expect([cpuOf(c, 'a'), cpuOf(c, 'b'), cpuOf(c, 'c')]).toEqual([101, 101, 101]);
  });

  it('charges requests per second by image kind', () => {
    const c = newCluster();
    createObject(c, 'pods', webPod('a'));
    advance(c, 10_000);
    load(c, { resource: 'pods', name: 'a', rps: 40 });
    expect(cpuOf(c, 'a')).toBe(41);
  });

  it('ends a load with --for when its timer fires', () => {
    const c = newCluster();
    createObject(c, 'pods', webPod('a'));
    advance(c, 10_000);
    load(c, { resource: 'pods', name: 'a', cpuMillis: 100, until: c.simNow + 60_000 });
    advance(c, 59_000);
    expect(cpuOf(c, 'a')).toBe(101);
    advance(c, 1_000);
    expect(cpuOf(c, 'a')).toBe(1);
    expect(activeLoads(c.store, c.simNow)).toEqual([]);
    expect(c.store.getMeta('loads')).toBe('[]');
  });

  it('stops a load', () => {
    const c = newCluster();
    createObject(c, 'pods', webPod('a'));
    advance(c, 10_000);
    load(c, { resource: 'pods', name: 'a', cpuMillis: 100 });
    expect(c.store.tx(() => removeLoad(c.store, { namespace: 'default', resource: 'pods', name: 'a' }))).toBe(true);
    expect(cpuOf(c, 'a')).toBe(1);
    expect(c.store.tx(() => removeLoad(c.store, { namespace: 'default', resource: 'pods', name: 'a' }))).toBe(false);
  });

  it('loses the metrics of pods on a node that stopped reporting', () => {
    const c = newCluster();
    createObject(c, 'pods', webPod('a'));
    advance(c, 10_000);
    const nodeName = c.store.get('pods', 'default', 'a')!.spec.nodeName;
    c.store.tx(() => {
      const node = c.store.get('nodes', '', nodeName)!;
      node.status.conditions = node.status.conditions.map((x: any) => (x.type === 'Ready' ? { ...x, status: 'Unknown' } : x));
      c.store.update('nodes', node);
    });
    expect(cpuOf(c, 'a')).toBeUndefined();
    expect(new MetricsSnapshot(c.store, c.simNow).node(c.store.get('nodes', '', nodeName)!)).toBeUndefined();
  });

  it('adds pod usage to the node', () => {
    const c = newCluster();
    createObject(c, 'pods', webPod('a'));
    advance(c, 10_000);
    load(c, { resource: 'pods', name: 'a', cpuMillis: 200 });
    const pod = c.store.get('pods', 'default', 'a')!;
    const snapshot = new MetricsSnapshot(c.store, c.simNow);
    const node = c.store.get('nodes', '', pod.spec.nodeName)!;
    const other = c.store.list('nodes').find((n) => n.metadata.name !== pod.spec.nodeName && n.metadata.name !== 'k8s-master01')!;
    expect(snapshot.node(node)!.cpu - snapshot.node(other)!.cpu).toBe(201);
  });
});
