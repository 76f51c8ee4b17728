/**
 * `kubectl drain NODE`: cordons the node, then evicts its pods (or deletes
 * them with --disable-eviction) and waits until they are gone. A node whose
 * DaemonSet-managed pods, emptyDir data or pods without a controller are in
 * the way without the matching flag, or whose pods could not all be
 * removed, is reported and left pending while the other nodes go on.
 */
import type { CommandDef } from '../types.js';
import type { CommandContext } from '../context.js';
import type { KObject } from '../../api/types.js';
import { ExitError, UsageError } from '../../api/errors.js';
import { matches, parseSelector } from '../../api/selectors.js';
import { SELECTOR_FLAG, selectNodes, setUnschedulable } from '../cordon/set-unschedulable.js';
import { planDrain, type DrainPlan } from './filters.js';
import { deletePods, evictPods, type RemoveOptions } from './remove-pods.js';

/**
 * Formats errors as apimachinery's aggregate error does: one message alone,
 * several (without repeats) as `[a, b]`.
 */
function aggregateMessage(messages: string[]): string {
  const distinct = [...new Set(messages)];
  return distinct.length === 1 ? distinct[0] : `[${distinct.join(', ')}]`;
}

/** Lists a node's pods and runs drain's filters over them (GetPodsForDeletion). */
function planNode(ctx: CommandContext, node: string): DrainPlan {
  const store = ctx.cluster().store;
  let pods = store.list('pods', undefined, { node });
  if (ctx.flags['pod-selector']) {
    const selector = parseSelector(ctx.flags['pod-selector']);
    pods = pods.filter((pod: KObject) => matches(selector, pod.metadata.labels));
  }
  return planDrain(store, pods, { ignoreDaemonSets: ctx.flags['ignore-daemonsets'], deleteEmptyDirData: ctx.flags['delete-emptydir-data'], force: ctx.flags.force });
}

/**
 * Removes one node's pods. Returns the messages of the errors that keep the
 * node from being drained, which is empty on success.
 */
async function drainNode(ctx: CommandContext, node: string, o: RemoveOptions): Promise<string[]> {
  const plan = planNode(ctx, node);
  if (plan.errors.length > 0) return plan.errors;
  if (plan.warnings) ctx.warn(plan.warnings);
  if (plan.pods.length === 0) return [];

  const errors = ctx.flags['disable-eviction'] ? [await deletePods(plan.pods, o)].filter((e): e is string => e !== undefined) : await evictPods(plan.pods, o);
  if (errors.length === 0) return [];
  const pending = planNode(ctx, node);
  if (pending.pods.length > 0) {
    ctx.io.err(`There are pending pods in node "${node}" when an error occurred: ${aggregateMessage(errors)}\n`);
    for (const pod of pending.pods) ctx.io.err(`pod/${pod.metadata.name}\n`);
  }
  if (pending.errors.length > 0) ctx.io.err(`Following errors occurred while getting the list of pods to delete:\n${aggregateMessage(pending.errors)}`);
  return errors;
}

/**
 * Builds the final error text as kubectl's CheckErr prints drain's
 * aggregate of per-node aggregates: with one failed node, each of its
 * errors on a line of its own, and with several, one line per node. No
 * `error: ` prefix is added in either case.
 */
function finalErrorText(fatal: string[][]): string {
  if (fatal.length === 1) return fatal[0].join('\n');
  return fatal.map(aggregateMessage).join('\n');
}

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
    { name: 'disable-eviction', type: 'bool', default: false, help: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0, help: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip.' },
    SELECTOR_FLAG,
  ],
  async run(ctx, parsed) {
    if (ctx.flags['pod-selector']) {
      try {
        parseSelector(ctx.flags['pod-selector']);
      } catch {
        throw new UsageError('--pod-selector=<pod_selector> must be a valid label selector');
      }
    }
    const nodes = selectNodes(ctx, parsed.args);
    setUnschedulable(ctx, nodes, true);
    ctx.settle();
    const o: RemoveOptions = {
      cluster: ctx.cluster(),
      io: ctx.io,
      gracePeriodSeconds: ctx.flags['grace-period'] >= 0 ? ctx.flags['grace-period'] : undefined,
      timeoutMs: ctx.flags.timeout,
      skipWaitForDeleteTimeoutSeconds: ctx.flags['skip-wait-for-delete-timeout'],
    };

    const fatal: string[][] = [];
    const remaining: string[] = [];
    for (const node of nodes) {
      const name = node.metadata.name;
      const errors = await drainNode(ctx, name, o);
      if (errors.length === 0) {
        ctx.io.out(`node/${name} drained\n`);
        continue;
      }
      ctx.io.err(`error: unable to drain node "${name}" due to error: ${aggregateMessage(errors)}, continuing command...\n`);
      fatal.push(errors);
      remaining.push(name);
    }
    ctx.settle();
    if (remaining.length > 0) {
      ctx.io.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
      throw new ExitError(1, finalErrorText(fatal));
    }
  },
};
