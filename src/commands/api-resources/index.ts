/**
 * `kubectl api-resources`: the kinds this cluster serves, from the registry.
 */
import type { CommandDef } from '../types.js';
import { RESOURCES, apiVersionOf } from '../../api/registry.js';
import { formatTable } from '../../printers/table.js';
import { UsageError } from '../../api/errors.js';
import { compareText } from '../../store/pending-writes.js';
import { API_EXTENSIONS_CATEGORY, API_EXTENSIONS_RESOURCES } from '../../api/builtin-resources.js';

const CATEGORIES: Record<string, string> = {
  pods: 'all',
  replicationcontrollers: 'all',
  services: 'all',
  daemonsets: 'all',
  deployments: 'all',
  replicasets: 'all',
  statefulsets: 'all',
  horizontalpodautoscalers: 'all',
  cronjobs: 'all',
  jobs: 'all',
  ...Object.fromEntries(API_EXTENSIONS_RESOURCES.map((r) => [r, API_EXTENSIONS_CATEGORY])),
};


export const command: CommandDef = {
  use: 'api-resources',
  short: 'Print the supported API resources on the server.',
  flags: [
    { name: 'output', short: 'o', type: 'string', default: '', help: "Output format. One of: (wide, name)." },
    { name: 'namespaced', type: 'bool', default: true, help: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'api-group', type: 'string', default: '', help: 'Limit to resources in the specified API group.' },
    { name: 'no-headers', type: 'bool', default: false, help: "When using the default or custom-column output format, don't print headers." },
    { name: 'sort-by', type: 'string', default: '', help: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', type: 'stringArray', default: [], help: 'Limit to resources that support the specified verbs.' },
    { name: 'cached', type: 'bool', default: false, help: 'Use the cached list of resources if available.' },
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    if (f.output && f.output !== 'wide' && f.output !== 'name') throw new UsageError(`--output ${f.output} is not available`);
    // kubectl sorts by group name, then resource name (sortableResource).
    let list = [...RESOURCES].sort((a, b) => compareText(a.group, b.group) || compareText(a.resource, b.resource));
    if (parsed.set.has('namespaced')) list = list.filter((r) => r.namespaced === f.namespaced);
    if (parsed.set.has('api-group')) list = list.filter((r) => r.group === f['api-group']);
    if (f.verbs.length) list = list.filter((r) => f.verbs.every((v: string) => r.verbs.includes(v)));
    if (f['sort-by'] === 'name') list.sort((a, b) => compareText(a.resource, b.resource));
    if (f['sort-by'] === 'kind') list.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.resource, b.resource));
    if (f.output === 'name') {
      ctx.io.out(list.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource) + '\n').join(''));
      return;
    }
    const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
    if (f.output === 'wide') header.push('VERBS', 'CATEGORIES');
    const rows = list.map((r) => {
      const row = [r.resource, r.shortNames.join(','), apiVersionOf(r), String(r.namespaced), r.kind];
      if (f.output === 'wide') row.push(`[${r.verbs.join(' ')}]`, CATEGORIES[r.resource] ?? '');
      return row;
    });
    ctx.io.out(formatTable(header, rows, { noHeaders: f['no-headers'] }));
  },
};
