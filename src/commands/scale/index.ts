/**
 * `kubectl scale`: sets spec.replicas on deployments, replicasets,
 * replicationcontrollers and statefulsets, with the --current-replicas and
 * --resource-version preconditions.
 */
import type { CommandDef } from '../types.js';
import { RequiredFlagError, UsageError } from '../../api/errors.js';
import { reportError } from '../../cli/errors.js';
import { displayName, readLive, resolveObjects } from '../shared/resolve.js';
import { checkMutationOutput, MUTATION_OUTPUT_FLAGS, printMutated } from '../shared/mutation-output.js';
import { changeCause, RECORD_FLAG, recordChangeCause } from '../shared/record.js';

/** Resources that have a scale subresource. */
const SCALABLE = new Set(['deployments', 'replicasets', 'replicationcontrollers', 'statefulsets']);

export const command: CommandDef = {
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  short: 'Set a new size for a deployment, replica set, or replication controller.',
  examples: "  # Scale a replica set named 'foo' to 3\n  kubesim scale --replicas=3 rs/foo\n\n  # If the deployment named mysql's current size is 2, scale mysql to 3\n  kubesim scale --current-replicas=2 --replicas=3 deployment/mysql",
  flags: [
    { name: 'replicas', type: 'int', default: -1, help: 'The new desired number of replicas. Required.' },
    { name: 'current-replicas', type: 'int', default: -1, help: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'resource-version', type: 'string', default: '', help: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files identifying the resource to set a new size' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
    { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on.' },
    { name: 'all', type: 'bool', default: false, help: 'Select all resources in the namespace of the specified resource types' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If present, list the requested object(s) across all namespaces.' },
    ...MUTATION_OUTPUT_FLAGS,
    { name: 'timeout', type: 'duration', default: 0, help: 'The length of time to wait before giving up on a scale operation.' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
    RECORD_FLAG,
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    checkMutationOutput(flags.output);
    if (!parsed.set.has('replicas')) throw new RequiredFlagError(['replicas']);
    if (flags.replicas < 0) throw new UsageError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    const { items, errors } = await resolveObjects(ctx, parsed.args, {
      filenames: flags.filename,
      recursive: flags.recursive,
      selector: flags.selector,
      all: flags.all,
      allNamespaces: flags['all-namespaces'],
    });
    const store = ctx.cluster().store;
    let code = 0;
    for (const e of errors) code = reportError(e, ctx.io, ctx.path);
    if (items.length === 0 && errors.length === 0) throw new UsageError('no objects passed to scale');
    const dryRun = flags['dry-run'] === 'client' || flags['dry-run'] === 'server';
    for (const item of items) {
      try {
        if (!SCALABLE.has(item.info.resource)) throw new Error(`${displayName(item)} cannot be scaled: it has no replicas field`);
        const read = store.tx(() => {
          const obj = readLive(store, item.info.resource, item.obj);
          const current = obj.spec?.replicas ?? 1;
          if (flags['current-replicas'] >= 0 && flags['current-replicas'] !== current) {
            throw new Error(`Expected replicas to be ${flags['current-replicas']}, was ${current}`);
          }
          if (flags['resource-version'] && flags['resource-version'] !== obj.metadata.resourceVersion) {
            throw new Error(`Expected resource version to be ${flags['resource-version']}, was ${obj.metadata.resourceVersion}`);
          }
          // kubectl prints the object as it read it, before the new size.
          const before = structuredClone(obj);
          if (!dryRun) {
            obj.spec.replicas = flags.replicas;
            const scaled = store.update(item.info.resource, obj);
            if (flags.record) recordChangeCause(store, item.info.resource, scaled, changeCause(ctx.path, parsed));
          }
          return before;
        });
        ctx.io.out(
          printMutated([{ obj: read, name: displayName(item) }], {
            output: flags.output,
            template: flags.template,
            allowMissingKeys: flags['allow-missing-template-keys'],
            operation: 'scaled',
            dryRun: flags['dry-run'] === 'client' || flags['dry-run'] === 'server' ? flags['dry-run'] : 'none',
          }),
        );
      } catch (err) {
        code = reportError(err, ctx.io, ctx.path);
      }
    }
    ctx.settle();
    return code;
  },
};
