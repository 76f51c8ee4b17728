/**
 * `kubesim node add|remove|fail|recover|reboot|load-image`: the simulator's verbs for the
 * machines themselves, which kubectl cannot do: a node joining or leaving
 * the cluster, and a node whose kubelet stops reporting and comes back.
 */
import type { CommandDef } from '../types.js';

export const command: CommandDef = {
  use: 'node (add|remove|fail|recover) NAME',
  short: 'Add, remove, fail or recover a simulated node.',
  examples:
    '  # A third worker joins\n  kubesim node add k8s-node03\n\n  # Its kubelet stops reporting; pods are evicted after 5 minutes\n  kubesim node fail k8s-node03\n\n  # It leaves the cluster\n  kubesim node remove k8s-node03',
  flags: [],
  subcommands: {
    add: () => import('./add.js'),
    remove: () => import('./remove.js'),
    fail: () => import('./fail.js'),
    recover: () => import('./recover.js'),
    'load-image': () => import('./load-image.js'),
    reboot: () => import('./reboot.js'),
  },
};
