/**
 * `kubectl create namespace NAME`.
 */
import type { CommandDef } from '../types.js';
import { generateNamespace } from '../../printers/generators.js';
import { emitGenerated, GENERATOR_FLAGS, requireName } from '../shared/generated.js';

export const command: CommandDef = {
  use: 'create namespace NAME [--dry-run=server|client|none]',
  short: 'Create a namespace with the specified name.',
  examples: '  # Create a new namespace named my-namespace\n  kubesim create namespace my-namespace',
  flags: [...GENERATOR_FLAGS],
  run(ctx, parsed) {
    return emitGenerated(ctx, generateNamespace(requireName(parsed.args)));
  },
};
