/**
 * `kubectl create secret`: the generic subcommand.
 */
import type { CommandDef } from '../types.js';
import { generateSecretGeneric } from '../../printers/generators.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { fileLiterals, splitList } from './from-sources.js';

const generic: CommandDef = {
  use: 'create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  short: 'Create a secret from a local file, directory, or literal value.',
  examples: "  # Create a new secret named my-secret with key1=supersecret and key2=topsecret\n  kubesim create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret",
  flags: [
    { name: 'from-file', type: 'stringArray', default: [], help: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.' },
    { name: 'from-literal', type: 'stringArray', default: [], help: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
    { name: 'type', type: 'string', default: '', help: 'The type of secret to create' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const literals = [...fileLiterals(splitList(ctx.flags['from-file'])), ...ctx.flags['from-literal']];
    const obj = generateSecretGeneric(name, literals, explicitNamespace(ctx), ctx.flags.type || undefined);
    if (obj.data && Object.keys(obj.data).length === 0) delete obj.data;
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create secret ' });
  },
};

export const command: CommandDef = {
  use: 'create secret (docker-registry | generic | tls) [options]',
  short: 'Create a secret using a specified subcommand.',
  flags: [],
  subcommands: {
    generic: async () => ({ command: generic }),
  },
};
