/**
 * `kubesim top node [NAME | -l label]`: usage per node, as a share of each
 * node's allocatable resources (or capacity with `--show-capacity`).
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import { ApiError, UsageError, notFound } from '../../api/errors.js';
import { matches, parseSelector } from '../../api/selectors.js';
import { cpuMillis, parseQuantity } from '../../api/quantity.js';
import { MetricsSnapshot } from '../../metrics/usage.js';
import { formatNodeTable, type NodeRow } from '../../printers/top.js';

export const command: CommandDef = {
  use: 'top node [NAME | -l label]',
  short: 'Display resource (CPU/memory) usage of nodes',
  examples: '  # Show metrics for all nodes\n  kubesim top node\n\n  # Show metrics for a given node\n  kubesim top node NODE_NAME',
  flags: [
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'sort-by', type: 'string', default: '', help: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'no-headers', type: 'bool', default: false, help: 'If present, print output without headers' },
    { name: 'use-protocol-buffers', type: 'bool', default: true, help: 'Enables using protocol-buffers to access Metrics API.' },
    { name: 'show-capacity', type: 'bool', default: false, help: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    if (parsed.args.length > 1) throw new UsageError('node [NAME | -l label]', true);
    const name: string | undefined = parsed.args[0];
    if (f['sort-by'] && f['sort-by'] !== 'cpu' && f['sort-by'] !== 'memory') throw new UsageError('--sort-by accepts only cpu or memory');
    if (name && f.selector) throw new UsageError('only one of NAME or --selector can be provided');

    const cluster = ctx.cluster();
    const snapshot = new MetricsSnapshot(cluster.store, cluster.simNow);
    let nodes: KObject[];
    if (name) {
      const node = cluster.store.get('nodes', '', name);
      if (!node) throw notFound('nodes', name);
      nodes = [node];
    } else {
      const sel = f.selector ? parseSelector(f.selector) : null;
      nodes = cluster.store.list('nodes').filter((n) => !sel || matches(sel, n.metadata.labels));
    }
    const rows: NodeRow[] = [];
    const missing: string[] = [];
    for (const n of nodes) {
      const usage = snapshot.node(n);
      if (!usage) {
        missing.push(n.metadata.name);
        continue;
      }
      const avail = (f['show-capacity'] ? n.status?.capacity : n.status?.allocatable) ?? {};
      rows.push({ ...usage, allocatableCpu: cpuMillis(avail.cpu), allocatableMemory: parseQuantity(avail.memory) });
    }
    if (rows.length === 0) {
      // A request for one node by name gets NotFound from metrics-server. A list without any metrics is "not available yet".
      if (name) throw new ApiError('NotFound', 404, `nodemetrics.metrics.k8s.io "${name}" not found`);
      throw new UsageError('metrics not available yet');
    }
    ctx.io.out(formatNodeTable(rows, missing, { noHeaders: !!f['no-headers'], sortBy: f['sort-by'] }));
  },
};
