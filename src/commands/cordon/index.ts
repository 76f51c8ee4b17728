/** `kubectl cordon NODE`: marks a node unschedulable. */
import type { CommandDef } from '../types.js';
import { SELECTOR_FLAG, selectNodes, setUnschedulable } from './set-unschedulable.js';

export const command: CommandDef = {
  use: 'cordon NODE',
  short: 'Mark node as unschedulable',
  examples: '  # Mark node "foo" as unschedulable\n  kubesim cordon foo',
  flags: [SELECTOR_FLAG],
  run(ctx, parsed) {
    setUnschedulable(ctx, selectNodes(ctx, parsed.args), true);
  },
};
