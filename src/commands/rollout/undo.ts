/**
 * `kubectl rollout undo`: restores the previous revision's template (or
 * `--to-revision`), which the controller then rolls out.
 */
import type { CommandDef } from '../types.js';
import { reportError } from '../../cli/errors.js';
import { displayName } from '../shared/resolve.js';
import { LAST_APPLIED_ANNOTATION } from '../../controllers/deployment/util.js';
import { RESOURCE_FLAGS, rolloutTargets, supportFor } from './common.js';

export const command: CommandDef = {
  use: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  short: 'Undo a previous rollout.',
  examples: '  # Roll back to the previous deployment\n  kubesim rollout undo deployment/abc\n\n  # Roll back to daemonset revision 3\n  kubesim rollout undo daemonset/abc --to-revision=3',
  flags: [
    ...RESOURCE_FLAGS,
    { name: 'to-revision', type: 'int', default: 0, help: 'The revision to rollback to. Default to 0 (last revision).' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (name).' },
  ],
  async run(ctx, parsed) {
    const { items, errors } = await rolloutTargets(ctx, parsed);
    let code = 0;
    for (const e of errors) code = reportError(e, ctx.io, ctx.path);
    const cluster = ctx.cluster();
    const dryRun = ctx.flags['dry-run'] === 'client';
    for (const item of items) {
      try {
        // kubectl 1.36 started warning that undo leaves the last-applied annotation behind.
        if (cluster.settings.version >= 136 && item.obj.metadata.annotations?.[LAST_APPLIED_ANNOTATION]) {
          ctx.warn(`resource ${item.info.resource}/${item.obj.metadata.name} was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.`);
        }
        const result = supportFor(item, 'rollback')(cluster, item.obj, ctx.flags['to-revision'], dryRun);
        ctx.io.out(`${displayName(item)} ${result}\n`);
      } catch (err) {
        code = reportError(err, ctx.io, ctx.path);
      }
    }
    ctx.settle();
    return code;
  },
};
