import { describe, expect, it } from 'vitest';
import { newCluster, newPod } from '../../helpers/cluster.js';
import { RETRY_ALL, scheduler } from '../../../src/controllers/scheduler/scheduler.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { ControllerContext } from '../../../src/engine/controller.js';
import type { KObject } from '../../../src/api/types.js';

const TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';
const PREEMPTION = 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
/** Returns the preemption summary when `n` nodes lack resources and the rest fail on rules preemption cannot change. */
const preemption = (n: number) => {
  const parts = [`${n} No preemption victims found for incoming pod`];
  if (n < 3) parts.push(`${3 - n} Preemption is not helpful for scheduling`);
  // The scheduler sorts the counted reasons as strings (FitError.Error).
  return `preemption: 0/3 nodes are available: ${parts.sort().join(', ')}.`;
};

function context(c: Cluster): ControllerContext {
  return { store: c.store, settings: c.settings, now: () => c.simNow, wakeAt: () => {}, random: () => c.random() };
}

function cpuPod(name: string, cpu: string, spec: any = {}): KObject {
  return newPod(name, 'nginx:1.25', { container: { resources: { requests: { cpu } } }, spec });
}

function create(c: Cluster, pod: KObject): void {
  c.store.tx(() => c.store.create('pods', pod));
  c.settle();
}

/** Creates the pods and runs one retry pass over them in the same transaction, before their own keys are reconciled. */
function createAndRetryAll(c: Cluster, pods: KObject[]): void {
  c.store.tx(() => {
    for (const pod of pods) c.store.create('pods', pod);
    scheduler.reconcile(context(c), RETRY_ALL);
  });
}

/** `name: node` when bound, `name: reason message` when Pending, `name: not tried` before the scheduler ran. */
function placements(c: Cluster): string[] {
  return c.store.list('pods', 'default').map((p) => {
    if (p.spec.nodeName) return `${p.metadata.name}: ${p.spec.nodeName}`;
    const cond = p.status?.conditions?.find((x: any) => x.type === 'PodScheduled');
    return cond ? `${p.metadata.name}: ${cond.reason} ${cond.message}` : `${p.metadata.name}: not tried`;
  });
}

function failedSchedulingEvents(c: Cluster): string[] {
  return c.store
    .list('events', 'default')
    .filter((e) => e.reason === 'FailedScheduling')
    .map((e) => `${e.involvedObject.name} x${e.count ?? 1}`)
    .sort();
}

/** Creates a cluster whose only schedulable slot is one pod on k8s-node01 (k8s-node02 is cordoned). */
function oneSlotCluster(): Cluster {
  const c = newCluster();
  c.store.tx(() => {
    const cordoned = c.store.get('nodes', '', 'k8s-node02')!;
    cordoned.spec.unschedulable = true;
    c.store.update('nodes', cordoned);
    const small = c.store.get('nodes', '', 'k8s-node01')!;
    // Its kube-proxy pod takes one of the two.
    small.status.allocatable.pods = '2';
    c.store.update('nodes', small);
  });
  c.settle();
  return c;
}

const FULL = `0/3 nodes are available: 1 Too many pods, ${TAINT}, 1 node(s) were unschedulable. ${preemption(1)}`;

describe('scheduler failure memo', () => {
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
      `a-cpu: Unschedulable 0/3 nodes are available: ${TAINT}, 2 Insufficient cpu. ${preemption(2)}`,
      `b-memory: Unschedulable 0/3 nodes are available: ${TAINT}, 2 Insufficient memory. ${preemption(2)}`,
      `c-cpu: Unschedulable 0/3 nodes are available: ${TAINT}, 2 Insufficient cpu. ${preemption(2)}`,
      `d-selector: Unschedulable 0/3 nodes are available: ${TAINT}, 2 node(s) didn't match Pod's node affinity/selector. ${PREEMPTION}`,
      `e-tolerant: Unschedulable 0/3 nodes are available: 3 Insufficient cpu. ${preemption(3)}`,
    ];
    expect(placements(c)).toEqual(expected);

    // Each pod's own reconcile agrees with the pass: no second condition, no second event.
    c.settle();
    expect(placements(c)).toEqual(expected);
    expect(failedSchedulingEvents(c)).toEqual(['a-cpu x1', 'b-memory x1', 'c-cpu x1', 'd-selector x1', 'e-tolerant x1']);
  });

  it('rechecks a failed shape after a bind', () => {
    const c = oneSlotCluster();

    // a-big fits nowhere, then b-small takes node01's only pod slot.
    // c-big has a-big's shape, but node01 is now full, so its message differs.
    createAndRetryAll(c, [cpuPod('a-big', '8'), cpuPod('b-small', '100m'), cpuPod('c-big', '8')]);
    const expected = [
      `a-big: Unschedulable 0/3 nodes are available: 1 Insufficient cpu, ${TAINT}, 1 node(s) were unschedulable. ${preemption(1)}`,
      'b-small: k8s-node01',
      `c-big: Unschedulable 0/3 nodes are available: 1 Too many pods, ${TAINT}, 1 node(s) were unschedulable. ${preemption(1)}`,
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

  it('rechecks a failed shape after a pod finishes', () => {
    const c = oneSlotCluster();
    create(c, cpuPod('x-done', '100m'));
    expect(placements(c)).toEqual(['x-done: k8s-node01']);

    c.store.tx(() => {
      c.store.create('pods', cpuPod('a-small', '100m'));
      scheduler.reconcile(context(c), 'default/a-small');
      const done = c.store.get('pods', 'default', 'x-done')!;
      done.status.phase = 'Succeeded';
      c.store.update('pods', done);
      c.store.create('pods', cpuPod('b-small', '100m'));
      scheduler.reconcile(context(c), 'default/b-small');
    });
    expect(placements(c)).toEqual([`a-small: Unschedulable ${FULL}`, 'b-small: k8s-node01', 'x-done: k8s-node01']);
  });

  it('clears failures after a rollback', () => {
    const c = oneSlotCluster();
    const admit = c.store.admission;
    c.store.admission = (resource, obj, old, op) => {
      if (resource === 'pods' && op === 'update' && obj.metadata.name === 'c-small') throw new Error('rejected for the test');
      admit?.(resource, obj, old, op);
    };

    // The pass binds a-small, records b-small's failure, then fails on c-small and rolls back.
    c.store.tx(() => {
      for (const name of ['a-small', 'b-small', 'c-small']) c.store.create('pods', cpuPod(name, '100m'));
      expect(() => c.store.savepoint(() => scheduler.reconcile(context(c), RETRY_ALL))).toThrow('rejected for the test');
      scheduler.reconcile(context(c), 'default/b-small');
    });
    c.store.admission = admit;
    expect(placements(c)).toEqual(['a-small: not tried', 'b-small: k8s-node01', 'c-small: not tried']);
  });
});
