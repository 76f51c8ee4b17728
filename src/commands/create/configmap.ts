/**
 * `kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key=value]`.
 */
import type { CommandDef } from '../types.js';
import { generateConfigMap } from '../../printers/generators.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { fileLiterals, splitList } from './from-sources.js';
import { envFileLiterals } from './env-file.js';
import { appendContentHash } from './name-hash.js';
import { checkEnvFileAlone } from './secret.js';

export const command: CommandDef = {
  use: 'create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  short: 'Create a config map from a local file, directory or literal value.',
  examples: "  # Create a new config map named my-config with key1=config1 and key2=config2\n  kubesim create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2\n\n  # Create a new config map named my-config based on folder bar\n  kubesim create configmap my-config --from-file=path/to/bar\n\n  # Create a new config map named my-config from the key=value pairs in the file\n  kubesim create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env",
  flags: [
    { name: 'append-hash', type: 'bool', default: false, help: 'Append a hash of the configmap to its name.' },
    { name: 'from-env-file', type: 'stringArray', default: [], help: 'Specify the path to a file to read lines of key=val pairs to create a configmap.' },
    { name: 'from-file', type: 'stringArray', default: [], help: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.' },
    { name: 'from-literal', type: 'stringArray', default: [], help: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const files = splitList(ctx.flags['from-file']);
    const envFiles = splitList(ctx.flags['from-env-file']);
    checkEnvFileAlone(envFiles, files, ctx.flags['from-literal']);

    const literals = [...fileLiterals(files), ...ctx.flags['from-literal'], ...envFileLiterals(envFiles, 'config')];
    const obj = generateConfigMap(name, literals, explicitNamespace(ctx));
    if (ctx.flags['append-hash']) appendContentHash(obj);
    if (obj.data && Object.keys(obj.data).length === 0) delete obj.data;
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create configmap: ' });
  },
};
