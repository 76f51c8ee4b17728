/**
 * `kubectl create job NAME --image=IMAGE [-- COMMAND...]` and
 * `kubectl create job NAME --from=cronjob/NAME`.
 */
import type { CommandDef } from '../types.js';
import { UsageError, notFound } from '../../api/errors.js';
import { resolveType } from '../shared/targets.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS } from '../shared/generated.js';
import { generateJobFromCronJob } from './batch-generators.js';
import { generateJob } from '../../printers/generators.js';

export const command: CommandDef = {
  use: 'create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  short: 'Create a job with the specified name.',
  examples: [
    '  # Create a job',
    '  kubesim create job my-job --image=busybox',
    '',
    '  # Create a job with a command',
    '  kubesim create job my-job --image=busybox -- date',
    '',
    '  # Create a job from a cron job named "a-cronjob"',
    '  kubesim create job test-job --from=cronjob/a-cronjob',
  ].join('\n'),
  flags: [
    { name: 'image', type: 'string', default: '', help: 'Image name to run.' },
    { name: 'from', type: 'string', default: '', help: 'The name of the resource to create a Job from (only cronjob is supported).' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const name = parsed.args[0];
    if (parsed.args.length !== 1) throw new UsageError(`exactly one NAME is required, got ${parsed.args.length}`, true);
    const image: string = ctx.flags.image;
    const from: string = ctx.flags.from;
    // kubectl rejects both flags together with the same message as neither.
    if (!image === !from) throw new UsageError('either --image or --from must be specified');
    if (from && parsed.dashArgs.length > 0) throw new UsageError('cannot specify --from and command');
    const namespace = explicitNamespace(ctx);
    if (image) return emitGenerated(ctx, generateJob({ name, image, command: parsed.dashArgs, namespace }), { failurePrefix: 'failed to create job: ' });

    const slash = from.indexOf('/');
    if (slash < 0) throw new UsageError(`from must be of the form <resource>/<name>, got "${from}"`);
    const { info } = resolveType(from.slice(0, slash));
    if (info.resource !== 'cronjobs') throw new UsageError(`unknown object type ${info.kind}`);
    const cluster = ctx.cluster();
    const cj = cluster.store.get('cronjobs', ctx.namespace, from.slice(slash + 1));
    if (!cj) throw notFound('cronjobs.batch', from.slice(slash + 1));
    return emitGenerated(ctx, generateJobFromCronJob(name, cj, namespace), { failurePrefix: 'failed to create job: ' });
  },
};
