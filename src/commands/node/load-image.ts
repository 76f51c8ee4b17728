/**
 * `kubesim node load-image IMAGE`: puts an image on nodes, as `docker load`
 * or `docker tag` on each node does, so pods using it start without a pull.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { loadImageOnNode } from '../../kubelet/node-ops.js';

export const command: CommandDef = {
  use: 'node load-image IMAGE [--node NAME]...',
  short: 'Put an image on nodes, as docker load or docker tag on each node does.',
  flags: [
    { name: 'node', type: 'stringArray', default: [], help: 'Node to load the image onto (repeatable; default: every node).' },
  ],
  run(ctx, parsed) {
    const image = parsed.args[0];
    if (!image) throw new UsageError('an image is required, for example perl:5.36.0', true);
    const cluster = ctx.cluster();
    const store = cluster.store;
    const requested: string[] = ctx.flags.node;
    const names = requested.length > 0 ? requested : store.list('nodes').map((n) => n.metadata.name);
    for (const name of names) {
      if (!store.get('nodes', '', name)) throw new UsageError(`node "${name}" not found`);
    }
    const loaded = store.tx(() => names.map((name) => [name, loadImageOnNode(store, name, image)] as const));
    for (const [name, added] of loaded) {
      ctx.io.out(added ? `image "${image}" loaded on node ${name}\n` : `image "${image}" already present on node ${name}\n`);
    }
    ctx.settle();
  },
};
