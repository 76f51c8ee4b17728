/**
 * `kubectl create service`: the clusterip, externalname, loadbalancer and nodeport subcommands.
 */
import type { CommandDef } from '../types.js';

export const command: CommandDef = {
  use: 'create service [flags]',
  short: 'Create a service using a specified subcommand.',
  flags: [],
  subcommands: {
    clusterip: () => import('./service-type.js').then((m) => ({ command: m.clusterIP })),
    externalname: () => import('./service-type.js').then((m) => ({ command: m.externalName })),
    loadbalancer: () => import('./service-type.js').then((m) => ({ command: m.loadBalancer })),
    nodeport: () => import('./service-type.js').then((m) => ({ command: m.nodePort })),
  },
};
