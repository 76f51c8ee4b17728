/**
 * `kubesim node load-image|reboot`: what happens on a node's host rather
 * than through the API. `load-image` is `docker load`/`docker tag` on the
 * nodes. `reboot` restarts a node, so its pods' containers come back with
 * their restart counts one higher and new pod IPs.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { loadImageOnNode, rebootNode } from '../../kubelet/node-ops.js';

const loadImage: CommandDef = {
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
    const wanted: string[] = ctx.flags.node;
    const names = wanted.length > 0 ? wanted : store.list('nodes').map((n) => n.metadata.name);
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

const reboot: CommandDef = {
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

export const command: CommandDef = {
  use: 'node (load-image IMAGE | reboot NAME)',
  short: 'Load images onto nodes and reboot nodes.',
  flags: [],
  subcommands: {
    'load-image': async () => ({ command: loadImage }),
    reboot: async () => ({ command: reboot }),
  },
};
