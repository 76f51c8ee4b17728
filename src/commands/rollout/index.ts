/**
 * `kubectl rollout`: manage the rollout of Deployments (and, through the
 * registry, other workload kinds).
 */
import type { CommandDef } from '../types.js';

export const command: CommandDef = {
  use: 'rollout SUBCOMMAND',
  short: 'Manage the rollout of a resource.',
  long: 'Manage the rollout of one or many resources.\n\n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
  flags: [],
  groupHelpStream: 'stdout',
  subcommands: {
    history: () => import('./history.js'),
    pause: () => import('./pause.js'),
    restart: () => import('./restart.js'),
    resume: () => import('./resume.js'),
    status: () => import('./status.js'),
    undo: () => import('./undo.js'),
  },
};
