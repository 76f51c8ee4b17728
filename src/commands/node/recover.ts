/**
 * `kubesim node recover NAME`: the node's kubelet reports again. The node
 * turns Ready, loses the unreachable taints, and finishes whatever its pods
 * were doing (pods marked for deletion meanwhile are removed).
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { setNodeHealth } from './health.js';

export const command: CommandDef = {
  use: 'node recover NAME',
  short: 'Make a failed node report Ready again.',
  flags: [],
  run(ctx, parsed) {
    const name = parsed.args[0];
    if (!name) throw new UsageError('a node name is required', true);
    const changed = setNodeHealth(ctx.cluster(), name, true);
    ctx.io.out(`node/${name} ${changed ? 'recovered' : 'already ready'}\n`);
    ctx.settle();
  },
};
