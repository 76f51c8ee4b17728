import { describe, expect, it } from 'vitest';
import { newCluster, newPod } from '../../helpers/cluster.js';
import { RETRY_ALL, scheduler } from '../../../src/controllers/scheduler/scheduler.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { ControllerContext } from '../../../src/engine/controller.js';
import type { KObject } from '../../../src/api/types.js';

const TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const PREEMPTION = 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';

function context(c: Cluster): ControllerContext {
  return { store: c.store, settings: c.settings, now: () => c.simNow, wakeAt: () => {}, random: () => c.random() };
}

function cpuPod(name: string, cpu: string, spec: any = {}): KObject {
  return newPod(name, 'nginx:1.25', { container: { resources: { requests: { cpu } } }, spec });
}

/** Creates the pods and runs one retry pass over them in the same transaction, before their own keys are reconciled. */
function createAndRetryAll(c: Cluster, pods: KObject[]): void {
  c.store.tx(() => {
    for (const pod of pods) c.store.create('pods', pod);
    scheduler.reconcile(context(c), RETRY_ALL);
  });
}

/** `name: node` when bound, `name: message` when Pending. */
function placements(c: Cluster): string[] {
  return c.store.list('pods', 'default').map((p) => {
    if (p.spec.nodeName) return `${p.metadata.name}: ${p.spec.nodeName}`;
    const cond = p.status.conditions.find((x: any) => x.type === 'PodScheduled');
    return `${p.metadata.name}: ${cond.reason} ${cond.message}`;
  });
}

function failedSchedulingEvents(c: Cluster): string[] {
  return c.store
    .list('events', 'default')
    .filter((e) => e.reason === 'FailedScheduling')
    .map((e) => `${e.involvedObject.name} x${e.count ?? 1}`)
    .sort();
}

describe('scheduler retry pass', () => {
  it('gives each shape its own message', () => {
    const c = newCluster();
    createAndRetryAll(c, [
      cpuPod('a-cpu', '64'),
      newPod('b-memory', 'nginx:1.25', { container: { resources: { requests: { memory: '64Gi' } } } }),
      cpuPod('c-cpu', '64'),
      newPod('d-selector', 'nginx:1.25', { spec: { nodeSelector: { disktype: 'ssd' } } }),
      cpuPod('e-tolerant', '64', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }),
    ]);
    const expected = [
      `a-cpu: Unschedulable 0/3 nodes are available: ${TAINT}, 2 Insufficient cpu. ${PREEMPTION}`,
      `b-memory: Unschedulable 0/3 nodes are available: ${TAINT}, 2 Insufficient memory. ${PREEMPTION}`,
      `c-cpu: Unschedulable 0/3 nodes are available: ${TAINT}, 2 Insufficient cpu. ${PREEMPTION}`,
      `d-selector: Unschedulable 0/3 nodes are available: ${TAINT}, 2 node(s) didn't match Pod's node affinity/selector. ${PREEMPTION}`,
      `e-tolerant: Unschedulable 0/3 nodes are available: 3 Insufficient cpu. ${PREEMPTION}`,
    ];
    expect(placements(c)).toEqual(expected);

    // Each pod's own reconcile agrees with the pass: no second condition, no second event.
    c.settle();
    expect(placements(c)).toEqual(expected);
    expect(failedSchedulingEvents(c)).toEqual(['a-cpu x1', 'b-memory x1', 'c-cpu x1', 'd-selector x1', 'e-tolerant x1']);
  });

  it('rechecks a failed shape after a bind', () => {
    const c = newCluster();
    c.store.tx(() => {
      const cordoned = c.store.get('nodes', '', 'k8s-node02')!;
      cordoned.spec.unschedulable = true;
      c.store.update('nodes', cordoned);
      const small = c.store.get('nodes', '', 'k8s-node01')!;
      small.status.allocatable.pods = '1';
      c.store.update('nodes', small);
    });
    c.settle();

    // a-big fits nowhere, then b-small takes node01's only pod slot.
    // c-big has a-big's shape, but node01 is now full, so its message differs.
    createAndRetryAll(c, [cpuPod('a-big', '8'), cpuPod('b-small', '100m'), cpuPod('c-big', '8')]);
    const expected = [
      `a-big: Unschedulable 0/3 nodes are available: 1 Insufficient cpu, ${TAINT}, 1 node(s) were unschedulable. ${PREEMPTION}`,
      'b-small: k8s-node01',
      `c-big: Unschedulable 0/3 nodes are available: 1 Too many pods, ${TAINT}, 1 node(s) were unschedulable. ${PREEMPTION}`,
    ];
    expect(placements(c)).toEqual(expected);

    // a-big's own reconcile, after the pass, meets the full node01 too.
    c.settle();
    expect(placements(c)).toEqual([expected[2].replace('c-big', 'a-big'), expected[1], expected[2]]);
    expect(failedSchedulingEvents(c)).toEqual(['a-big x1', 'a-big x1', 'c-big x1']);
  });

  it('skips pods whose message is unchanged', () => {
    const c = newCluster();
    createAndRetryAll(c, [cpuPod('a-cpu', '64'), cpuPod('b-cpu', '64')]);
    c.settle();
    const before = c.store.list('pods', 'default').map((p) => p.metadata.resourceVersion);
    c.store.tx(() => scheduler.reconcile(context(c), RETRY_ALL));
    expect(c.store.list('pods', 'default').map((p) => p.metadata.resourceVersion)).toEqual(before);
    expect(failedSchedulingEvents(c)).toEqual(['a-cpu x1', 'b-cpu x1']);
  });
});
