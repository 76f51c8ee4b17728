/**
 * `kubectl taint nodes NAME KEY=VAL:EFFECT ... | KEY[:EFFECT]-`: adds,
 * overwrites and removes node taints with kubectl's messages.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { isoTime } from '../../store/store.js';
import { notFound } from '../../api/errors.js';
import { matches, parseSelector } from '../../api/selectors.js';
import { parseTaintSpecs, updateTaints, type TaintSpec } from './spec.js';

export const command: CommandDef = {
  use: 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  short: 'Update the taints on one or more nodes',
  examples:
    "  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'\n  kubesim taint nodes foo dedicated=special-user:NoSchedule\n\n  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists\n  kubesim taint nodes foo dedicated:NoSchedule-\n\n  # Remove from node 'foo' all the taints with key 'dedicated'\n  kubesim taint nodes foo dedicated-",
  flags: [
    { name: 'overwrite', type: 'bool', default: false, help: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    { name: 'all', type: 'bool', default: false, help: 'Select all nodes in the cluster' },
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
  ],
  run(ctx, parsed) {
    const args = [...parsed.args];
    if (args.length === 0) throw new UsageError('one or more resources must be specified as <resource> <name>');
    let type = args.shift()!;
    const names: string[] = [];
    if (type.includes('/')) {
      names.push(type.slice(type.indexOf('/') + 1));
      type = type.slice(0, type.indexOf('/'));
    }
    if (!['node', 'nodes', 'no'].includes(type)) throw new UsageError(`invalid resource type ${type}, only node types are supported`);
    while (names.length === 0 && args.length && !/[=:]|-$/.test(args[0]) && !ctx.flags.all && !ctx.flags.selector) names.push(args.shift()!);
    const specs = args;
    if (specs.length === 0) throw new UsageError('at least one taint update is required');
    const { add, remove } = parseTaintSpecs(specs);
    const cluster = ctx.cluster();
    const store = cluster.store;
    let nodes = names.map((n) => store.get('nodes', '', n) ?? (() => { throw notFound('nodes', n); })());
    if (ctx.flags.all || ctx.flags.selector) {
      const sel = ctx.flags.selector ? parseSelector(ctx.flags.selector) : null;
      nodes = store.list('nodes').filter((n) => !sel || matches(sel, n.metadata.labels));
    }
    if (nodes.length === 0) throw new UsageError('at least one resource name must be specified since \'all\' parameter is not set', true);
    for (const node of nodes) {
      const { taints, operation } = updateTaints(node.metadata.name, (node.spec?.taints ?? []) as TaintSpec[], add, remove, ctx.flags.overwrite, isoTime(cluster.simNow));
      store.tx(() => {
        node.spec ??= {};
        if (taints.length) node.spec.taints = taints;
        else delete node.spec.taints;
        store.update('nodes', node);
      });
      ctx.io.out(`node/${node.metadata.name} ${operation}\n`);
    }
    ctx.settle();
  },
};
