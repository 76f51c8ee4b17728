/**
 * `kubectl rollout restart`: see toggle.ts for the shared behaviour.
 */
import type { CommandDef } from '../types.js';
import { RESOURCE_FLAGS } from './common.js';
import { runToggle } from './toggle.js';

export const command: CommandDef = {
  use: 'rollout restart RESOURCE',
  short: 'Restart a resource.',
  examples: '  kubesim rollout restart deployment/nginx',
  flags: [...RESOURCE_FLAGS],
  run: (ctx, parsed) => runToggle(ctx, parsed, 'restart'),
};
