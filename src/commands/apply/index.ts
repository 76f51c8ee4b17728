/**
 * `kubectl apply -f`: creates, configures or leaves unchanged each object,
 * keeping the last-applied-configuration annotation.
 */
import type { CommandDef } from '../types.js';
import { readManifests } from '../shared/manifests.js';
import { writeDocs } from '../shared/write.js';
import { changeCause } from '../shared/record.js';
import { UsageError } from '../../api/errors.js';
import { checkMutationOutput, MUTATION_OUTPUT_FLAGS } from '../shared/mutation-output.js';
import { dryRunMode } from '../shared/generated.js';

export const command: CommandDef = {
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  short: 'Apply a configuration to a resource by file name or stdin.',
  examples: '  # Apply the configuration in pod.json to a pod\n  kubesim apply -f ./pod.json',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'The files that contain the configurations to apply.' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
    { name: 'record', type: 'bool', default: false, help: 'Record current kubectl command in the resource annotation (deprecated).' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
    ...MUTATION_OUTPUT_FLAGS,
    { name: 'server-side', type: 'bool', default: false, help: 'If true, apply runs in the server instead of the client.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', help: 'Must be one of: strict (or true), warn, ignore (or false).' },
  ],
  async run(ctx, parsed) {
    if (ctx.flags.filename.length === 0) throw new UsageError('must specify one of -f and -k');
    checkMutationOutput(ctx.flags.output);
    const dryRun = dryRunMode(ctx);
    const docs = await readManifests(ctx.flags.filename, ctx.io.stdin, ctx.flags.recursive);
    const cluster = ctx.cluster();
    if (ctx.flags.record && cluster.settings.version >= 122) ctx.io.err('Flag --record has been deprecated, --record will be removed in the future\n');
    const cause = ctx.flags.record ? changeCause(ctx.path, parsed) : undefined;
    return writeDocs(ctx, docs, {
      mode: 'apply',
      changeCause: cause,
      dryRun,
      output: ctx.flags.output,
      template: ctx.flags.template,
      allowMissingKeys: ctx.flags['allow-missing-template-keys'],
      validate: ctx.flags.validate,
    });
  },
};
