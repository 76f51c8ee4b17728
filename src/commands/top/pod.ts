/**
 * `kubesim top pod [NAME | -l label]`: usage per pod (or per container with
 * `--containers`), with kubectl's messages when there is nothing to show.
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import { ApiError, UsageError } from '../../api/errors.js';
import { matches, parseSelector } from '../../api/selectors.js';
import { fieldMatcher } from '../shared/fetch.js';
import { MetricsSnapshot, type PodUsage } from '../../metrics/usage.js';
import { formatPodTable } from '../../printers/top.js';
import { formatGoDuration } from '../../api/go-duration.js';

/** How long kubectl waits after a pod's creation before it calls missing metrics an error. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;

export const command: CommandDef = {
  use: 'top pod [NAME | -l label]',
  short: 'Display resource (CPU/memory) usage of pods',
  examples: '  # Show metrics for all pods in the default namespace\n  kubesim top pod\n\n  # Show metrics for the pods defined by label name=myLabel\n  kubesim top pod -l name=myLabel',
  flags: [
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'field-selector', type: 'string', default: '', help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'sort-by', type: 'string', default: '', help: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'containers', type: 'bool', default: false, help: 'If present, print usage of containers within a pod.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'no-headers', type: 'bool', default: false, help: 'If present, print output without headers.' },
    { name: 'use-protocol-buffers', type: 'bool', default: true, help: 'Enables using protocol-buffers to access Metrics API.' },
    { name: 'sum', type: 'bool', default: false, help: 'Print the sum of the resource usage' },
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    if (parsed.args.length > 1) throw new UsageError('pod [NAME | -l label]', true);
    const name: string | undefined = parsed.args[0];
    if (f['sort-by'] && f['sort-by'] !== 'cpu' && f['sort-by'] !== 'memory') throw new UsageError('--sort-by accepts only cpu or memory');
    if (name && (f.selector || f['field-selector'])) throw new UsageError('only one of NAME or selector can be provided');
    const cluster = ctx.cluster();
    const store = cluster.store;
    const now = cluster.simNow;
    const snapshot = new MetricsSnapshot(store, now);
    const allNamespaces = !!f['all-namespaces'];
    const ns = ctx.namespace;

    let pods: KObject[];
    if (name) {
      const pod = store.get('pods', ns, name);
      if (!pod || !snapshot.pod(pod)) throw new ApiError('NotFound', 404, `podmetrics.metrics.k8s.io "${ns}/${name}" not found`);
      pods = [pod];
    } else {
      const sel = f.selector ? parseSelector(f.selector) : null;
      const field = fieldMatcher(f['field-selector']);
      pods = (allNamespaces ? store.list('pods') : store.list('pods', ns)).filter((p) => (!sel || matches(sel, p.metadata.labels)) && field(p));
    }
    const usage = pods.map((p) => snapshot.pod(p)).filter((u): u is PodUsage => u !== undefined);

    if (usage.length === 0) {
      for (const p of pods) {
        const age = now - Date.parse(p.metadata.creationTimestamp ?? '');
        if (age > METRICS_CREATION_DELAY_MS) throw new UsageError(`Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${formatGoDuration(age)}`);
      }
      if (pods.length > 0) throw new UsageError('metrics not available yet');
      ctx.io.err(allNamespaces ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
      return;
    }
    ctx.io.out(
      formatPodTable(usage, { containers: !!f.containers, withNamespace: allNamespaces, noHeaders: !!f['no-headers'], sortBy: f['sort-by'], sum: !!f.sum }),
    );
  },
};
