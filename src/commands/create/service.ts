/**
 * `kubectl create service`: the clusterip and nodeport subcommands.
 */
import type { CommandDef } from '../types.js';

export const command: CommandDef = {
  use: 'create service [flags]',
  short: 'Create a service using a specified subcommand.',
  flags: [],
  subcommands: {
    clusterip: () => import('./service-type.js').then((m) => ({ command: m.clusterIP })),
    nodeport: () => import('./service-type.js').then((m) => ({ command: m.nodePort })),
  },
};
