/**
 * `kubectl set`: subcommands that change one aspect of existing objects.
 */
import type { CommandDef } from '../types.js';

export const command: CommandDef = {
  use: 'set SUBCOMMAND',
  short: 'Set specific features on objects.',
  long: 'Configure application resources.\n\n These commands help you make changes to existing application resources.',
  flags: [],
  subcommands: {
    image: () => import('./image.js'),
    env: () => import('./env.js'),
    resources: () => import('./resources.js'),
    selector: () => import('./selector.js'),
    serviceaccount: () => import('./serviceaccount.js'),
    sa: () => import('./serviceaccount.js'),
  },
};
