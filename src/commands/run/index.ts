/**
 * `kubectl run NAME --image=IMAGE [--port] [--labels] [--env] [--restart]
 * [--command] -- [COMMAND] [args...]`: creates one Pod.
 */
import type { CommandDef } from '../types.js';
import { generateRunPod } from '../../printers/generators.js';
import { FlagError, RequiredFlagError, UsageError } from '../../api/errors.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS } from '../shared/generated.js';
import { isImageReference } from '../../images/reference-format.js';
import { legacyGenerator, legacyObject, legacyWarning } from './legacy.js';
import { generateExposeService } from '../../printers/generators.js';

const LEGACY_GENERATORS = ['run-pod/v1', 'deployment/apps.v1', 'job/v1'];

const RESTART = ['Always', 'OnFailure', 'Never'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

export const command: CommandDef = {
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  short: 'Create and run a particular image in a pod.',
  examples: '  # Start a nginx pod\n  kubesim run nginx --image=nginx\n\n  # Start a hazelcast pod and let the container expose port 5701\n  kubesim run hazelcast --image=hazelcast/hazelcast --port=5701\n\n  # Start a busybox pod and keep it in the foreground, don\'t restart it if it exits\n  kubesim run busybox --image=busybox --restart=Never -- sleep 3600',
  flags: [
    { name: 'image', type: 'string', default: '', help: 'The image for the container to run.' },
    { name: 'port', type: 'string', default: '', help: 'The port that this container exposes.' },
    { name: 'labels', short: 'l', type: 'string', default: '', help: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'env', type: 'stringArray', default: [], help: 'Environment variables to set in the container.' },
    { name: 'restart', type: 'string', default: 'Always', help: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'command', type: 'bool', default: false, help: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'image-pull-policy', type: 'string', default: '', help: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.' },
    { name: 'annotations', type: 'stringArray', default: [], help: 'Annotations to apply to the pod.' },
    { name: 'expose', type: 'bool', default: false, help: "If true, create a ClusterIP service associated with the pod.  Requires `--port`." },
    { name: 'generator', type: 'string', default: '', help: 'The name of the API generator to use (clusters before 1.18 only).', hidden: true },
    ...GENERATOR_FLAGS.map((f) => (f.name === 'field-manager' ? { ...f, default: 'kubectl-run' } : f)),
  ],
  run(ctx, parsed) {
    // cobra checks required flags before kubectl's Run checks the NAME argument.
    if (!ctx.parsed.set.has('image')) throw new RequiredFlagError(['image']);
    if (parsed.args.length === 0) throw new UsageError('NAME is required for run', true);
    const name = parsed.args[0];
    // Arguments after NAME, before or after `--`, become the container's arguments (or command).
    const containerArgs = [...parsed.args.slice(1), ...parsed.dashArgs];
    const flags = ctx.flags;
    // kubectl's Run checks the image, then --expose, the restart and pull policies, and last the generator's flags.
    if (!flags.image) throw new UsageError('--image is required');
    if (!isImageReference(flags.image)) throw new UsageError(`Invalid image name ${JSON.stringify(flags.image)}: invalid reference format`);
    if (flags.expose && flags.port === '') throw new UsageError('--port must be set when exposing a service', true);
    if (!RESTART.includes(flags.restart)) throw new UsageError(`invalid restart policy: ${flags.restart}`, true);
    if (flags['image-pull-policy'] && !PULL_POLICIES.includes(flags['image-pull-policy'])) {
      throw new UsageError(`invalid image pull policy: ${flags['image-pull-policy']}`, true);
    }
    let obj;
    try {
      obj = generateRunPod({
        name,
        image: flags.image,
        port: flags.port,
        labels: flags.labels || undefined,
        env: flags.env,
        annotations: flags.annotations,
        restart: flags.restart,
        command: flags.command,
        args: containerArgs,
        namespace: explicitNamespace(ctx),
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (flags['image-pull-policy']) obj.spec.containers[0].imagePullPolicy = flags['image-pull-policy'];
    if (ctx.cluster().settings.version < 118) {
      if (flags.generator && !LEGACY_GENERATORS.includes(flags.generator)) throw new UsageError(`generator "${flags.generator}" not found`);
      const generator = legacyGenerator(flags.restart, flags.generator);
      if (generator !== 'run-pod/v1') {
        ctx.io.err(legacyWarning(generator));
        return emitGenerated(ctx, legacyObject(obj, generator));
      }
    } else if (flags.generator) {
      throw new FlagError('unknown flag: --generator');
    }
    if (flags.expose) {
      const service = generateExposeService({ source: obj, port: flags.port, namespace: explicitNamespace(ctx) });
      emitGenerated(ctx, service);
      // kubectl 1.32 writes two separator lines between the Service and the Pod.
      if (ctx.flags.output === 'yaml') ctx.io.out('---\n---\n');
    }
    return emitGenerated(ctx, obj);
  },
};
