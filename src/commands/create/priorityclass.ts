/**
 * `kubectl create priorityclass NAME --value=VALUE [--global-default] [--description] [--preemption-policy]`.
 */
import type { CommandDef } from '../types.js';
import { generatePriorityClass } from './builtin-generators.js';
import { emitGenerated, GENERATOR_FLAGS, requireName } from '../shared/generated.js';

export const command: CommandDef = {
  use: 'create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]',
  short: 'Create a priority class with the specified name.',
  long: 'Create a priority class with the specified name, value, globalDefault and description.',
  examples:
    '  # Create a priority class named high-priority\n  kubesim create priorityclass high-priority --value=1000 --description="high priority"\n  \n  # Create a priority class named default-priority that is considered as the global default priority\n  kubesim create priorityclass default-priority --value=1000 --global-default=true --description="default priority"\n  \n  # Create a priority class named high-priority that cannot preempt pods with lower priority\n  kubesim create priorityclass high-priority --value=1000 --description="high priority" --preemption-policy="Never"',
  flags: [
    { name: 'value', type: 'int', default: 0, help: 'the value of this priority class.' },
    { name: 'global-default', type: 'bool', default: false, help: 'global-default specifies whether this PriorityClass should be considered as the default priority.' },
    { name: 'description', type: 'string', default: '', help: 'description is an arbitrary string that usually provides guidelines on when this priority class should be used.' },
    { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority', help: 'preemption-policy is the policy for preempting pods with lower priority.' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    const obj = generatePriorityClass(requireName(parsed.args), f.value, f['global-default'], f.description, f['preemption-policy']);
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create priorityclass: ' });
  },
};
