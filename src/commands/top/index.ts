/**
 * `kubesim top pod|node`: resource usage as kubectl shows metrics-server's
 * figures, from the simulated metrics.
 */
import type { CommandDef } from '../types.js';

const pod = async () => import('./pod.js');
const node = async () => import('./node.js');

export const command: CommandDef = {
  use: 'top (node|pod)',
  short: 'Display resource (CPU/memory) usage',
  long: 'Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.',
  flags: [],
  subcommands: { node, pod, nodes: node, no: node, pods: pod, po: pod },
};
