/**
 * `kubesim node fail NAME`: the node's kubelet stops reporting. The node
 * turns NotReady, gets the unreachable taints, and after the pods' 300 s
 * toleration runs out they are marked for deletion and replaced elsewhere.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { setNodeHealth } from './health.js';

export const command: CommandDef = {
  use: 'node fail NAME',
  short: 'Make a node stop reporting (NotReady).',
  flags: [],
  run(ctx, parsed) {
    const name = parsed.args[0];
    if (!name) throw new UsageError('a node name is required', true);
    const changed = setNodeHealth(ctx.cluster(), name, false);
    ctx.io.out(`node/${name} ${changed ? 'failed' : 'already failed'}\n`);
    ctx.settle();
  },
};
