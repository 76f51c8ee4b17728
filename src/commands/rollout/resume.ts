/**
 * `kubectl rollout resume`: see toggle.ts for the shared behaviour.
 */
import type { CommandDef } from '../types.js';
import { RESOURCE_FLAGS } from './common.js';
import { runToggle } from './toggle.js';

export const command: CommandDef = {
  use: 'rollout resume RESOURCE',
  short: 'Resume a paused resource.',
  examples: '  kubesim rollout resume deployment/nginx',
  flags: [...RESOURCE_FLAGS],
  run: (ctx, parsed) => runToggle(ctx, parsed, 'resume'),
};
