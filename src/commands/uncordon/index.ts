/** `kubectl uncordon NODE`: marks a node schedulable again. */
import type { CommandDef } from '../types.js';
import { SELECTOR_FLAG, selectNodes, setUnschedulable } from '../cordon/set-unschedulable.js';

export const command: CommandDef = {
  use: 'uncordon NODE',
  short: 'Mark node as schedulable',
  examples: '  # Mark node "foo" as schedulable\n  kubesim uncordon foo',
  flags: [SELECTOR_FLAG],
  run(ctx, parsed) {
    setUnschedulable(ctx, selectNodes(ctx, parsed.args), false);
  },
};
