/**
 * `kubectl rollout pause`: see toggle.ts for the shared behaviour.
 */
import type { CommandDef } from '../types.js';
import { RESOURCE_FLAGS } from './common.js';
import { runToggle } from './toggle.js';

export const command: CommandDef = {
  use: 'rollout pause RESOURCE',
  short: 'Mark the provided resource as paused.',
  examples: '  kubesim rollout pause deployment/nginx',
  flags: [...RESOURCE_FLAGS],
  run: (ctx, parsed) => runToggle(ctx, parsed, 'pause'),
};
