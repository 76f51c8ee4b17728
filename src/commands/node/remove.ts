/**
 * `kubesim node remove NAME`: a machine leaves the cluster. Its Node object
 * is deleted, its pods go with it, and their controllers react.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { deleteObject } from '../../engine/delete.js';

export const command: CommandDef = {
  use: 'node remove NAME',
  short: 'Remove a node from the simulated cluster.',
  flags: [],
  run(ctx, parsed) {
    const name = parsed.args[0];
    if (!name) throw new UsageError('a node name is required', true);
    const cluster = ctx.cluster();
    deleteObject(cluster.store, 'nodes', '', name);
    ctx.io.out(`node/${name} removed\n`);
    ctx.settle();
  },
};
