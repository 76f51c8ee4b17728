/**
 * `kubesim node reboot NAME`: restarts a node's machine. Its pods' running
 * containers come back with their restart counts one higher and new pod IPs.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { rebootNode } from '../../kubelet/node-ops.js';

export const command: CommandDef = {
  use: 'node reboot NAME',
  short: "Reboot a node: its pods' containers restart and the pods get new IPs.",
  flags: [],
  run(ctx, parsed) {
    const name = parsed.args[0];
    if (!name) throw new UsageError('a node name is required', true);
    const cluster = ctx.cluster();
    if (!cluster.store.get('nodes', '', name)) throw new UsageError(`node "${name}" not found`);
    const restarted = cluster.store.tx(() => rebootNode(cluster.store, name, cluster.simNow, cluster.settings));
    ctx.io.out(`node "${name}" rebooted (${restarted.length} ${restarted.length === 1 ? 'pod' : 'pods'} restarted)\n`);
    ctx.settle();
  },
};
