/**
 * Writing a generated object for the `create` subcommands: `--dry-run`,
 * `-o yaml|json|name`, then the store and `kind.group/name created`.
 */
import type { CommandContext } from '../context.js';
import type { KObject } from '../../api/types.js';
import { UsageError } from '../../api/errors.js';
import { toKubectlYaml } from '../../printers/yaml.js';
import { toKubectlJson } from '../../printers/json.js';
import { writeDocs } from '../shared/write.js';
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

/** Runs writeDocs with the `created` line suppressed, for outputs that print something else. */
function writeQuietly(ctx: CommandContext, obj: KObject, dryRun: 'none' | 'client' | 'server'): number {
  const out = ctx.io.out;
  ctx.io.out = () => {};
  try {
    return writeDocs(ctx, [{ doc: obj, source: '' }], { mode: 'create', dryRun });
  } finally {
    ctx.io.out = out;
  }
}

/** Prints or creates a generated object; returns the exit code. */
export function writeGenerated(ctx: CommandContext, obj: KObject, kindLabel: string): number {
  const dryRun = dryRunMode(ctx.flags['dry-run']);
  const output: string = ctx.flags.output;
  if (!['', 'yaml', 'json', 'name'].includes(output)) {
    throw new UsageError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
  }
  if (ctx.flags.namespace && dryRun !== 'client') obj.metadata.namespace = ctx.flags.namespace;
  if (dryRun === 'client' || output === 'yaml' || output === 'json') {
    if (dryRun !== 'client') {
      const code = writeQuietly(ctx, structuredClone(obj), dryRun);
      if (code !== 0) return code;
    }
    if (output === 'yaml') ctx.io.out(toKubectlYaml(obj).replace(/\n?$/, '\n'));
    else if (output === 'json') ctx.io.out(toKubectlJson(obj));
    else if (output === 'name') ctx.io.out(`${kindLabel}/${obj.metadata.name}\n`);
    else ctx.io.out(`${kindLabel}/${obj.metadata.name} created (dry run)\n`);
    return 0;
  }
  if (output === 'name') {
    const code = writeQuietly(ctx, obj, dryRun);
    if (code === 0) ctx.io.out(`${kindLabel}/${obj.metadata.name}\n`);
    return code;
  }
  return writeDocs(ctx, [{ doc: obj, source: '' }], { mode: 'create', dryRun });
}
