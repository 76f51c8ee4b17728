/**
 * `kubectl run --attach`, which `-i` implies. After creating the objects it
 * waits for the pod to run and attaches to its container, or prints its log
 * when it finished first. Then it waits for the exit code, and with `--rm`
 * deletes what the command created. The steps and messages follow kubectl
 * 1.32's RunOptions.Run and AttachOptions.Run.
 */
import type { KObject } from '../../api/types.js';
import type { CommandContext } from '../context.js';
import type { Cluster } from '../../engine/cluster.js';
import type { PodRecord } from '../../kubelet/state.js';
import { ApiError, ExitError, UsageError } from '../../api/errors.js';
import { findKind, kindString } from '../../api/registry.js';
import { matches, fromLabelSelector } from '../../api/selectors.js';
import { deleteObject } from '../../engine/delete.js';
import { writeContainerStdin } from '../../kubelet/attach.js';
import { stepClock } from '../shared/clock-step.js';
import { currentRunStream, podCompleted, podRunningAndReady, podSucceeded, streamRun, waitForPod } from './pod-watch.js';

/** The attach options of one `run`, after kubectl's checks. */
export interface AttachRequest {
  /** Everything the command created (the pod or old-style workload, then the Service), removed with `--rm`. */
  created: KObject[];
  /** `-i`: send stdin to the container. */
  stdin: boolean;
  /** `-t`: ask for a TTY. */
  tty: boolean;
  /** `-q`: no prompt messages (and no `deleted` lines). */
  quiet: boolean;
  /** `--rm`. */
  remove: boolean;
  /** `--leave-stdin-open`: do not wait for the exit code. */
  leaveStdinOpen: boolean;
  restartPolicy: string;
  /**
   * `--pod-running-timeout`, in ms.
   * Simplified: kubectl before 1.19 waited for the pod without a limit. kubesim
   * applies the timeout on every version, so that a manual clock stops moving.
   */
  timeoutMs: number;
}

/** The annotation naming the container kubectl picks when none is given. */
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/**
 * Runs the attached part of `kubectl run` and returns the exit code, or
 * throws kubectl's error. With `--rm` the created objects are deleted on
 * every way out, before the error is printed, as kubectl's deferred removal does.
 */
export async function runAttached(ctx: CommandContext, req: AttachRequest): Promise<number> {
  try {
    return await attachAndWait(ctx, req);
  } finally {
    if (req.remove) removeCreatedObjects(ctx, req);
  }
}

async function attachAndWait(ctx: CommandContext, req: AttachRequest): Promise<number> {
  const cluster = ctx.cluster();
  const target = await findAttachablePod(cluster, req.created[0], req.timeoutMs);
  const ns = target.metadata.namespace!;
  const name = target.metadata.name;
  const uid = target.metadata.uid!;

  const { pod, verdict } = await waitForPod(cluster, ns, name, uid, podRunningAndReady, req.timeoutMs);
  const container = containerToAttachTo(pod);
  if (verdict === 'completed') printLog(ctx, cluster, pod, container.name);
  else await attach(ctx, cluster, pod, container, req);

  // kubectl 1.19 and later also wait for the exit code of OnFailure pods.
  const onFailure = req.restartPolicy === 'OnFailure' && cluster.settings.version >= 119;
  if (req.leaveStdinOpen || (req.restartPolicy !== 'Never' && !onFailure)) return 0;
  const finished = await waitForPod(cluster, ns, name, uid, onFailure ? podSucceeded : podCompleted, req.timeoutMs);
  return exitCodeOf(finished.pod);
}

/**
 * Finds the pod to attach to: the created pod, or for the Deployment or Job
 * of a cluster before 1.18 its first pod, waiting up to the timeout for one.
 */
async function findAttachablePod(cluster: Cluster, obj: KObject, timeoutMs: number): Promise<KObject> {
  if (obj.kind === 'Pod') return obj;
  const selector = fromLabelSelector(obj.spec?.selector ?? { matchLabels: obj.spec?.template?.metadata?.labels ?? {} });
  const deadline = cluster.clockNow() + timeoutMs;
  for (;;) {
    const pods = cluster.store.list('pods', obj.metadata.namespace).filter((p) => matches(selector, p.metadata.labels));
    if (pods.length > 0) return pods[0];
    if (cluster.clockNow() >= deadline) throw new UsageError(`timed out waiting for the condition`);
    await stepClock(cluster, { deadline });
  }
}

/** Picks the container kubectl attaches to without -c: the default-container annotation's, else the first. */
function containerToAttachTo(pod: KObject): { name: string; tty?: boolean } {
  const containers: { name: string; tty?: boolean }[] = pod.spec?.containers ?? [];
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  return containers.find((c) => c.name === annotated) ?? containers[0];
}

/** Prints the finished container's log on stdout, as kubectl does when the pod completed before it could attach. */
function printLog(ctx: CommandContext, cluster: Cluster, pod: KObject, container: string): void {
  const rec = (pod._sim as PodRecord | undefined)?.containers[container];
  if (!rec || rec.startedAt === undefined) return;
  const lines = cluster.store.readLogs(pod.metadata.uid!, container, rec.restarts, cluster.simNow);
  ctx.io.out(lines.map((l) => `${l.line}\n`).join(''));
}

/**
 * Attaches to the running container: settles the TTY as kubectl's
 * SetupTTY does, prints the prompt hint, sends stdin when the container
 * reads it, and streams the run's output until it ends.
 */
async function attach(ctx: CommandContext, cluster: Cluster, pod: KObject, container: { name: string; tty?: boolean }, req: AttachRequest): Promise<void> {
  const err = (text: string) => ctx.io.err(text);
  // kubectl follows the container: it drops -t for a container without a TTY and uses the TTY of a container that has one.
  if (req.tty && !container.tty && !req.quiet) {
    err(`${cluster.settings.version >= 121 ? 'error: ' : ''}Unable to use a TTY - container ${container.name} did not allocate one\n`);
  }
  // The terminal goes raw only when stdin is sent and is a terminal itself.
  let raw = false;
  if (req.stdin && container.tty) {
    if (ctx.io.stdinIsTTY) raw = true;
    else if (!req.quiet) err('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  }
  if (!req.quiet) err("If you don't see a command prompt, try pressing enter.\n");

  const stream = currentRunStream(pod, container.name);
  if (req.stdin) await sendStdin(ctx, cluster, pod, container.name);
  // Simplified: a TTY ends lines with CR LF, but kubesim prints the log lines with LF only.
  await streamRun(cluster, stream, { out: (t) => ctx.io.out(t), err, tty: container.tty === true });

  if (!req.quiet && req.stdin && raw && pod.spec?.restartPolicy === 'Always') {
    ctx.io.out(`Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${container.name} -i -t' command when the pod is running\n`);
  }
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

/** Returns the command's exit code for the finished pod, or throws kubectl's error for a failed one. */
function exitCodeOf(pod: KObject): number {
  const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
  switch (pod.status?.phase) {
    case 'Succeeded':
      return 0;
    case 'Failed': {
      const terminated = pod.status.containerStatuses?.[0]?.state?.terminated;
      if (!terminated || !terminated.exitCode) throw new UsageError(`pod ${ref} failed with unknown exit code`);
      throw new ExitError(terminated.exitCode, `pod ${ref} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`);
    }
    default:
      throw new UsageError(`pod ${ref} left in phase ${pod.status?.phase ?? ''}`);
  }
}

/**
 * Deletes the created objects as kubectl's deferred removal does: in the
 * background, without waiting, ignoring ones already gone, and printing
 * `KIND "NAME" deleted` on stdout unless `-q` is given. kubectl drops the
 * removal's own errors, so they are not reported here either.
 */
function removeCreatedObjects(ctx: CommandContext, req: AttachRequest): void {
  const cluster = ctx.cluster();
  for (const obj of req.created) {
    const info = findKind(obj.kind);
    if (!info) continue;
    try {
      deleteObject(cluster.store, info.resource, obj.metadata.namespace ?? '', obj.metadata.name, { propagation: 'Background' });
    } catch (e) {
      if (e instanceof ApiError) continue;
      throw e;
    }
    // kubectl 1.35 and later name the namespace of a namespaced object.
    const from = info.namespaced && cluster.settings.version >= 135 ? ` from ${obj.metadata.namespace} namespace` : '';
    if (!req.quiet) ctx.io.out(`${kindString(info)} "${obj.metadata.name}" deleted${from}\n`);
  }
  ctx.settle();
}
