/**
 * `kubectl run NAME --image=IMAGE [--port] [--labels] [--env] [--restart]
 * [--command] -- [COMMAND] [args...]`: creates one Pod, and with `-i`,
 * `-t` or `--attach` attaches to it (see attach.ts).
 */
import { changeCause, RECORD_FLAG, recordOn } from '../shared/record.js';
import type { CommandDef } from '../types.js';
import { generateRunPod } from '../../printers/generators.js';
import { FlagError, RequiredFlagError, UsageError } from '../../api/errors.js';
import type { CommandContext } from '../context.js';
import type { KObject } from '../../api/types.js';
import { createGenerated, dryRunMode, emitGenerated, explicitNamespace, GENERATOR_FLAGS } from '../shared/generated.js';
import { runAttached } from './attach.js';
import { isImageReference } from '../../images/reference-format.js';
import { legacyGenerator, legacyObject, legacyWarning } from './legacy.js';
import { applyOverrides, checkOverrideTypeFlag } from '../shared/overrides.js';
import { generateExposeService } from '../../printers/generators.js';
import { parseCascade } from '../shared/cascade.js';
import type { Propagation } from '../../engine/delete.js';

const LEGACY_GENERATORS = ['run-pod/v1', 'deployment/apps.v1', 'job/v1'];

const RESTART = ['Always', 'OnFailure', 'Never'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

export const command: CommandDef = {
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  short: 'Create and run a particular image in a pod.',
  examples: '  # Start a nginx pod\n  kubesim run nginx --image=nginx\n\n  # Start a hazelcast pod and let the container expose port 5701\n  kubesim run hazelcast --image=hazelcast/hazelcast --port=5701\n\n  # Start a busybox pod and keep it in the foreground, don\'t restart it if it exits\n  kubesim run busybox --image=busybox --restart=Never -- sleep 3600',
  flags: [
    RECORD_FLAG,
    { name: 'image', type: 'string', default: '', help: 'The image for the container to run.' },
    { name: 'port', type: 'string', default: '', help: 'The port that this container exposes.' },
    { name: 'labels', short: 'l', type: 'string', default: '', help: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'env', type: 'stringArray', default: [], help: 'Environment variables to set in the container.' },
    { name: 'restart', type: 'string', default: 'Always', help: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'command', type: 'bool', default: false, help: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'image-pull-policy', type: 'string', default: '', help: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.' },
    { name: 'annotations', type: 'stringArray', default: [], help: 'Annotations to apply to the pod.' },
    { name: 'expose', type: 'bool', default: false, help: "If true, create a ClusterIP service associated with the pod.  Requires `--port`." },
    { name: 'stdin', short: 'i', type: 'bool', default: false, help: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', default: false, help: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', type: 'bool', default: false, help: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned." },
    { name: 'leave-stdin-open', type: 'bool', default: false, help: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.' },
    { name: 'rm', type: 'bool', default: false, help: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'." },
    { name: 'quiet', short: 'q', type: 'bool', default: false, help: 'If true, suppress prompt messages.' },
    { name: 'privileged', type: 'bool', default: false, help: 'If true, run the container in privileged mode.' },
    { name: 'overrides', type: 'string', default: '', help: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'override-type', type: 'string', default: 'merge', help: 'The method used to override the generated object: json, merge, or strategic.' },
    // kubectl's run carries delete's flags for --rm but ignores all but --cascade: it always deletes without waiting, with the default grace period.
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', help: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'to use to replace the resource.' },
    { name: 'force', type: 'bool', default: false, help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'kustomize', short: 'k', type: 'string', default: '', help: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'recursive', short: 'R', type: 'bool', default: false, help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'timeout', type: 'duration', default: 0, help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'wait', type: 'bool', default: false, help: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000, help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'generator', type: 'string', default: '', help: 'The name of the API generator to use (clusters before 1.18 only).', hidden: true },
    ...GENERATOR_FLAGS.map((f) => (f.name === 'field-manager' ? { ...f, default: 'kubectl-run' } : f)),
  ],
  async run(ctx, parsed) {
    checkOverrideTypeFlag(parsed.set.has('override-type'), ctx.cluster().settings.version);
    // cobra checks required flags before kubectl's Run checks the NAME argument.
    if (!ctx.parsed.set.has('image')) throw new RequiredFlagError(['image']);
    // kubectl's Complete reads --dry-run and then the delete flags' --cascade, before Run checks anything else.
    if (ctx.flags['dry-run'] !== 'unchanged') dryRunMode(ctx);
    const propagation = parseCascade(ctx.flags.cascade, (t) => ctx.io.err(t));
    if (parsed.args.length === 0) throw new UsageError('NAME is required for run', true);
    const name = parsed.args[0];
    // Arguments after NAME, before or after `--`, become the container's arguments (or command).
    const containerArgs = [...parsed.args.slice(1), ...parsed.dashArgs];
    const flags = ctx.flags;
    // kubectl's Run checks the timeout, the image, -t, --expose, the restart policy, the attach flags, the pull policy, and last the generator's flags.
    if (flags['pod-running-timeout'] <= 0) throw new UsageError('--pod-running-timeout must be higher than zero', true);
    if (!flags.image) throw new UsageError('--image is required');
    if (!isImageReference(flags.image)) throw new UsageError(`Invalid image name ${JSON.stringify(flags.image)}: invalid reference format`);
    if (flags.tty && !flags.stdin) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', true);
    if (flags.expose && flags.port === '') throw new UsageError('--port must be set when exposing a service', true);
    if (!RESTART.includes(flags.restart)) throw new UsageError(`invalid restart policy: ${flags.restart}`, true);
    const attach: boolean = parsed.set.has('attach') ? flags.attach : flags.stdin;
    checkAttachFlags(ctx, attach);
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
    setStdinFields(obj.spec.containers[0], flags.stdin, flags.tty, flags['leave-stdin-open']);
    if (flags.privileged) obj.spec.containers[0].securityContext = { privileged: true };
    let runObject = obj;
    if (ctx.cluster().settings.version < 118) {
      if (flags.generator && !LEGACY_GENERATORS.includes(flags.generator)) throw new UsageError(`generator "${flags.generator}" not found`);
      const generator = legacyGenerator(flags.restart, flags.generator);
      if (generator !== 'run-pod/v1') {
        ctx.io.err(legacyWarning(generator));
        runObject = legacyObject(obj, generator);
      }
    } else if (flags.generator) {
      throw new FlagError('unknown flag: --generator');
    }
    // kubectl patches the generated object with --overrides and then records the change cause on the result.
    if (flags.overrides) runObject = applyOverrides(runObject, flags.overrides, flags['override-type']);
    if (flags.record) recordOn(runObject, changeCause(ctx.path, parsed));
    if (attach) return createAndAttach(ctx, runObject, obj, propagation);
    if (runObject.kind !== 'Pod') return emitGenerated(ctx, runObject);
    if (flags.expose) {
      const service = generateExposeService({ source: obj, port: flags.port, namespace: explicitNamespace(ctx) });
      emitGenerated(ctx, service);
      // kubectl 1.32 writes two separator lines between the Service and the Pod.
      if (ctx.flags.output === 'yaml') ctx.io.out('---\n---\n');
    }
    return emitGenerated(ctx, runObject);
  },
};

/** kubectl's checks of --rm and --dry-run against attaching, made after the restart policy's. */
function checkAttachFlags(ctx: CommandContext, attach: boolean): void {
  if (ctx.flags.rm && !attach) throw new UsageError('--rm should only be used for attached containers', true);
  if (!attach || dryRunMode(ctx) === 'none') return;
  if (ctx.cluster().settings.version < 118) {
    throw new UsageError("--dry-run can't be used with attached containers options (--attach, --stdin, or --tty)", true);
  }
  throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", true);
}

/** Sets the container's stdin fields as kubectl's run generator does, leaving out false ones as the API omits them. */
function setStdinFields(container: Record<string, unknown>, stdin: boolean, tty: boolean, leaveStdinOpen: boolean): void {
  if (stdin) container.stdin = true;
  if (stdin && !leaveStdinOpen) container.stdinOnce = true;
  if (tty) container.tty = true;
}

/**
 * Creates the object to attach to without printing it, then the --expose
 * Service (which is printed), and attaches. `pod` is the generated Pod,
 * which the Service selects even when `runObject` is an old-style workload.
 */
async function createAndAttach(ctx: CommandContext, runObject: KObject, pod: KObject, propagation: Propagation): Promise<number> {
  const flags = ctx.flags;
  const created = [createGenerated(ctx, runObject)];
  if (flags.expose) {
    const service = generateExposeService({ source: pod, port: flags.port, namespace: explicitNamespace(ctx) });
    emitGenerated(ctx, service);
    if (flags.output === 'yaml') ctx.io.out('---\n');
    const namespace = service.metadata.namespace || ctx.namespace;
    created.push({ ...service, metadata: { ...service.metadata, namespace } });
  }
  return runAttached(ctx, {
    created,
    stdin: flags.stdin,
    tty: flags.tty,
    quiet: flags.quiet,
    remove: flags.rm,
    propagation,
    leaveStdinOpen: flags['leave-stdin-open'],
    restartPolicy: flags.restart,
    timeoutMs: flags['pod-running-timeout'],
  });
}
