/**
 * Graceful pod termination on the kubelet: when a pod is deleted it stops
 * the running containers (each within its own stop time, at most the grace
 * period) and removes the pod once the last one has stopped.
 *
 * Like the real kubelet, it writes nothing to the pod when the kill starts.
 * The removal is a wake-up under its own queue key, and while that wake-up
 * is pending, later wake-ups of the pod know that the kill has begun.
 */
import type { KObject } from '../api/types.js';
import type { ControllerContext } from '../engine/controller.js';
import { removePodNow } from '../engine/delete.js';
import { copyPodRecord, type PodRecord } from './state.js';
import { endContainerRun } from './restart.js';
import { buildPodStatus } from './status.js';
import { hasHooks, stopWithPreStop } from './lifecycle-hooks.js';

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => void;

/** The kubelet's controller name, under which its wake-ups are queued. */
const KUBELET = 'kubelet';

/** Separates the pod key from the pod uid in a removal wake-up's key. */
const REMOVAL_MARK = '\u0000remove\u0000';

/** A kubelet queue key: the pod's `ns/name`, and for a removal wake-up the uid of the pod it removes. */
export interface KubeletWake {
  podKey: string;
  removalOf?: string;
}

/** Splits a kubelet queue key into the pod key and, for a removal wake-up, the pod uid. */
export function parseWake(key: string): KubeletWake {
  const at = key.indexOf(REMOVAL_MARK);
  return at < 0 ? { podKey: key } : { podKey: key.slice(0, at), removalOf: key.slice(at + REMOVAL_MARK.length) };
}

function removalKey(pod: KObject): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}${REMOVAL_MARK}${pod.metadata.uid}`;
}

/** Reports whether the removal wake-up is still waiting: as a timer until it falls due, then on the work queue until it runs. */
function removalPending(ctx: ControllerContext, key: string): boolean {
  if (ctx.store.isQueued(KUBELET, key)) return true;
  return ctx.store.hasTimer(KUBELET, key);
}

/**
 * Ends the pod with the delete that has a zero grace period. A pod that
 * finalizers keep first gets the terminal status the kubelet reports before
 * that delete: each running container terminated by the kill, and the phase
 * Succeeded when every container exited 0, Failed otherwise (getPhase for a
 * terminal pod). A removed pod needs no such write.
 */
function removePod(ctx: ControllerContext, pod: KObject, record?: PodRecord): void {
  if (!pod.metadata.finalizers?.length || !record || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
    removePodNow(ctx.store, pod);
    return;
  }
  const now = ctx.now();
  const ended = copyPodRecord(record);
  for (const name in ended.containers) {
    const rec = ended.containers[name];
    if (rec.stage === 'run') {
      // A process that ignores SIGTERM dies of the SIGKILL at the end of the grace period (128 + 9).
      rec.exitCode = rec.ignoresSigterm ? 137 : rec.sigtermExitCode ?? 0;
      rec.exitAt = now;
      endContainerRun(pod, rec, 'Never');
    } else {
      rec.stage = 'done';
      rec.until = undefined;
    }
  }
  const final = { ...pod, metadata: { ...pod.metadata }, _sim: ended };
  final.status = buildPodStatus(final, ended, now, ctx.settings.version);
  removePodNow(ctx.store, final);
}

/**
 * Starts graceful termination of a deleted pod, or finishes it: `removal`
 * is true on the wake-up that comes when the last container has stopped.
 */
export function terminate(ctx: ControllerContext, pod: KObject, record: PodRecord | undefined, emit: Emit, removal: boolean): void {
  const now = ctx.now();
  if (!record || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
    removePod(ctx, pod);
    return;
  }
  if (record.removeAt !== undefined) {
    // Set by deferRemoval, or by kubesim versions that stored the kill on the pod.
    if (record.removeAt <= now) removePod(ctx, pod, record);
    else ctx.wakeAt(record.removeAt, `${pod.metadata.namespace}/${pod.metadata.name}`);
    return;
  }
  if (removal) {
    removePod(ctx, pod, record);
    return;
  }
  const key = removalKey(pod);
  if (removalPending(ctx, key)) return;
  const grace = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  let stopAt = now;
  // A pod may be deleted while an init container or a sidecar runs, and those stop as the app containers do.
  const specs: any[] = pod.spec.initContainers?.length ? [...(pod.spec.containers ?? []), ...pod.spec.initContainers] : pod.spec.containers ?? [];
  for (const spec of specs) {
    const rec = record.containers[spec.name];
    if (rec?.stage !== 'run') continue;
    emit('Normal', 'Killing', `Stopping container ${spec.name}`, spec.name);
    const stop = hasHooks(spec)
      ? stopWithPreStop(ctx.store, pod, spec, rec, now, grace, ctx.settings.version, emit)
      : rec.ignoresSigterm ? grace : Math.min(grace, rec.terminationMs ?? 0);
    stopAt = Math.max(stopAt, now + stop);
  }
  if (stopAt <= now) {
    removePod(ctx, pod, record);
    return;
  }
  ctx.wakeAt(stopAt, key);
}

/**
 * Stores on the pod a removal that fell due while its node was not ready.
 * When the node is back, the node lifecycle controller wakes every pod of
 * the node, and the kubelet then removes this one.
 */
export function deferRemoval(ctx: ControllerContext, pod: KObject): void {
  const record = pod._sim as PodRecord | undefined;
  if (!record || record.removeAt !== undefined) return;
  record.removeAt = ctx.now();
  ctx.store.update('pods', pod);
}
