/**
 * `kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2]`.
 */
import type { CommandDef } from '../types.js';
import { generateQuota } from './builtin-generators.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';

export const command: CommandDef = {
  use: 'create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]',
  short: 'Create a quota with the specified name.',
  long: 'Create a resource quota with the specified name, hard limits, and optional scopes.',
  examples:
    '  # Create a new resource quota named my-quota\n  kubesim create quota my-quota --hard=cpu=1,memory=1G,pods=2,services=3,replicationcontrollers=2,resourcequotas=1,secrets=5,persistentvolumeclaims=10\n  \n  # Create a new resource quota named best-effort\n  kubesim create quota best-effort --hard=pods=100 --scopes=BestEffort',
  flags: [
    { name: 'hard', type: 'string', default: '', help: 'A comma-delimited set of resource=quantity pairs that define a hard limit.' },
    { name: 'scopes', type: 'string', default: '', help: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const obj = generateQuota(requireName(parsed.args), ctx.flags.hard, ctx.flags.scopes, explicitNamespace(ctx));
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create quota: ' });
  },
};
