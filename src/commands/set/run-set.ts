/**
 * The shared body of `set env|resources|selector|serviceaccount`: find the
 * objects (`TYPE NAME`, `-f`, `-l`, `--all`, or only the files with
 * `--local`), change each one, write the changed ones unless this is a dry
 * run, and print them as kubectl does. Objects the change leaves as they
 * were are skipped silently, as kubectl skips an empty patch.
 */
import type { FlagSpec, Parsed } from '../../cli/flags.js';
import type { CommandContext } from '../context.js';
import type { KObject } from '../../api/types.js';
import { UsageError } from '../../api/errors.js';
import { decodeObject } from '../../api/manifest.js';
import { reportError } from '../../cli/errors.js';
import { displayName, resolveObjects, type Resolved } from '../shared/resolve.js';
import { readManifests } from '../shared/manifests.js';
import { checkMutationOutput, MUTATION_OUTPUT_FLAGS, printMutated } from '../shared/mutation-output.js';
import { dryRunMode, serverDryRun } from '../shared/generated.js';
import { CHANGE_CAUSE, changeCause, RECORD_FLAG } from '../shared/record.js';

/** Flags every `set` subcommand built on {@link runSet} takes. */
export const SET_FLAGS: FlagSpec[] = [
  { name: 'all', type: 'bool', default: false, help: 'Select all resources, in the namespace of the specified resource types' },
  { name: 'selector', short: 'l', type: 'string', default: '', help: 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2).' },
  { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files the resource to update' },
  { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
  { name: 'local', type: 'bool', default: false, help: 'If true, set will NOT contact api-server but run locally.' },
  RECORD_FLAG,
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
  { name: 'field-manager', type: 'string', default: 'kubectl-set', help: 'Name of the manager used to track field ownership.' },
  ...MUTATION_OUTPUT_FLAGS,
];

export interface SetChange {
  /** Printed after the name: `env updated`, `selector updated` ... */
  operation: string;
  /** Changes the object in place; throws to report an error for this object only. */
  mutate(item: Resolved): void;
  /** Checks that run once, before any object is read. */
  validate?(): void;
}

/**
 * Reads the objects named by files only, for `--local`.
 * NOTE: kubectl converts these to its Go types first, so its `-o yaml|json`
 * adds empty fields (`creationTimestamp: null`, `resources: {}`) that
 * kubesim does not print.
 */
async function localObjects(ctx: CommandContext): Promise<Resolved[]> {
  if (ctx.flags.filename.length === 0) throw new UsageError('--local requires a file passed with -f', true);
  const docs = await readManifests(ctx.flags.filename, ctx.io.stdin, ctx.flags.recursive);
  return docs.map((d) => {
    const dec = decodeObject(d.doc, { clusterVersion: 132, strictVersions: false, source: d.source });
    return { info: dec.info, group: dec.group, obj: dec.obj };
  });
}

/** Runs one `set` subcommand over its resource arguments. */
export async function runSet(ctx: CommandContext, parsed: Parsed, resourceArgs: string[], change: SetChange): Promise<number> {
  const flags = ctx.flags;
  checkMutationOutput(flags.output);
  const dryRun = dryRunMode(ctx);
  if (flags.local && dryRun === 'server') throw new UsageError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  change.validate?.();
  let items: Resolved[];
  let code = 0;
  if (flags.local) {
    if (resourceArgs.length > 0) throw new UsageError('resource arguments cannot be used with --local; pass the objects with -f', true);
    items = await localObjects(ctx);
  } else {
    if (resourceArgs.length === 0 && flags.filename.length === 0) {
      throw new UsageError('one or more resources must be specified as <resource> <name> or <resource>/<name>', true);
    }
    const result = await resolveObjects(ctx, resourceArgs, { filenames: flags.filename, recursive: flags.recursive, selector: flags.selector, all: flags.all });
    for (const e of result.errors) code = reportError(e, ctx.io, ctx.path);
    items = result.items;
  }
  const write = !flags.local && dryRun !== 'client';
  for (const item of items) {
    try {
      const before = JSON.stringify(item.obj);
      change.mutate(item);
      if (JSON.stringify(item.obj) === before) continue;
      if (flags.record) item.obj.metadata.annotations = { ...(item.obj.metadata.annotations ?? {}), [CHANGE_CAUSE]: changeCause(ctx.path, parsed) };
      let result: KObject = item.obj;
      if (write) {
        const store = ctx.cluster().store;
        result = dryRun === 'server' ? serverDryRun(ctx, () => store.update(item.info.resource, item.obj)) : store.update(item.info.resource, item.obj);
      }
      ctx.io.out(
        printMutated([{ obj: result, name: displayName(item) }], {
          output: flags.output,
          template: flags.template,
          allowMissingKeys: flags['allow-missing-template-keys'],
          operation: change.operation,
          dryRun: flags.local ? 'none' : dryRun,
          numbersAsFloat: !write,
        }),
      );
    } catch (err) {
      code = reportError(err, ctx.io, ctx.path) || 1;
    }
  }
  if (write) ctx.settle();
  return code;
}

/** Matches a container name against kubectl's `-c` glob (`*` any run of characters). */
export function containerMatches(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(name);
}
