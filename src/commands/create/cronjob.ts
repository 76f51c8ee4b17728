/**
 * `kubectl create cronjob NAME --image=IMAGE --schedule='0/5 * * * ?' [-- COMMAND...]`.
 */
import type { CommandDef } from '../types.js';
import { RequiredFlagError, UsageError } from '../../api/errors.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS } from '../shared/generated.js';
import { generateCronJob } from '../../printers/generators.js';

export const command: CommandDef = {
  use: 'create cronjob NAME --image=image --schedule=\'0/5 * * * ?\' -- [COMMAND] [args...]',
  short: 'Create a cron job with the specified name.',
  examples: [
    '  # Create a cron job',
    '  kubesim create cronjob my-job --image=busybox --schedule="*/1 * * * *"',
    '',
    '  # Create a cron job with a command',
    '  kubesim create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date',
  ].join('\n'),
  flags: [
    { name: 'image', type: 'string', default: '', help: 'Image name to run.' },
    { name: 'schedule', type: 'string', default: '', help: 'A schedule in the Cron format the job should be run with.' },
    { name: 'restart', type: 'string', default: 'OnFailure', help: 'job\'s restart policy. supported values: OnFailure, Never' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const missing = ['image', 'schedule'].filter((f) => !parsed.set.has(f));
    if (missing.length > 0) throw new RequiredFlagError(missing);
    const name = parsed.args[0];
    if (parsed.args.length !== 1) throw new UsageError(`exactly one NAME is required, got ${parsed.args.length}`, true);
    const restart: string = ctx.flags.restart;
    if (restart !== 'OnFailure' && restart !== 'Never') throw new UsageError(`invalid restart policy: ${restart}`);
    const cronJob = generateCronJob({ name, image: ctx.flags.image, schedule: ctx.flags.schedule, command: parsed.dashArgs, restart, namespace: explicitNamespace(ctx) });
    // Clusters before 1.21 serve CronJob only as batch/v1beta1, which kubectl of that era generated.
    if (ctx.cluster().settings.version < 121) cronJob.apiVersion = 'batch/v1beta1';
    return emitGenerated(ctx, cronJob, { failurePrefix: 'failed to create cronjob: ' });
  },
};
