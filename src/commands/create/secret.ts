/**
 * `kubectl create secret`: the generic, tls and docker-registry subcommands.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { generateSecretGeneric } from '../../printers/generators.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { fileLiterals, splitList } from './from-sources.js';
import { envFileLiterals } from './env-file.js';
import { appendContentHash } from './name-hash.js';

/** The `--append-hash` flag of every secret subcommand. */
export const APPEND_HASH_FLAG = { name: 'append-hash', type: 'bool', default: false, help: 'Append a hash of the secret to its name.' } as const;

/** kubectl's Validate step for the data sources of configmaps and generic secrets. */
export function checkEnvFileAlone(envFiles: string[], files: string[], literals: string[]): void {
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) throw new UsageError('from-env-file cannot be combined with from-file or from-literal');
}

const generic: CommandDef = {
  use: 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  short: 'Create a secret from a local file, directory, or literal value.',
  examples:
    "  # Create a new secret named my-secret with key1=supersecret and key2=topsecret\n  kubesim create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret\n\n  # Create a new secret named my-secret from env files\n  kubesim create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env",
  flags: [
    APPEND_HASH_FLAG,
    { name: 'from-env-file', type: 'stringArray', default: [], help: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
    { name: 'from-file', type: 'stringArray', default: [], help: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.' },
    { name: 'from-literal', type: 'stringArray', default: [], help: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
    { name: 'type', type: 'string', default: '', help: 'The type of secret to create' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const files = splitList(ctx.flags['from-file']);
    const envFiles = splitList(ctx.flags['from-env-file']);
    checkEnvFileAlone(envFiles, files, ctx.flags['from-literal']);

    const literals = [...fileLiterals(files), ...ctx.flags['from-literal'], ...envFileLiterals(envFiles, 'secret')];
    const obj = generateSecretGeneric(name, literals, explicitNamespace(ctx), ctx.flags.type || undefined);
    if (ctx.flags['append-hash']) appendContentHash(obj);
    if (obj.data && Object.keys(obj.data).length === 0) delete obj.data;
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create secret ' });
  },
};

export const command: CommandDef = {
  use: 'create secret (docker-registry | generic | tls) [options]',
  short: 'Create a secret using a specified subcommand.',
  long: 'Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds TLS certificate and its associated key.',
  flags: [],
  subcommands: {
    'docker-registry': async () => ({ command: (await import('./secret-docker-registry.js')).command }),
    generic: async () => ({ command: generic }),
    tls: async () => ({ command: (await import('./secret-tls.js')).command }),
  },
};
