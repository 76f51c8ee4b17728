/**
 * `kubectl auth`: inspect authorization. kubesim has no RBAC, so its
 * subcommands return what a kubeadm cluster returns for its admin user.
 */
import type { CommandDef } from '../types.js';

export const command: CommandDef = {
  use: 'auth [flags]',
  short: 'Inspect authorization.',
  long: 'Inspect authorization.',
  flags: [],
  subcommands: {
    'can-i': () => import('./can-i.js'),
    whoami: () => import('./whoami.js'),
  },
};
