import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import {
  calculateAverageValueReplicas,
  calculatePodRequests,
  calculateUtilizationReplicas,
  groupPods,
  MetricError,
  type PodSample,
} from '../../../src/controllers/podautoscaler/replica-calculator.js';

const NOW = Date.UTC(2022, 4, 31, 8, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

interface PodOptions {
  phase?: string;
  ready?: boolean;
  /** Seconds before NOW the pod started. */
  startedAgo?: number;
  /** Seconds before NOW the Ready condition last changed. */
  readySince?: number;
  request?: string | null;
  deleting?: boolean;
}

function newPod(name: string, o: PodOptions = {}): KObject {
  const started = NOW - (o.startedAgo ?? 600) * 1000;
  const resources = o.request === null ? {} : { requests: { cpu: o.request ?? '100m' } };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...(o.deleting ? { deletionTimestamp: iso(NOW) } : {}) },
    spec: { containers: [{ name: 'app', image: 'nginx', resources }] },
    status: {
      phase: o.phase ?? 'Running',
      startTime: iso(started),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: iso(NOW - (o.readySince ?? 590) * 1000) }],
    },
  };
}

function samples(values: Record<string, number>): Map<string, PodSample> {
  return new Map(Object.entries(values).map(([k, v]) => [k, { value: v, timestamp: NOW }]));
}

describe('groupPods', () => {
  const cases: { name: string; pod: KObject; sample: boolean; group: 'ready' | 'unready' | 'missing' | 'ignored' }[] = [
    { name: 'a running ready pod with a sample is ready', pod: newPod('p'), sample: true, group: 'ready' },
    { name: 'a pending pod is unready', pod: newPod('p', { phase: 'Pending' }), sample: false, group: 'unready' },
    { name: 'a deleting pod is ignored', pod: newPod('p', { deleting: true }), sample: true, group: 'ignored' },
    { name: 'a failed pod is ignored', pod: newPod('p', { phase: 'Failed' }), sample: true, group: 'ignored' },
    { name: 'a running pod without a sample is missing', pod: newPod('p'), sample: false, group: 'missing' },
    { name: 'a new pod ready for less than one window is unready', pod: newPod('p', { startedAgo: 20, readySince: 10 }), sample: true, group: 'unready' },
    { name: 'a new pod ready for a full window is ready', pod: newPod('p', { startedAgo: 40, readySince: 20 }), sample: true, group: 'ready' },
    { name: 'an old pod that was never ready is unready', pod: newPod('p', { ready: false, startedAgo: 600, readySince: 590 }), sample: true, group: 'unready' },
    { name: 'an old pod that turned unready later still counts', pod: newPod('p', { ready: false, startedAgo: 600, readySince: 60 }), sample: true, group: 'ready' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const g = groupPods([c.pod], c.sample ? samples({ p: 50 }) : new Map(), 'cpu', NOW);
      const found = g.readyCount === 1 ? 'ready' : g.unready.has('p') ? 'unready' : g.missing.has('p') ? 'missing' : g.ignored.has('p') ? 'ignored' : 'none';
      expect(found).toBe(c.group);
    });
  }
});

describe('calculateUtilizationReplicas', () => {
  it('scales by the ratio of utilization to target', () => {
    const pods = [newPod('a'), newPod('b')];
    // 300m of 200m requested is 150% against 50%: ratio 3, so 6 pods.
    expect(calculateUtilizationReplicas(2, 50, 'cpu', pods, samples({ a: 150, b: 150 }), NOW)).toEqual({ replicas: 6, utilization: 150, rawAverage: 150 });
  });

  it('keeps the count within the tolerance', () => {
    const pods = [newPod('a'), newPod('b')];
    expect(calculateUtilizationReplicas(2, 50, 'cpu', pods, samples({ a: 54, b: 54 }), NOW).replicas).toBe(2);
  });

  it('counts an unready pod as idle on a scale-up', () => {
    const pods = [newPod('a'), newPod('b'), newPod('c', { startedAgo: 20, readySince: 5 })];
    // Ready pods: 200% of request against 100%; with the unready pod at 0 the ratio is 400/300/1 = 1.33, so ceil(1.33 * 3) = 4.
    expect(calculateUtilizationReplicas(3, 100, 'cpu', pods, samples({ a: 200, b: 200, c: 200 }), NOW).replicas).toBe(4);
  });

  it('counts a pod without metrics as fully busy on a scale-down', () => {
    const pods = [newPod('a'), newPod('b'), newPod('c')];
    // Ready pods at 10% against 50%; the missing pod counts as 100%: 120/300 = 40%, ratio 0.8, so ceil(0.8 * 3) = 3.
    expect(calculateUtilizationReplicas(3, 50, 'cpu', pods, samples({ a: 10, b: 10 }), NOW).replicas).toBe(3);
  });

  it('fails without a CPU request and names the container', () => {
    const pods = [newPod('a'), newPod('b', { request: null })];
    expect(() => calculateUtilizationReplicas(2, 50, 'cpu', pods, samples({ a: 10, b: 10 }), NOW)).toThrow(new MetricError('missing request for cpu in container app of Pod b'));
  });

  it('fails when no ready pod has a sample', () => {
    const pods = [newPod('a', { phase: 'Pending' })];
    expect(() => calculateUtilizationReplicas(1, 50, 'cpu', pods, samples({ a: 10 }), NOW)).toThrow('did not receive metrics for targeted pods (pods might be unready)');
  });
});

describe('calculateAverageValueReplicas', () => {
  it('scales by the average over the target value', () => {
    const pods = [newPod('a'), newPod('b')];
    expect(calculateAverageValueReplicas(2, 100, 'cpu', pods, samples({ a: 250, b: 350 }), NOW)).toEqual({ replicas: 6, rawAverage: 300 });
  });
});

describe('calculatePodRequests', () => {
  it('uses limits where requests are missing', () => {
    const pod = newPod('a');
    pod.spec.containers[0].resources = { limits: { cpu: '1' } };
    expect(calculatePodRequests([pod], 'cpu').get('a')).toBe(1000);
  });
});
