/**
 * `kubesim node add NAME`: a machine joins the cluster, Ready at once, with
 * its own pod CIDR; DaemonSets put their pods on it and the scheduler may
 * use it.
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import { UsageError } from '../../api/errors.js';
import { buildNode } from '../../engine/bootstrap.js';
import { isoTime } from '../../store/store.js';
import { parseTaintSpecs } from '../taint/spec.js';

/** Returns the next unused node index (pod CIDR 10.244.<index>.0/24, address 192.168.192.<129+index>). */
export function nextNodeIndex(nodes: KObject[]): number {
  let max = -1;
  for (const n of nodes) {
    const m = /^10\.244\.(\d+)\./.exec(n.spec?.podCIDR ?? '');
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UsageError(`invalid label "${part}": expected key=value`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

export const command: CommandDef = {
  use: 'node add NAME [--cpu N] [--memory Q] [--labels k=v,...] [--taints k=v:Effect,...] [--control-plane]',
  short: 'Add a node to the simulated cluster.',
  flags: [
    { name: 'cpu', type: 'string', default: '4', help: 'CPU capacity of the node.' },
    { name: 'memory', type: 'string', default: '8008812Ki', help: 'Memory capacity of the node.' },
    { name: 'labels', type: 'string', default: '', help: 'Comma-separated labels (key=value) for the node.' },
    { name: 'taints', type: 'string', default: '', help: 'Comma-separated taints (key=value:Effect) for the node.' },
    { name: 'control-plane', type: 'bool', default: false, help: 'Make it a control-plane node (labelled and tainted as kubeadm does).' },
  ],
  run(ctx, parsed) {
    const name = parsed.args[0];
    if (!name) throw new UsageError('a node name is required', true);
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) throw new UsageError(`invalid node name "${name}": must be a lowercase RFC 1123 subdomain`);
    const taints = ctx.flags.taints ? parseTaintSpecs(String(ctx.flags.taints).split(',')).add : [];
    const cluster = ctx.cluster();
    const store = cluster.store;
    store.tx(() => {
      const node = buildNode(
        {
          name,
          index: nextNodeIndex(store.list('nodes')),
          controlPlane: ctx.flags['control-plane'],
          cpu: ctx.flags.cpu,
          memory: ctx.flags.memory,
          labels: parseLabels(ctx.flags.labels),
          taints,
        },
        cluster.settings,
        isoTime(cluster.simNow),
      );
      store.create('nodes', node);
    });
    ctx.io.out(`node/${name} added\n`);
    ctx.settle();
  },
};
