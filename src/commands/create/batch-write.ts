/**
 * Writing a generated object for the `create` subcommands: `--dry-run`,
 * `-o yaml|json|name`, then the store and `kind.group/name created`. A
 * server error reads `error: failed to create job: ...`, as kubectl's
 * generator commands report it.
 */
import type { CommandContext } from '../context.js';
import type { KObject } from '../../api/types.js';
import { dryRunSuffix } from '../shared/mutation-output.js';
import { ApiError, UsageError, formatCause } from '../../api/errors.js';
import { decodeObject } from '../../api/manifest.js';
import { toKubectlYaml } from '../../printers/yaml.js';
import { toKubectlJson } from '../../printers/json.js';
import type { FlagSpec } from '../../cli/flags.js';

/** Flags every generator subcommand of `create` takes. */
export const GENERATOR_FLAGS: FlagSpec[] = [
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
  { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (json, yaml, name).' },
  { name: 'save-config', type: 'bool', default: false, help: 'If true, the configuration of current object will be saved in its annotation.' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', help: 'Must be one of: strict (or true), warn, ignore (or false).' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create', help: 'Name of the manager used to track field ownership.' },
];

function dryRunMode(value: string): 'none' | 'client' | 'server' {
  if (value === 'unchanged') return 'client';
  if (value === 'none' || value === 'client' || value === 'server') return value;
  throw new UsageError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** The text of a server error as Go's StatusError.Error() renders it (no `The ` prefix on Invalid). */
function statusErrorText(err: ApiError, kind: string, name: string): string {
  if (err.reason !== 'Invalid') return err.message;
  const head = `${kind}.batch "${name}" is invalid`;
  if (err.causes.length === 1) return `${head}: ${formatCause(err.causes[0])}`;
  return `${head}: [${err.causes.map(formatCause).join(', ')}]`;
}

/** Creates (or, with --dry-run=server, admits without storing) the object; returns it as stored. */
function createObject(ctx: CommandContext, obj: KObject, noun: string, dryRun: 'none' | 'server'): KObject {
  const cluster = ctx.cluster();
  const decoded = decodeObject(structuredClone(obj), { clusterVersion: cluster.settings.version, strictVersions: cluster.settings.strictVersions, source: '' });
  for (const w of decoded.warnings) ctx.warn(w);
  const target = decoded.obj;
  target.metadata.namespace ||= ctx.namespace;
  try {
    if (dryRun === 'server') {
      // Run admission inside a transaction that is rolled back, so nothing is stored.
      cluster.store.tx(() => {
        cluster.store.create(decoded.info.resource, target);
        throw new DryRunDone();
      });
    }
    const created = cluster.store.create(decoded.info.resource, target);
    ctx.settle();
    return created;
  } catch (err) {
    if (err instanceof DryRunDone) return target;
    if (err instanceof ApiError) throw new UsageError(`failed to create ${noun}: ${statusErrorText(err, obj.kind, obj.metadata.name)}`);
    throw err;
  }
}

class DryRunDone extends Error {}

/** Prints or creates a generated object; returns the exit code. */
export function writeGenerated(ctx: CommandContext, obj: KObject, kindLabel: string): number {
  const dryRun = dryRunMode(ctx.flags['dry-run']);
  const output: string = ctx.flags.output;
  if (!['', 'yaml', 'json', 'name'].includes(output)) {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
  }
  if (ctx.flags.namespace && dryRun !== 'client') obj.metadata.namespace = ctx.flags.namespace;
  const noun = obj.kind.toLowerCase();
  const shown = dryRun === 'client' ? obj : createObject(ctx, obj, noun, dryRun);
  const suffix = dryRunSuffix(dryRun);
  if (output === 'yaml') ctx.io.out(toKubectlYaml(publicObject(shown)).replace(/\n?$/, '\n'));
  else if (output === 'json') ctx.io.out(toKubectlJson(publicObject(shown)) + '\n');
  else if (output === 'name') ctx.io.out(`${kindLabel}/${obj.metadata.name}\n`);
  else ctx.io.out(`${kindLabel}/${obj.metadata.name} created${suffix}\n`);
  return 0;
}

function publicObject(obj: KObject): KObject {
  const { _sim, ...rest } = obj;
  void _sim;
  return rest as KObject;
}
