/**
 * `kubesim node load-image|reboot`: what happens on a node's host rather
 * than through the API.
 */
import type { CommandDef } from '../types.js';

export const command: CommandDef = {
  use: 'node (load-image IMAGE | reboot NAME)',
  short: 'Load images onto nodes and reboot nodes.',
  flags: [],
  subcommands: {
    'load-image': () => import('./load-image.js'),
    reboot: () => import('./reboot.js'),
  },
};
