/**
 * `kubectl describe`: a readable report per object, ending with its events.
 */
import type { CommandDef } from '../types.js';
import { parseTargets } from '../shared/targets.js';
import { fetchTargets } from '../shared/fetch.js';
import { describeObject } from '../../printers/describe/index.js';
import { eventsFor } from '../../printers/describe/events.js';
import { UsageError } from '../../api/errors.js';
import { reportError } from '../../cli/errors.js';
import type { KObject } from '../../api/types.js';

export const command: CommandDef = {
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  short: 'Show details of a specific resource or group of resources.',
  examples: '  # Describe a node\n  kubesim describe nodes k8s-node01\n\n  # Describe a pod\n  kubesim describe pods/nginx',
  flags: [
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'show-events', type: 'bool', default: true, help: 'If true, display events related to the described object.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files containing the resource to describe' },
  ],
  run(ctx, parsed) {
    if (parsed.args.length === 0) throw new UsageError("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.");
    const targets = parseTargets(parsed.args);
    const cluster = ctx.cluster();
    const ns = ctx.namespace;
    // A bare name is a prefix for describe: `describe pod nginx` matches nginx-abc12.
    const prefixTargets = targets.map((t) => ({ ...t, names: [] as string[] }));
    const all = fetchTargets(cluster, prefixTargets, { namespace: ns, allNamespaces: ctx.flags['all-namespaces'], selector: ctx.flags.selector });
    for (const w of all.warnings) ctx.warn(w);
    let events: KObject[] | undefined;
    const dctx = {
      now: cluster.simNow,
      version: cluster.settings.version,
      events: (o: KObject) => {
        if (!ctx.flags['show-events']) return [];
        events ??= cluster.store.list('events');
        return eventsFor(events, o);
      },
      list: (resource: string, namespace?: string) => cluster.store.list(resource, namespace),
    };
    const parts: string[] = [];
    let code = 0;
    targets.forEach((t, i) => {
      const objs = all.groups[i].objects;
      if (t.names.length === 0) {
        for (const o of objs) parts.push(describeObject(t.info.resource, o, dctx));
        if (objs.length === 0) ctx.io.err(`No resources found in ${ns} namespace.\n`);
        return;
      }
      for (const name of t.names) {
        const exact = objs.find((o) => o.metadata.name === name);
        const matched = exact ? [exact] : objs.filter((o) => o.metadata.name.startsWith(name));
        if (matched.length === 0) {
          const r = fetchTargets(cluster, [{ ...t, names: [name] }], { namespace: ns, allNamespaces: false });
          for (const e of r.errors) code = reportError(e, ctx.io, ctx.path);
          continue;
        }
        for (const o of matched) parts.push(describeObject(t.info.resource, o, dctx));
      }
    });
    // kubectl writes "\n\n" before each description after the first, and each ends with a newline.
    ctx.io.out(parts.join('\n\n'));
    return code;
  },
};
