/**
 * `kubectl drain NODE`: cordons the node, then evicts its pods, refusing
 * (per node) when DaemonSet-managed pods, emptyDir data or pods without a
 * controller are in the way and the matching flag was not given.
 */
import type { CommandDef } from '../types.js';
import { ExitError } from '../../api/errors.js';
import { deleteObject } from '../../engine/delete.js';
import { SELECTOR_FLAG, selectNodes, setUnschedulable } from '../cordon/set-unschedulable.js';
import { planDrain } from './filters.js';

export const command: CommandDef = {
  use: 'drain NODE',
  short: 'Drain node in preparation for maintenance',
  examples: '  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n  kubesim drain foo --force',
  flags: [
    { name: 'ignore-daemonsets', type: 'bool', default: false, help: 'Ignore DaemonSet-managed pods.' },
    { name: 'delete-emptydir-data', type: 'bool', default: false, help: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'force', type: 'bool', default: false, help: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'timeout', type: 'duration', default: 0, help: 'The length of time to wait before giving up, zero means infinite' },
    { name: 'pod-selector', type: 'string', default: '', help: 'Label selector to filter pods on the node' },
    SELECTOR_FLAG,
  ],
  run(ctx, parsed) {
    const nodes = selectNodes(ctx, parsed.args);
    setUnschedulable(ctx, nodes, true);
    const store = ctx.cluster().store;
    const grace = ctx.flags['grace-period'] >= 0 ? ctx.flags['grace-period'] : undefined;
    const fatal: string[] = [];
    const remaining: string[] = [];
    for (const node of nodes) {
      const pods = store.list('pods', undefined, { node: node.metadata.name });
      const plan = planDrain(store, pods, { ignoreDaemonSets: ctx.flags['ignore-daemonsets'], deleteEmptyDirData: ctx.flags['delete-emptydir-data'], force: ctx.flags.force });
      if (plan.errors.length > 0) {
        const err = plan.errors.length === 1 ? plan.errors[0] : `[${plan.errors.join(', ')}]`;
        ctx.io.err(`error: unable to drain node "${node.metadata.name}" due to error: ${err}, continuing command...\n`);
        fatal.push(err);
        remaining.push(node.metadata.name);
        continue;
      }
      if (plan.warnings) ctx.warn(plan.warnings);
      for (const pod of plan.pods) ctx.io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
      // Simplified: kubectl waits until each evicted pod is gone. kubesim reports the eviction once it is
      // accepted, because simulated time moves only when the clock does.
      for (const pod of plan.pods) {
        deleteObject(store, 'pods', pod.metadata.namespace ?? '', pod.metadata.name, { gracePeriodSeconds: grace });
        ctx.io.out(`pod/${pod.metadata.name} evicted\n`);
      }
      ctx.io.out(`node/${node.metadata.name} drained\n`);
    }
    ctx.settle();
    if (remaining.length > 0) {
      ctx.io.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
      throw new ExitError(1, `error: ${fatal.length === 1 ? fatal[0] : `[${fatal.join(', ')}]`}`);
    }
  },
};
