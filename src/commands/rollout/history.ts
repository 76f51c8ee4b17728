/**
 * `kubectl rollout history`: the revisions and their change-cause, or one
 * revision's pod template with `--revision`.
 */
import type { CommandDef } from '../types.js';
import { reportError } from '../../cli/errors.js';
import { displayName } from '../shared/resolve.js';
import { RESOURCE_FLAGS, rolloutTargets, supportFor } from './common.js';

export const command: CommandDef = {
  use: 'rollout history (TYPE NAME | TYPE/NAME) [flags]',
  short: 'View rollout history.',
  examples: '  # View the rollout history of a deployment\n  kubesim rollout history deployment/abc\n\n  # View the details of daemonset revision 3\n  kubesim rollout history daemonset/abc --revision=3',
  flags: [...RESOURCE_FLAGS, { name: 'revision', type: 'int', default: 0, help: 'See the details, including podTemplate of the revision specified' }],
  async run(ctx, parsed) {
    if (ctx.flags.revision < 0) throw new Error(`revision must be a positive integer: ${ctx.flags.revision}`);
    const { items, errors } = await rolloutTargets(ctx, parsed);
    let code = 0;
    for (const e of errors) code = reportError(e, ctx.io, ctx.path);
    const cluster = ctx.cluster();
    for (const item of items) {
      try {
        const text = supportFor(item, 'history')(cluster, item.obj, ctx.flags.revision);
        const head = ctx.flags.revision > 0 ? `${displayName(item)} with revision #${ctx.flags.revision}` : `${displayName(item)} `;
        ctx.io.out(`${head}\n${text}\n`);
      } catch (err) {
        code = reportError(err, ctx.io, ctx.path);
      }
    }
    return code;
  },
};
