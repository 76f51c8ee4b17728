/**
 * `kubectl create -f`: creates each object in the given manifests.
 */
import { RECORD_FLAG } from '../shared/record.js';
import type { CommandDef } from '../types.js';
import { hasManifestSource, kustomizeFlag } from '../shared/kustomize-source.js';
import { writeManifestFiles } from '../shared/write.js';
import { UsageError } from '../../api/errors.js';
import { MUTATION_OUTPUT_FLAGS } from '../shared/mutation-output.js';

export const command: CommandDef = {
  use: 'create -f FILENAME',
  short: 'Create a resource from a file or from stdin.',
  examples: '  # Create a pod using the data in pod.json\n  kubesim create -f ./pod.json',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'Filename, directory, or URL to files to use to create the resource' },
    kustomizeFlag('the'),
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively.' },
    RECORD_FLAG,
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
    serviceaccount: () => import('./serviceaccount.js'),
    sa: () => import('./serviceaccount.js'),
    role: () => import('./role.js'),
    clusterrole: () => import('./clusterrole.js'),
    rolebinding: () => import('./rolebinding.js'),
    clusterrolebinding: () => import('./clusterrolebinding.js'),
    ingress: () => import('./ingress.js'),
    ing: () => import('./ingress.js'),
    poddisruptionbudget: () => import('./poddisruptionbudget.js'),
    pdb: () => import('./poddisruptionbudget.js'),
    quota: () => import('./quota.js'),
    resourcequota: () => import('./quota.js'),
    priorityclass: () => import('./priorityclass.js'),
    pc: () => import('./priorityclass.js'),
  },
  async run(ctx, parsed) {
    if (parsed.args.length > 0) throw new UsageError(`Unexpected args: [${parsed.args.join(' ')}]`, true);
    if (!hasManifestSource(ctx.flags)) throw new UsageError('must specify one of -f and -k');
    return writeManifestFiles(ctx, parsed, 'create');
  },
};
