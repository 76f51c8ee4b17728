/**
 * `kubectl set serviceaccount`: sets the pod template's serviceAccountName.
 */
import type { CommandDef } from '../types.js';
import { UsageError } from '../../api/errors.js';
import { podSpecOf } from './pod-template.js';
import { runSet, SET_FLAGS } from './run-set.js';
import { displayName } from '../shared/resolve.js';

export const command: CommandDef = {
  use: 'set serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT',
  short: 'Update the service account of a resource.',
  examples:
    "  # Set deployment nginx-deployment's service account to serviceaccount1\n  kubesim set serviceaccount deployment nginx-deployment serviceaccount1\n\n  # Print the result (in YAML format) of updated nginx deployment with the service account from local file, without hitting the API server\n  kubesim set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml",
  flags: [...SET_FLAGS],
  async run(ctx, parsed) {
    const args = [...parsed.args];
    const account = args.pop();
    if (account === undefined || (args.length === 0 && ctx.flags.filename.length === 0)) {
      throw new UsageError('serviceaccount is required', true);
    }
    return runSet(ctx, parsed, args, {
      operation: 'serviceaccount updated',
      mutate(item) {
        const spec = podSpecOf(item.info.resource, item.obj);
        if (!spec) throw new UsageError(`${displayName(item)} has no pod template, so its service account cannot be set`);
        spec.serviceAccountName = account;
      },
    });
  },
};
