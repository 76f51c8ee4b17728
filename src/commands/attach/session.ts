/**
 * The attach itself, shared by `kubectl attach` and `kubectl run --attach`.
 * It picks the container as kubectl's FindOrDefaultContainerByName does and
 * settles the TTY as AttachOptions.Run and SetupTTY do. Then it prints the
 * prompt messages, sends stdin to a waiting shell, and streams the
 * container's output as simulated time reaches it.
 */
import type { KObject } from '../../api/types.js';
import type { CommandContext } from '../context.js';
import type { Cluster } from '../../engine/cluster.js';
import type { PodRecord } from '../../kubelet/state.js';
import { ApiError, UsageError } from '../../api/errors.js';
import { writeContainerStdin } from '../../kubelet/attach.js';
import { currentRunStream, streamRun } from '../run/pod-watch.js';

/** A container of the pod spec, as far as attaching looks at it. */
export interface AttachContainer {
  name: string;
  tty?: boolean;
}

/** The annotation naming the container kubectl picks when none is given (kubectl 1.21 and later). */
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** kubectl 1.21 reworded the container messages and added the default-container annotation. */
const DEFAULTED_NOTICE_VERSION = 121;

/** From 1.30 kubectl attaches over a WebSocket, and the API server wraps the kubelet's refusal as an internal error. */
const WEBSOCKET_VERSION = 130;

/** kubectl 1.34 warns that the session is recorded in the container's log. */
const RECORDED_WARNING_VERSION = 134;

function findContainer(pod: KObject, name: string): AttachContainer | undefined {
  const spec = pod.spec ?? {};
  return [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].find((c: AttachContainer) => c.name === name);
}

/** Lists every container name for the defaulted-container notice: app containers, then `(ephem)` ones, then `(init)` ones. */
function allContainerNames(pod: KObject): string {
  const spec = pod.spec ?? {};
  return [
    ...(spec.containers ?? []).map((c: AttachContainer) => c.name),
    ...(spec.ephemeralContainers ?? []).map((c: AttachContainer) => `${c.name} (ephem)`),
    ...(spec.initContainers ?? []).map((c: AttachContainer) => `${c.name} (init)`),
  ].join(', ');
}

/** How the container is chosen and which notice kubectl prints about it. */
export interface ContainerChoice {
  /** `-c`, or empty to default. */
  name: string;
  quiet: boolean;
  /**
   * Before kubectl 1.21 `kubectl attach` (but not `run`) always named the
   * defaulted container and the describe command that lists the others.
   */
  suggestDescribe: boolean;
}

/**
 * Returns the container to attach to: the one named by `-c` (an app, init
 * or ephemeral container), else the default-container annotation's, else
 * the first. Prints kubectl's notice when it defaulted among several, and
 * throws `cannot attach to the container: ...` for an unknown name.
 */
export function containerToAttachTo(ctx: CommandContext, pod: KObject, choice: ContainerChoice): AttachContainer {
  const version = ctx.cluster().settings.version;
  if (choice.name) {
    const named = findContainer(pod, choice.name);
    if (named) return named;
    const reason = version >= DEFAULTED_NOTICE_VERSION ? `container ${choice.name} not found in pod ${pod.metadata.name}` : `container not found (${choice.name})`;
    throw new UsageError(`cannot attach to the container: ${reason}`);
  }
  const containers: AttachContainer[] = pod.spec?.containers ?? [];
  if (version < DEFAULTED_NOTICE_VERSION) {
    if (choice.suggestDescribe) {
      ctx.io.err(`Defaulting container name to ${containers[0].name}.\n`);
      ctx.io.err(`Use 'kubectl describe pod/${pod.metadata.name} -n ${pod.metadata.namespace}' to see all of the containers in this pod.\n`);
    }
    return containers[0];
  }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  const fromAnnotation = annotated ? findContainer(pod, annotated) : undefined;
  if (fromAnnotation) return fromAnnotation;
  const several = containers.length > 1 || (pod.spec?.initContainers ?? []).length > 0 || (pod.spec?.ephemeralContainers ?? []).length > 0;
  if (!choice.quiet && several) ctx.io.err(`Defaulted container "${containers[0].name}" out of: ${allContainerNames(pod)}\n`);
  return containers[0];
}

/** The options of one attach. */
export interface SessionOptions {
  /** `-i`: send stdin to the container. */
  stdin: boolean;
  /** `-t`: ask for a TTY. */
  tty: boolean;
  /** `-q`: print only the container's output. */
  quiet: boolean;
  /**
   * Print only what the container writes from now on, as `kubectl attach`
   * does. `run --attach` prints the run from its start instead, because
   * kubesim's container starts writing at the instant `run` attaches.
   */
  fromNow: boolean;
}

/**
 * Throws the error the API server or the kubelet gives an attach to a
 * container that is not running: the pod has no node yet, or the kubelet
 * finds no running container of that name. From 1.30 kubectl attaches over
 * a WebSocket, which the API server translates, wrapping the kubelet's
 * failure as an internal error.
 * NOTE: the 1.30+ wording is derived from the API server's stream translator
 * source, not observed on a live cluster.
 */
function checkAttachable(cluster: Cluster, pod: KObject, container: string): void {
  const name = pod.metadata.name;
  if (!pod.spec?.nodeName) throw new ApiError('BadRequest', 400, `pod ${name} does not have a host assigned`);
  const rec = (pod._sim as PodRecord | undefined)?.containers[container];
  if (rec?.stage === 'run') return;
  const failure = `unable to upgrade connection: container ${container} not found in pod ${name}_${pod.metadata.namespace}`;
  throw new UsageError(cluster.settings.version >= WEBSOCKET_VERSION ? `Internal error occurred: ${failure}` : failure);
}

/**
 * Attaches to `container` of the running `pod`: settles the TTY, prints the
 * prompt messages, sends stdin when the container reads it, and streams the
 * output until that run of the container ends. Prints the reattach hint
 * after a raw terminal session.
 */
export async function attachSession(ctx: CommandContext, pod: KObject, container: AttachContainer, opts: SessionOptions): Promise<void> {
  const cluster = ctx.cluster();
  const version = cluster.settings.version;
  const err = (text: string) => ctx.io.err(text);
  // kubectl follows the container: it drops -t for a container without a TTY and uses the TTY of a container that has one.
  if (opts.tty && !container.tty && !opts.quiet) {
    err(`${version >= DEFAULTED_NOTICE_VERSION ? 'error: ' : ''}Unable to use a TTY - container ${container.name} did not allocate one\n`);
  }
  // The terminal goes raw only when stdin is sent and is a terminal itself.
  let raw = false;
  if (opts.stdin && container.tty) {
    if (ctx.io.stdinIsTTY) raw = true;
    else if (!opts.quiet) err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  if (!opts.quiet) {
    if (version >= RECORDED_WARNING_VERSION) {
      err('All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n');
    }
    err("If you don't see a command prompt, try pressing enter.\n");
  }
  checkAttachable(cluster, pod, container.name);

  const stream = currentRunStream(pod, container.name);
  if (opts.fromNow) stream.printed = cluster.store.readLogs(stream.podUid, stream.container, stream.attempt, cluster.simNow).length;
  if (opts.stdin) await sendStdin(ctx, cluster, pod, container.name);
  // Simplified: a TTY ends lines with CR LF, but kubesim prints the log lines with LF only.
  await streamRun(cluster, stream, { out: (t) => ctx.io.out(t), err, tty: container.tty === true });

  if (opts.quiet || !opts.stdin || !raw || pod.spec?.restartPolicy !== 'Always') return;
  ctx.io.out(`Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${container.name} -i -t' command when the pod is running\n`);
}

/**
 * Sends the command's stdin to a container whose shell waits for it. The
 * whole input is read up to its end first (Ctrl-D on a terminal) and then
 * written at once. A container that does not read stdin gets nothing, and
 * the command then does not read its own stdin either, so it ends with the container.
 */
async function sendStdin(ctx: CommandContext, cluster: Cluster, pod: KObject, container: string): Promise<void> {
  if (!(pod._sim as PodRecord | undefined)?.containers[container]?.readsStdin) return;
  const input = ctx.io.stdin ? await ctx.io.stdin() : '';
  cluster.settle();
  const current = cluster.store.get('pods', pod.metadata.namespace!, pod.metadata.name);
  if (!current || current.metadata.uid !== pod.metadata.uid) return;
  cluster.store.tx(() => writeContainerStdin(cluster.store, current, container, input, cluster.simNow));
  cluster.settle();
}
