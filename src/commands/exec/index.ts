/**
 * `kubectl exec`: runs a command in a running container of a pod, or of the
 * most active pod of a workload or Service, through the simulated image
 * programs. Nothing runs on the host, and no object changes.
 */
import { createRequire } from 'node:module';
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { ApiError, ExitError, notFound, UsageError } from '../../api/errors.js';
import { parseTargets } from '../shared/targets.js';
import { completeArguments, validateArguments } from './arguments.js';
import { attachablePodFor, getObject } from './pick-pod.js';
import { chooseContainer, podHasContainer } from './container.js';
import { describeContainerNotFound, describeStartFailure, describeUnreachableKubelet, formatLegacyStartFailure } from './runtime-errors.js';
import type { FileChange } from '../../images/shell/run.js';

/**
 * Finds the pod for `-f FILE` as kubectl's resource builder does. Only one
 * file holding one object gives a single object; stdin, several files or
 * objects, and an empty file give a list, which kubectl rejects.
 * NOTE: kubectl uses the file's pod as written and the API server then
 * looks it up by name; kubesim reads the stored pod at once.
 */
async function findFileObject(cluster: Cluster, files: string[], namespace: string, stdin: (() => Promise<string>) | undefined): Promise<KObject> {
  const { readManifests } = await import('../shared/manifests.js');
  const { findKind } = await import('../../api/registry.js');
  let docs: Awaited<ReturnType<typeof readManifests>> = [];
  try {
    docs = await readManifests(files, stdin);
  } catch (e) {
    // An empty file is a list of no objects to kubectl, not an error of its own.
    if (!(e instanceof UsageError && e.message.startsWith('no objects passed to'))) throw e;
  }
  if (docs.length !== 1 || files.length !== 1 || files[0] === '-') throw new UsageError('cannot exec into multiple objects at a time');
  const doc = docs[0].doc;
  const info = findKind(doc?.kind ?? '');
  if (!info) throw new UsageError(`resource mapping not found for kind "${doc?.kind}"`);
  const obj = getObject(cluster.store, info, doc.metadata?.namespace ?? namespace, doc.metadata?.name ?? '');
  return attachablePodFor(cluster.store, obj, info);
}

/** Finds the pod `POD` or `TYPE/NAME` names. A bare name is a pod, as the builder's ResourceNames("pods", …) reads it. */
function findTargetPod(cluster: Cluster, resourceName: string, namespace: string): KObject {
  const [target] = parseTargets([resourceName.includes('/') ? resourceName : `pods/${resourceName}`]);
  const obj = getObject(cluster.store, target.info, namespace, target.names[0]);
  return attachablePodFor(cluster.store, obj, target.info);
}

/** Reports whether the process's stdin is a terminal, which kubectl requires before it requests a TTY. */
function stdinIsTerminal(): boolean {
  // node:tty loads Node's socket and stream modules, so only a request for a terminal loads it.
  return (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(0);
}

export const command: CommandDef = {
  use: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  short: 'Execute a command in a container.',
  examples: [
    "  # Get output from running the 'date' command from pod mypod, using the first container by default",
    '  kubesim exec mypod -- date',
    '',
    "  # Get output from running the 'date' command in ruby-container from pod mypod",
    '  kubesim exec mypod -c ruby-container -- date',
    '',
    "  # Switch to raw terminal mode; sends stdin to 'sh' in ruby-container from pod mypod",
    "  # and sends stdout/stderr from 'sh' back to the client",
    '  kubesim exec mypod -c ruby-container -i -t -- sh',
    '',
    "  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default",
    '  kubesim exec deploy/mydeployment -- date',
    '',
    "  # Get output from running 'date' command from the first pod of the service myservice, using the first container by default",
    '  kubesim exec svc/myservice -- date',
  ].join('\n'),
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '', help: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'filename', short: 'f', type: 'stringArray', default: [], help: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000, help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, help: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', default: false, help: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', default: false, help: 'Stdin is a TTY' },
  ],
  async run(ctx, parsed) {
    const f = ctx.flags;
    const files: string[] = f.filename;
    // kubectl checks its arguments before it contacts the cluster, so a usage error must not create the default cluster.
    const { clusterExists } = await import('../../engine/home.js');
    const { DEFAULT_SETTINGS } = await import('../../engine/settings.js');
    const version = clusterExists(ctx.clusterName) ? ctx.cluster().settings.version : DEFAULT_SETTINGS.version;

    // Complete: split the arguments, then check the timeout; Validate: a target and a command.
    const args = completeArguments(parsed, version, f.quiet, files.length > 0);
    if (args.notice) ctx.io.err(args.notice);
    if (f['pod-running-timeout'] <= 0) throw new UsageError('--pod-running-timeout must be higher than zero', true);
    validateArguments(args, version, files.length > 0);

    // Run: find the pod, refuse finished pods, pick the container.
    const cluster = ctx.cluster();
    if (args.resourceName && files.length > 0) {
      throw new UsageError('when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well');
    }
    const pod = args.resourceName
      ? findTargetPod(cluster, args.resourceName, ctx.namespace)
      : await findFileObject(cluster, files, ctx.namespace, ctx.io.stdin);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      throw new UsageError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    }
    const container: string = f.container || chooseContainer(pod, version, f.quiet, ctx.namespace, ctx.io.err);

    // SetupTTY: a terminal only when -i and -t are both given and stdin is one.
    let raw = false;
    if (f.stdin && f.tty) {
      raw = stdinIsTerminal();
      if (!raw && !f.quiet) ctx.io.err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    }

    // The API server's checks of the exec request (streamLocation), then its connection to the node's kubelet.
    if (!podHasContainer(pod, container)) {
      throw new ApiError('BadRequest', 400, `container ${container} is not valid for pod ${pod.metadata.name}`);
    }
    if (!pod.spec?.nodeName) throw new ApiError('BadRequest', 400, `pod ${pod.metadata.name} does not have a host assigned`);
    const node = cluster.store.get('nodes', '', pod.spec.nodeName);
    if (!node) throw notFound('nodes', pod.spec.nodeName);
    const unreachable = describeUnreachableKubelet(node, version);
    if (unreachable) throw new ExitError(1, unreachable);

    const { buildExecRequest } = await import('../../kubelet/exec.js');
    const { execInImage, openInteractiveShell } = await import('../../images/exec.js');
    const request = buildExecRequest(cluster.store, pod, { container, command: args.command, tty: raw }, cluster.simNow);
    if (!request) throw new Error(describeContainerNotFound(container, version));
    const { buildPodNetwork } = await import('../../network/pod-network.js');
    const network = buildPodNetwork(cluster.store, pod.metadata.namespace ?? ctx.namespace, undefined, { name: pod.metadata.name, hostname: pod.spec.hostname ?? pod.metadata.name });
    request.fetch = network.fetch;
    request.dns = network.dns;
    // The container keeps the files the command writes or removes (see kubelet/exec-files.ts).
    const fileLog: FileChange[] = [];
    request.fileLog = fileLog;

    // A shell on a terminal reads line by line; any other command with -i gets all of stdin up to its end.
    const session = raw ? openInteractiveShell(request) : undefined;
    if (!session && f.stdin && ctx.io.stdin) request.stdin = await ctx.io.stdin();
    let exitCode: number;
    if (session) {
      const { runInteractiveShell } = await import('./interactive.js');
      exitCode = await runInteractiveShell(session);
    } else {
      const outcome = execInImage(request);
      if (outcome.type === 'start-failed') {
        if (version >= 124) throw new Error(describeStartFailure(outcome.reason, pod, container, cluster.simNow, version));
        // Docker (before 1.24) reports the failure on the output stream and ends the exec with 126.
        ctx.io.out(formatLegacyStartFailure(outcome.reason));
        exitCode = 126;
      } else {
        ctx.io.out(outcome.stdout);
        if (outcome.stderr) ctx.io.err(outcome.stderr);
        exitCode = outcome.exitCode;
      }
    }
    if (fileLog.length > 0) {
      const { recordExecFiles } = await import('../../kubelet/exec-files.js');
      cluster.store.tx(() => recordExecFiles(cluster.store, pod, container, fileLog, cluster.simNow));
    }
    if (exitCode !== 0) throw new ExitError(exitCode, `command terminated with exit code ${exitCode}`);
  },
};
