/**
 * cordon and uncordon: set spec.unschedulable on the named nodes (or those
 * a selector picks) and print `node/NAME cordoned` or `already cordoned`.
 */
import type { CommandContext } from '../context.js';
import type { KObject } from '../../api/types.js';
import { UsageError, notFound } from '../../api/errors.js';
import { matches, parseSelector } from '../../api/selectors.js';

/** Resolves the node arguments of cordon, uncordon and drain. */
export function selectNodes(ctx: CommandContext, args: string[]): KObject[] {
  const store = ctx.cluster().store;
  if (ctx.flags.selector) {
    const sel = parseSelector(ctx.flags.selector);
    return store.list('nodes').filter((n) => matches(sel, n.metadata.labels));
  }
  if (args.length === 0) throw new UsageError(`USAGE: ${ctx.path[0]} NODE [flags]`, true);
  return args.map((a) => {
    const name = a.replace(/^(nodes?|no)\//, '');
    const node = store.get('nodes', '', name);
    if (!node) throw notFound('nodes', name);
    return node;
  });
}

/** Sets the nodes schedulable or not and prints kubectl's lines. */
export function setUnschedulable(ctx: CommandContext, nodes: KObject[], desired: boolean): void {
  const store = ctx.cluster().store;
  const verb = desired ? 'cordoned' : 'uncordoned';
  for (const node of nodes) {
    if (!!node.spec?.unschedulable === desired) {
      ctx.io.out(`node/${node.metadata.name} already ${verb}\n`);
      continue;
    }
    store.tx(() => {
      const fresh = store.get('nodes', '', node.metadata.name)!;
      fresh.spec ??= {};
      if (desired) fresh.spec.unschedulable = true;
      else delete fresh.spec.unschedulable;
      store.update('nodes', fresh);
    });
    ctx.io.out(`node/${node.metadata.name} ${verb}\n`);
  }
  ctx.settle();
}

export const SELECTOR_FLAG = { name: 'selector', short: 'l', type: 'string' as const, default: '', help: 'Selector (label query) to filter on' };
