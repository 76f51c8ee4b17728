/**
 * `kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N|--max-unavailable=N`.
 */
import type { CommandDef } from '../types.js';
import { generatePodDisruptionBudget } from './builtin-generators.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';

export const command: CommandDef = {
  use: 'create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]',
  short: 'Create a pod disruption budget with the specified name.',
  long: 'Create a pod disruption budget with the specified name, selector, and desired minimum available pods.',
  examples:
    '  # Create a pod disruption budget named my-pdb that will select all pods with the app=rails label\n  # and require at least one of them being available at any point in time\n  kubesim create poddisruptionbudget my-pdb --selector=app=rails --min-available=1\n  \n  # Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label\n  # and require at least half of the pods selected to be available at any point in time\n  kubesim create pdb my-pdb --selector=app=nginx --min-available=50%',
  flags: [
    { name: 'min-available', type: 'string', default: '', help: 'The minimum number or percentage of available pods this budget requires.' },
    { name: 'max-unavailable', type: 'string', default: '', help: 'The maximum number or percentage of unavailable pods this budget requires.' },
    { name: 'selector', type: 'string', default: '', help: 'A label selector to use for this budget. Only equality-based selector requirements are supported.' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    const obj = generatePodDisruptionBudget(requireName(parsed.args), f.selector, f['min-available'], f['max-unavailable'], explicitNamespace(ctx));
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create poddisruptionbudgets: ' });
  },
};
