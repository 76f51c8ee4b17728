/**
 * The shared body of `rollout pause`, `resume` and `restart`: each changes
 * the object through its kind's registry entry and prints kubectl's word.
 */
import type { Parsed } from '../../cli/flags.js';
import type { CommandContext } from '../context.js';
import type { KObject } from '../../api/types.js';
import { reportError } from '../../cli/errors.js';
import { displayName, errorName } from '../shared/resolve.js';
import { rolloutTargets, supportFor } from './common.js';

export type ToggleAction = 'pause' | 'resume' | 'restart';

const DONE: Record<ToggleAction, string> = { pause: 'paused', resume: 'resumed', restart: 'restarted' };

/** Applies `action` to every target; returns the exit code. */
export async function runToggle(ctx: CommandContext, parsed: Parsed, action: ToggleAction): Promise<number> {
  const { items, errors } = await rolloutTargets(ctx, parsed);
  if (items.length === 0 && errors.length === 0) {
    ctx.io.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  let code = 0;
  for (const e of errors) code = reportError(e, ctx.io, ctx.path);
  const cluster = ctx.cluster();
  for (const item of items) {
    try {
      const impl = supportFor(item, action) as (obj: KObject, now: number) => KObject;
      let changed: KObject;
      try {
        changed = impl(item.obj, cluster.clockNow());
      } catch (err) {
        throw new Error(`${errorName(item)} ${(err as Error).message}`);
      }
      if (action === 'restart' && JSON.stringify(changed) === JSON.stringify(item.obj)) {
        throw new Error(`failed to create patch for ${item.obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
      }
      cluster.store.update(item.info.resource, changed);
      ctx.io.out(`${displayName(item)} ${DONE[action]}\n`);
    } catch (err) {
      code = reportError(err, ctx.io, ctx.path);
    }
  }
  ctx.settle();
  return code;
}
