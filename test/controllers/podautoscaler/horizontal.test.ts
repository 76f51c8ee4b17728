import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster } from '../../helpers/cluster.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KObject } from '../../../src/api/types.js';
import { setLoad } from '../../../src/metrics/load.js';

/** Builds the ReplicaSet the HPA scales; its pods request `cpuRequest` of CPU (none when null). */
function newReplicaSet(replicas: number, cpuRequest: string | null): KObject {
  const resources = cpuRequest ? { requests: { cpu: cpuRequest } } : {};
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources }] } },
    },
  };
}

function newHpa(opts: { min?: number; max: number; cpu?: number; behavior?: any; averageValue?: string }): KObject {
  const target = opts.averageValue ? { type: 'AverageValue', averageValue: opts.averageValue } : { type: 'Utilization', averageUtilization: opts.cpu ?? 80 };
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web' },
      minReplicas: opts.min ?? 1,
      maxReplicas: opts.max,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target } }],
      ...(opts.behavior ? { behavior: opts.behavior } : {}),
    },
  };
}

/** Creates a ReplicaSet of `pods` ready pods with 100m CPU requests (or none), then the HPA. */
function setup(pods: number, hpa: KObject, cpuRequest: string | null = '100m'): Cluster {
  const c = newCluster();
  createObject(c, 'replicasets', newReplicaSet(pods, cpuRequest));
  advance(c, 20_000);
  createObject(c, 'horizontalpodautoscalers', hpa);
  return c;
}

/** Puts a total CPU load on the ReplicaSet's ready pods. */
function loadCpu(c: Cluster, millis: number): void {
  c.store.tx(() => setLoad(c.store, { namespace: 'default', resource: 'replicasets', name: 'web', cpuMillis: millis }));
}

const replicas = (c: Cluster) => c.store.get('replicasets', 'default', 'web')!.spec.replicas;
const hpaOf = (c: Cluster) => c.store.get('horizontalpodautoscalers', 'default', 'web')!;
const condition = (c: Cluster, type: string) => hpaOf(c).status.conditions.find((x: any) => x.type === type);
const events = (c: Cluster) => c.store.list('events', 'default').filter((e) => e.involvedObject.kind === 'HorizontalPodAutoscaler').map((e) => `${e.type} ${e.reason} ${e.message}`);

describe('horizontal pod autoscaler', () => {
  it('waits one sync period before the first sync', () => {
    const c = setup(2, newHpa({ max: 10 }));
    loadCpu(c, 400);
    advance(c, 14_000);
    expect(replicas(c)).toBe(2);
    expect(hpaOf(c).status).toBeUndefined();
    advance(c, 1_000);
    // 201% against 80% proposes ceil(2.5125 * 2) = 6; without behavior one sync may add at most max(2 * 2, 4) = 4 pods in total.
    expect(replicas(c)).toBe(4);
  });

  it('scales up by the ratio rule', () => {
    // 4 pods at 150m of 100m each against 50%: ratio 151/50 = 3.02, so ceil(3.02 * 4) = 13, capped at twice the current count.
    const c = setup(4, newHpa({ max: 20, cpu: 50 }));
    loadCpu(c, 600);
    advance(c, 15_000);
    expect(replicas(c)).toBe(8);
    expect(hpaOf(c).status.currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 151, averageValue: '151m' } } }]);
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
    expect(events(c)).toEqual(['Normal SuccessfulRescale New size: 8; reason: cpu resource utilization (percentage of request) above target']);
  });

  it('keeps the count when usage is within the tolerance', () => {
    // 87% against 80% is a ratio of 1.0875, inside the 10% tolerance.
    const c = setup(3, newHpa({ max: 10, cpu: 80 }));
    loadCpu(c, 258);
    advance(c, 15_000);
    expect(replicas(c)).toBe(3);
    const status = hpaOf(c).status;
    expect(status.currentMetrics[0].resource.current.averageUtilization).toBe(87);
    expect(status.desiredReplicas).toBe(3);
    expect(condition(c, 'AbleToScale')).toMatchObject({ status: 'True', reason: 'ReadyForNewScale' });
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' });
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'False', reason: 'DesiredWithinRange' });
  });

  it('clamps a scale-up at maxReplicas', () => {
    const c = setup(10, newHpa({ min: 10, max: 15, cpu: 80 }));
    loadCpu(c, 1600);
    advance(c, 15_000);
    expect(replicas(c)).toBe(15);
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' });
    expect(hpaOf(c).status).toMatchObject({ currentReplicas: 10, desiredReplicas: 15, lastScaleTime: '2022-05-31T07:00:35Z' });
  });

  it('holds a scale-down for the stabilization window', () => {
    const c = setup(4, newHpa({ min: 1, max: 10, cpu: 80 }));
    loadCpu(c, 300);
    advance(c, 15_000);
    expect(replicas(c)).toBe(4);
    loadCpu(c, 0);
    advance(c, 15_000);
    expect(replicas(c)).toBe(4);
    expect(condition(c, 'AbleToScale')).toMatchObject({ reason: 'ScaleDownStabilized' });
    // The last high recommendation was at the first sync; it leaves the window after 300 seconds.
    advance(c, 270_000);
    expect(replicas(c)).toBe(4);
    advance(c, 30_000);
    expect(replicas(c)).toBe(1);
    expect(events(c)).toContain('Normal SuccessfulRescale New size: 1; reason: All metrics below target');
  });

  it('reports an unknown metric when pods have no CPU request', () => {
    const c = setup(2, newHpa({ max: 5 }), null);
    advance(c, 15_000);
    const first = c.store.list('pods', 'default')[0].metadata.name;
    const why = `failed to get cpu utilization: missing request for cpu in container nginx of Pod ${first}`;
    const status = hpaOf(c).status;
    expect(status.currentMetrics).toEqual([{ type: '' }]);
    expect(status.currentReplicas).toBe(2);
    expect(status.desiredReplicas).toBe(0);
    expect(condition(c, 'ScalingActive')).toMatchObject({
      status: 'False',
      reason: 'FailedGetResourceMetric',
      message: `the HPA was unable to compute the replica count: ${why}`,
    });
    expect(events(c).sort()).toEqual([
      `Warning FailedComputeMetricsReplicas invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${why}`,
      `Warning FailedGetResourceMetric ${why}`,
    ]);
  });

  it('scales on an average value target', () => {
    // 4 pods at 101m each against 50m: ratio 2.02, ceil(2.02 * 4) = 9, capped at 8.
    const c = setup(4, newHpa({ max: 20, averageValue: '50m' }));
    loadCpu(c, 400);
    advance(c, 15_000);
    expect(replicas(c)).toBe(8);
    expect(hpaOf(c).status.currentMetrics[0].resource.current).toEqual({ averageValue: '101m' });
  });

  it('follows a user behavior policy', () => {
    const behavior = { scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } };
    const c = setup(2, newHpa({ max: 10, behavior }));
    loadCpu(c, 1000);
    advance(c, 15_000);
    expect(replicas(c)).toBe(3);
    advance(c, 15_000);
    expect(replicas(c)).toBe(3);
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit' });
  });

  it('disables scaling while the target has zero replicas', () => {
    const c = setup(0, newHpa({ max: 5 }));
    advance(c, 15_000);
    expect(replicas(c)).toBe(0);
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
  });

  it('raises a target below minReplicas without reading metrics', () => {
    const c = setup(1, newHpa({ min: 3, max: 5 }), null);
    advance(c, 15_000);
    expect(replicas(c)).toBe(3);
    expect(events(c)).toEqual(['Normal SuccessfulRescale New size: 3; reason: Current number of replicas below Spec.MinReplicas']);
  });

  it('scales a StatefulSet through its scale subresource', () => {
    const c = newCluster();
    const sts = newReplicaSet(2, '100m');
    sts.kind = 'StatefulSet';
    sts.spec.serviceName = 'web';
    // The pods come first, so a StatefulSet controller, where one runs, adopts them rather than racing to create them.
    for (const name of ['web-0', 'web-1']) {
      createObject(c, 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } }, spec: structuredClone(sts.spec.template.spec) });
    }
    createObject(c, 'statefulsets', sts);
    advance(c, 20_000);
    const hpa = newHpa({ max: 6 });
    hpa.spec.scaleTargetRef.kind = 'StatefulSet';
    createObject(c, 'horizontalpodautoscalers', hpa);
    c.store.tx(() => setLoad(c.store, { namespace: 'default', resource: 'statefulsets', name: 'web', cpuMillis: 400 }));
    advance(c, 15_000);
    expect(c.store.get('statefulsets', 'default', 'web')!.spec.replicas).toBe(4);
  });

  it('scales a ReplicationController by its selector map', () => {
    const c = newCluster();
    const rc = newReplicaSet(2, '100m');
    rc.apiVersion = 'v1';
    rc.kind = 'ReplicationController';
    rc.spec.selector = { app: 'web' };
    createObject(c, 'replicationcontrollers', rc);
    advance(c, 20_000);
    const hpa = newHpa({ max: 6 });
    hpa.spec.scaleTargetRef = { apiVersion: 'v1', kind: 'ReplicationController', name: 'web' };
    createObject(c, 'horizontalpodautoscalers', hpa);
    c.store.tx(() => setLoad(c.store, { namespace: 'default', resource: 'replicationcontrollers', name: 'web', cpuMillis: 400 }));
    advance(c, 15_000);
    expect(c.store.get('replicationcontrollers', 'default', 'web')!.spec.replicas).toBe(4);
  });

  it('forgets its history when the HPA is deleted', () => {
    const c = setup(2, newHpa({ max: 5 }));
    advance(c, 15_000);
    expect(c.store.getMeta('hpa/default/web')).toBeDefined();
    c.store.tx(() => c.store.remove('horizontalpodautoscalers', 'default', 'web'));
    c.settle();
    expect(c.store.getMeta('hpa/default/web')).toBeUndefined();
  });

  it('reports a missing scale target', () => {
    const c = newCluster();
    createObject(c, 'horizontalpodautoscalers', newHpa({ max: 3 }));
    advance(c, 15_000);
    expect(condition(c, 'AbleToScale')).toMatchObject({ status: 'False', reason: 'FailedGetScale', message: 'the HPA controller was unable to get the target\'s current scale: replicasets.apps "web" not found' });
    expect(events(c)).toEqual(['Warning FailedGetScale replicasets.apps "web" not found']);
  });
});
