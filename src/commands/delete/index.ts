/**
 * `kubectl delete`: by name, by `TYPE/NAME`, from files, `--all` or `-l`,
 * with graceful pod termination and `--cascade` propagation.
 */
import type { CommandDef } from '../types.js';
import { parseTargets, type Target } from '../shared/targets.js';
import { fetchTargets } from '../shared/fetch.js';
import { hasManifestSource, kustomizeFlag, readManifestSources } from '../shared/kustomize-source.js';
import { decodeObject } from '../../api/manifest.js';
import { UsageError } from '../../api/errors.js';
import { kindString } from '../../api/registry.js';
import { deleteObject } from '../../engine/delete.js';
import { parseCascade } from '../shared/cascade.js';
import { reportError } from '../../cli/errors.js';
import { stepClock } from '../shared/clock-step.js';
import { deletedLine } from '../shared/deleted-line.js';
import type { Cluster } from '../../engine/cluster.js';

/** Longest kubectl delete waits without --timeout: a pod's usual grace period plus margin. */
const WAIT_LIMIT_MS = 5 * 60_000;

export const command: CommandDef = {
  use: 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector.',
  examples: '  # Delete a pod with minimal delay\n  kubesim delete pod foo --now\n\n  # Delete all pods\n  kubesim delete pods --all',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'containing the resource to delete.' },
    kustomizeFlag('a'),
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
    { name: 'all', type: 'bool', default: false, help: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
    { name: 'field-selector', type: 'string', default: '', help: 'Selector (field query) to filter on.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', help: 'Must be "background", "orphan", or "foreground".' },
    { name: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to the resource to terminate gracefully.' },
    { name: 'force', type: 'bool', default: false, help: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'now', type: 'bool', default: false, help: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'wait', type: 'bool', default: true, help: 'If true, wait for resources to be gone before returning.' },
    { name: 'ignore-not-found', type: 'bool', default: false, help: 'Treat "resource not found" as a successful delete.' },
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: 'timeout', type: 'duration', default: 0, help: 'The length of time to wait before giving up on a delete.' },
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    const prop = parseCascade(flags.cascade, (t) => ctx.io.err(t));
    let targets: Target[];
    let namespaceFromFile: (string | undefined)[] = [];
    if (hasManifestSource(flags)) {
      const docs = await readManifestSources(flags, ctx.io.stdin, (t) => ctx.io.err(t));
      const cluster = ctx.cluster();
      targets = docs.map((d) => {
        const dec = decodeObject(d.doc, { clusterVersion: cluster.settings.version, strictVersions: false, source: d.source });
        return { info: dec.info, group: dec.group, names: [dec.obj.metadata.name] };
      });
      namespaceFromFile = docs.map((d) => d.doc?.metadata?.namespace);
    } else {
      if (parsed.args.length === 0) throw new UsageError('You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
      targets = parseTargets(parsed.args);
      const named = targets.some((t) => t.names.length > 0);
      if (!named && !flags.all && !flags.selector && !flags['field-selector']) {
        throw new UsageError('resource(s) were provided, but no name was specified');
      }
      if (named && (flags.all || flags.selector)) throw new UsageError('name cannot be provided when a selector is specified');
    }
    let grace: number | undefined = flags['grace-period'] >= 0 ? flags['grace-period'] : undefined;
    if (flags.now) grace = 1;
    if (flags.force && grace === undefined) grace = 0;
    if (grace === 0 && !flags.force) grace = 1;
    if (flags.force && grace === 0) ctx.io.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    const cluster = ctx.cluster();
    // kubectl's builder continues on error, so it deletes what it can and prints the collected errors last.
    const failures: unknown[] = [];
    const deleted: { resource: string; namespace: string; name: string; uid: string }[] = [];
    targets.forEach((t, i) => {
      const namespace = namespaceFromFile[i] ?? ctx.namespace;
      const { groups, errors } = fetchTargets(cluster, [t], { namespace, allNamespaces: flags['all-namespaces'], selector: flags.selector, fieldSelector: flags['field-selector'] });
      if (!flags['ignore-not-found']) failures.push(...errors);
      for (const g of groups) {
        for (const o of g.objects) {
          try {
            deleteObject(cluster.store, g.info.resource, o.metadata.namespace ?? '', o.metadata.name, { propagation: prop, gracePeriodSeconds: grace });
            deleted.push({ resource: g.info.resource, namespace: o.metadata.namespace ?? '', name: o.metadata.name, uid: o.metadata.uid! });
            if (flags.output === 'name') ctx.io.out(`${kindString(g.info, g.group)}/${o.metadata.name}\n`);
            else ctx.io.out(deletedLine(cluster.settings.version, kindString(g.info, g.group), o.metadata.name, g.info.namespaced ? o.metadata.namespace : undefined, grace === 0));
          } catch (err) {
            failures.push(err);
          }
        }
      }
      const nothing = groups.every((g) => g.objects.length === 0) && errors.length === 0;
      if (nothing && t.names.length === 0 && !flags['ignore-not-found']) {
        if (cluster.settings.version < 116) ctx.io.err('No resources found\n');
        else ctx.io.err(t.info.namespaced && !flags['all-namespaces'] ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
      }
    });
    ctx.settle();
    // kubectl returns the collected errors before it would wait, so a failed name means no waiting.
    if (flags.wait && grace !== 0 && failures.length === 0) await waitUntilGone(cluster, deleted, flags.timeout);
    let code = 0;
    for (const err of failures) code = reportError(err, ctx.io, ctx.path);
    return code;
  },
};

/**
 * kubectl delete waits (`--wait`, the default) until the objects are gone.
 * Graceful termination takes simulated time, so a manual clock is moved to
 * each next timer and a wall clock is slept on, as kubectl would wait.
 */
async function waitUntilGone(cluster: Cluster, deleted: { resource: string; namespace: string; name: string; uid: string }[], timeoutMs: number): Promise<void> {
  const deadline = cluster.clockNow() + (timeoutMs > 0 ? timeoutMs : WAIT_LIMIT_MS);
  const present = () => deleted.some((d) => cluster.store.get(d.resource, d.namespace, d.name)?.metadata.uid === d.uid);
  while (present() && cluster.clockNow() < deadline) {
    if (!(await stepClock(cluster, { deadline }))) return;
  }
}
