/**
 * `kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] [-q]`: streams
 * what a running container writes from now on, and with `-i` sends stdin
 * to a shell that waits for it. The checks and messages follow kubectl
 * 1.32's AttachOptions (Complete, Validate, Run), with the changes of the
 * other emulated versions.
 */
import type { CommandDef } from '../types.js';
import type { KObject } from '../../api/types.js';
import type { CommandContext } from '../context.js';
import { UsageError, notFound } from '../../api/errors.js';
import { resourceString } from '../../api/registry.js';
import { resolveType } from '../shared/targets.js';
import { findAttachablePod } from './find-pod.js';
import { attachSession, containerToAttachTo } from './session.js';

export const command: CommandDef = {
  use: 'attach (POD | TYPE/NAME) -c CONTAINER',
  short: 'Attach to a process that is already running inside an existing container.',
  examples:
    "  # Get output from running pod mypod; use the 'kubectl.kubernetes.io/default-container' annotation\n" +
    '  # for selecting the container to be attached or the first container in the pod will be chosen\n' +
    '  kubesim attach mypod\n\n' +
    '  # Get output from ruby-container from pod mypod\n' +
    '  kubesim attach mypod -c ruby-container\n\n' +
    "  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod\n" +
    "  # and sends stdout/stderr from 'bash' back to the client\n" +
    '  kubesim attach mypod -c ruby-container -i -t\n\n' +
    '  # Get output from the first pod of a replica set named nginx\n' +
    '  kubesim attach rs/nginx',
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '', help: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000, help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, help: 'Only print output from the remote session' },
    { name: 'stdin', short: 'i', type: 'bool', default: false, help: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', default: false, help: 'Stdin is a TTY' },
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    // Complete reads the timeout (a usage error), then Validate checks the arguments.
    if (flags['pod-running-timeout'] <= 0) throw new UsageError('--pod-running-timeout must be higher than zero', true);
    const args = parsed.args;
    if (args.length === 0) throw new UsageError('at least 1 argument is required for attach');
    if (args.length > 2) throw new UsageError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);

    const cluster = ctx.cluster();
    const obj = lookUpObject(ctx, args.length === 1 ? 'pods' : args[0], args[args.length - 1]);
    const pod = await findAttachablePod(cluster, obj, flags['pod-running-timeout']);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new UsageError(`cannot attach a container in a completed pod; current phase is ${phase}`);

    const container = containerToAttachTo(ctx, pod, { name: flags.container, quiet: flags.quiet, suggestDescribe: true });
    await attachSession(ctx, pod, container, { stdin: flags.stdin, tty: flags.tty, quiet: flags.quiet, fromNow: true });
    return 0;
  },
};

/**
 * Gets the object the arguments name, as kubectl's resource builder does
 * with ResourceNames(type, name): a `TYPE/NAME` name overrides the type.
 */
function lookUpObject(ctx: CommandContext, type: string, name: string): KObject {
  let typeText = type;
  let objectName = name;
  if (name.includes('/')) {
    const parts = name.split('/');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError('arguments in resource/name form must have a single resource and name');
    [typeText, objectName] = parts;
  }
  const { info, group } = resolveType(typeText);
  const namespace = info.namespaced ? ctx.namespace : '';
  const obj = ctx.cluster().store.get(info.resource, namespace, objectName);
  if (!obj) throw notFound(resourceString(info, group), objectName);
  return obj;
}
