/**
 * `kubectl create -f`: creates each object in the given manifests.
 */
import type { CommandDef } from '../types.js';
import { readManifests } from '../shared/manifests.js';
import { writeDocs } from '../shared/write.js';
import { changeCause } from '../shared/record.js';
import { UsageError } from '../../api/errors.js';
import { checkMutationOutput, MUTATION_OUTPUT_FLAGS } from '../shared/mutation-output.js';
import { dryRunMode } from '../shared/generated.js';

export const command: CommandDef = {
  use: 'create -f FILENAME',
  short: 'Create a resource from a file or from stdin.',
  examples: '  # Create a pod using the data in pod.json\n  kubesim create -f ./pod.json',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files to use to create the resource' },
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
    { name: 'record', type: 'bool', default: false, help: 'Record current kubectl command in the resource annotation (deprecated).' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', help: 'Must be "none", "server", or "client".' },
    ...MUTATION_OUTPUT_FLAGS,
    { name: 'save-config', type: 'bool', default: false, help: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', help: 'Must be one of: strict (or true), warn, ignore (or false).' },
  ],
  subcommands: {
    deployment: () => import('./deployment.js'),
    namespace: () => import('./namespace.js'),
    service: () => import('./service.js'),
    configmap: () => import('./configmap.js'),
    secret: () => import('./secret.js'),
    deploy: () => import('./deployment.js'),
    ns: () => import('./namespace.js'),
    svc: () => import('./service.js'),
    cm: () => import('./configmap.js'),
    job: () => import('./job.js'),
    cronjob: () => import('./cronjob.js'),
  },
  async run(ctx, parsed) {
    if (ctx.flags.filename.length === 0) {
      throw new UsageError('must specify one of -f and -k', true);
    }
    checkMutationOutput(ctx.flags.output);
    const dryRun = dryRunMode(ctx);
    const docs = await readManifests(ctx.flags.filename, ctx.io.stdin, ctx.flags.recursive);
    const cluster = ctx.cluster();
    if (ctx.flags.record && cluster.settings.version >= 122) ctx.io.err('Flag --record has been deprecated, --record will be removed in the future\n');
    const cause = ctx.flags.record ? changeCause(ctx.path, parsed) : undefined;
    return writeDocs(ctx, docs, {
      mode: 'create',
      changeCause: cause,
      dryRun,
      output: ctx.flags.output,
      template: ctx.flags.template,
      allowMissingKeys: ctx.flags['allow-missing-template-keys'],
      validate: ctx.flags.validate,
    });
  },
};
