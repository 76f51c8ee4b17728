/**
 * `kubectl create serviceaccount NAME`.
 */
import type { CommandDef } from '../types.js';
import { generateServiceAccount } from './builtin-generators.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';

export const command: CommandDef = {
  use: 'create serviceaccount NAME [--dry-run=server|client|none]',
  short: 'Create a service account with the specified name.',
  examples: '  # Create a new service account named my-service-account\n  kubesim create serviceaccount my-service-account',
  flags: [...GENERATOR_FLAGS],
  run(ctx, parsed) {
    const obj = generateServiceAccount(requireName(parsed.args), explicitNamespace(ctx));
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create serviceaccount: ' });
  },
};
