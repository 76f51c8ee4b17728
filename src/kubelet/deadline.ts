/**
 * The pod's own spec.activeDeadlineSeconds, enforced by the kubelet: once
 * the pod has been active that long since its startTime, its containers are
 * killed and the pod fails with reason DeadlineExceeded.
 */
import type { KObject } from '../api/types.js';
import type { ControllerContext } from '../engine/controller.js';
import type { PodRecord } from './state.js';

/** Pod status reason and message after the deadline (the kubelet's active deadline handler). */
export const REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const MESSAGE_DEADLINE_EXCEEDED = 'Pod was active on the node longer than the specified deadline';

/** Exit code of a container killed with SIGKILL. */
const KILLED_EXIT_CODE = 137;

/** When the pod's active deadline ends (ms), or undefined without one. */
export function podDeadline(pod: KObject): number | undefined {
  const seconds = pod.spec?.activeDeadlineSeconds;
  const start = pod.status?.startTime;
  if (typeof seconds !== 'number' || !start) return undefined;
  return Date.parse(start) + seconds * 1000;
}

/**
 * Kills every container of a pod past its deadline and marks the pod failed.
 * Simplified: Kubernetes stops the containers with the usual grace period;
 * kubesim ends them at the deadline, as SIGKILL would.
 */
export function killPastDeadline(
  ctx: ControllerContext,
  pod: KObject,
  record: PodRecord,
  emit: (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => void,
): void {
  const now = ctx.now();
  const inits: any[] = pod.spec?.initContainers ?? [];
  for (const spec of inits.length > 0 ? [...inits, ...(pod.spec.containers ?? [])] : pod.spec?.containers ?? []) {
    const rec = record.containers[spec.name];
    if (!rec) continue;
    if (rec.stage === 'run') {
      emit('Normal', 'Killing', `Stopping container ${spec.name}`, spec.name);
      ctx.store.truncateLogs(pod.metadata.uid!, spec.name, rec.restarts, now);
      rec.last = { exitCode: KILLED_EXIT_CODE, reason: 'Error', startedAt: rec.startedAt!, finishedAt: now };
    }
    rec.stage = 'done';
    rec.until = undefined;
  }
  record.failure = { reason: REASON_DEADLINE_EXCEEDED, message: MESSAGE_DEADLINE_EXCEEDED };
  emit('Normal', REASON_DEADLINE_EXCEEDED, MESSAGE_DEADLINE_EXCEEDED);
}
