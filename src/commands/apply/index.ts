/**
 * `kubectl apply -f`: creates, configures or leaves unchanged each object,
 * keeping the last-applied-configuration annotation.
 */
import { RECORD_FLAG } from '../shared/record.js';
import type { CommandDef } from '../types.js';
import { hasManifestSource, kustomizeFlag } from '../shared/kustomize-source.js';
import { writeManifestFiles } from '../shared/write.js';
import { UsageError } from '../../api/errors.js';
import { MUTATION_OUTPUT_FLAGS } from '../shared/mutation-output.js';

export const command: CommandDef = {
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  short: 'Apply a configuration to a resource by file name or stdin.',
  examples: '  # Apply the configuration in pod.json to a pod\n  kubesim apply -f ./pod.json',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'The files that contain the configurations to apply.' },
    kustomizeFlag('a'),
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
    RECORD_FLAG,
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
    ...MUTATION_OUTPUT_FLAGS,
    { name: 'server-side', type: 'bool', default: false, help: 'If true, apply runs in the server instead of the client.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', help: 'Must be one of: strict (or true), warn, ignore (or false).' },
  ],
  async run(ctx, parsed) {
    if (parsed.args.length > 0) throw new UsageError(`Unexpected args: [${parsed.args.join(' ')}]`, true);
    if (!hasManifestSource(ctx.flags)) throw new UsageError('must specify one of -f and -k');
    return writeManifestFiles(ctx, parsed, 'apply');
  },
};
