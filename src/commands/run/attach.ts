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
import type { Propagation } from '../../engine/delete.js';
import { ApiError, ExitError, UsageError } from '../../api/errors.js';
import { findKind, kindString } from '../../api/registry.js';
import { deleteObject } from '../../engine/delete.js';
import { findAttachablePod } from '../attach/find-pod.js';
import { attachSession, containerToAttachTo } from '../attach/session.js';
import { deletedLine } from '../shared/deleted-line.js';
import { podCompleted, podRunningAndReady, podSucceeded, waitForPod } from './pod-watch.js';

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
  /** `--cascade`: the propagation policy `--rm` deletes with. kubectl ignores run's other delete flags. */
  propagation: Propagation;
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
  const container = containerToAttachTo(ctx, pod, { name: '', quiet: req.quiet, suggestDescribe: false });
  if (verdict === 'completed') printLog(ctx, cluster, pod, container.name);
  else await attachSession(ctx, pod, container, { stdin: req.stdin, tty: req.tty, quiet: req.quiet, fromNow: false });

  // kubectl 1.19 and later also wait for the exit code of OnFailure pods.
  const onFailure = req.restartPolicy === 'OnFailure' && cluster.settings.version >= 119;
  if (req.leaveStdinOpen || (req.restartPolicy !== 'Never' && !onFailure)) return 0;
  const finished = await waitForPod(cluster, ns, name, uid, onFailure ? podSucceeded : podCompleted, req.timeoutMs);
  return exitCodeOf(finished.pod);
}

/** Prints the finished container's log on stdout, as kubectl does when the pod completed before it could attach. */
function printLog(ctx: CommandContext, cluster: Cluster, pod: KObject, container: string): void {
  const rec = (pod._sim as PodRecord | undefined)?.containers[container];
  if (!rec || rec.startedAt === undefined) return;
  const lines = cluster.store.readLogs(pod.metadata.uid!, container, rec.restarts, cluster.simNow);
  ctx.io.out(lines.map((l) => `${l.line}\n`).join(''));
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
 * Deletes the created objects as kubectl's deferred removal does: with the
 * `--cascade` policy, without waiting, and printing kubectl delete's line on
 * stdout unless `-q` is given. An object already gone is skipped as not
 * found, and kubectl's DeleteResult then prints `No resources found` even
 * with `-q`. kubectl drops the removal's own errors, so they are not
 * reported here either.
 */
function removeCreatedObjects(ctx: CommandContext, req: AttachRequest): void {
  const cluster = ctx.cluster();
  for (const obj of req.created) {
    const info = findKind(obj.kind);
    if (!info) continue;
    const namespace = obj.metadata.namespace ?? '';
    if (!cluster.store.get(info.resource, namespace, obj.metadata.name)) {
      ctx.io.out('No resources found\n');
      continue;
    }
    try {
      deleteObject(cluster.store, info.resource, namespace, obj.metadata.name, { propagation: req.propagation });
    } catch (e) {
      if (e instanceof ApiError) continue;
      throw e;
    }
    if (!req.quiet) ctx.io.out(deletedLine(cluster.settings.version, kindString(info), obj.metadata.name, info.namespaced ? namespace : undefined));
  }
  ctx.settle();
}
