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
import { dryRunMode, serverDryRun } from '../shared/generated.js';
import type { Cluster } from '../../engine/cluster.js';
import type { CommandContext } from '../context.js';

/** How long kubectl delete waits without --timeout (its effective timeout for 0). */
const WAIT_LIMIT_MS = 168 * 3600_000;
/** How long delete waits without --timeout on a manual clock (see defaultWait). */
const MANUAL_WAIT_MS = 5 * 60_000;

interface Deleted {
  resource: string;
  namespace: string;
  name: string;
  uid: string;
}

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
    { name: 'timeout', type: 'duration', default: 0, help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.' },
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    const prop = parseCascade(flags.cascade, (t) => ctx.io.err(t));
    const dryRun = dryRunMode(ctx);
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
    const deleted: Deleted[] = [];
    const printDeleted = (kind: string, name: string, namespace: string | undefined) => {
      if (flags.output === 'name') ctx.io.out(`${kind}/${name}\n`);
      else ctx.io.out(deletedLine(cluster.settings.version, kind, name, namespace, grace === 0, dryRun));
    };
    targets.forEach((t, i) => {
      const namespace = namespaceFromFile[i] ?? ctx.namespace;
      // kubectl's builder does not fetch objects named on the command line or in files, so a client
      // dry run prints them without asking the server whether they exist.
      if (dryRun === 'client' && t.names.length > 0) {
        const kind = kindString(t.info, t.group);
        for (const name of t.names) printDeleted(kind, name, t.info.namespaced ? namespace : undefined);
        return;
      }
      const { groups, errors } = fetchTargets(cluster, [t], { namespace, allNamespaces: flags['all-namespaces'], selector: flags.selector, fieldSelector: flags['field-selector'] });
      if (!flags['ignore-not-found']) failures.push(...errors);
      for (const g of groups) {
        for (const o of g.objects) {
          try {
            const ns = o.metadata.namespace ?? '';
            const remove = () => deleteObject(cluster.store, g.info.resource, ns, o.metadata.name, { propagation: prop, gracePeriodSeconds: grace });
            if (dryRun === 'server') serverDryRun(ctx, remove);
            else if (dryRun === 'none') {
              remove();
              deleted.push({ resource: g.info.resource, namespace: ns, name: o.metadata.name, uid: o.metadata.uid! });
            }
            printDeleted(kindString(g.info, g.group), o.metadata.name, g.info.namespaced ? o.metadata.namespace : undefined);
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
    // A dry run has nothing to wait for.
    let code = 0;
    if (flags.wait && grace !== 0 && failures.length === 0 && deleted.length > 0) code = await waitUntilGone(ctx, cluster, deleted, flags.timeout, grace);
    for (const err of failures) code = reportError(err, ctx.io, ctx.path);
    return code;
  },
};

/**
 * kubectl delete waits (`--wait`, the default) until the objects are gone,
 * for `--timeout` or, without one, a week, and then fails with its wait
 * timeout. Graceful termination takes simulated time, so a manual clock is
 * moved to each next timer and a wall clock is slept on, as kubectl would
 * wait. On a wall clock another command, such as a patch that drops a
 * finalizer, can end the wait. Returns the exit code.
 */
async function waitUntilGone(ctx: CommandContext, cluster: Cluster, deleted: Deleted[], timeoutMs: number, graceSeconds: number | undefined): Promise<number> {
  const deadline = cluster.clockNow() + (timeoutMs > 0 ? timeoutMs : defaultWait(cluster, deleted, graceSeconds));
  for (;;) {
    const left = deleted.find((d) => cluster.store.get(d.resource, d.namespace, d.name)?.metadata.uid === d.uid);
    if (!left) return 0;
    if (cluster.clockNow() >= deadline || !(await stepClock(cluster, { deadline }))) {
      ctx.io.err(`error: timed out waiting for the condition on ${left.resource}/${left.name}\n`);
      return 1;
    }
  }
}

/**
 * Returns how long delete waits without --timeout. kubectl waits a week,
 * and so does a wall clock. kubesim differs on a manual clock. There an
 * object that nothing removes, such as one a custom finalizer holds, would
 * move the clock a week and run everything due on the way. So the wait ends
 * after MANUAL_WAIT_MS, or after the longest grace period of the deleted pods plus a minute.
 */
function defaultWait(cluster: Cluster, deleted: Deleted[], graceSeconds: number | undefined): number {
  if (cluster.settings.clock !== 'manual') return WAIT_LIMIT_MS;
  let longest = 0;
  for (const d of deleted) {
    if (d.resource !== 'pods') continue;
    const pod = cluster.store.get('pods', d.namespace, d.name);
    const grace = graceSeconds ?? (pod?.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds ?? 30;
    longest = Math.max(longest, grace * 1000 + 60_000);
  }
  return Math.max(MANUAL_WAIT_MS, longest);
}
