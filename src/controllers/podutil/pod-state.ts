/**
 * Pod readiness and availability as controllers judge them: Ready is the
 * pod's Ready condition; available means Ready for at least minReadySeconds.
 */
import type { KObject } from '../../api/types.js';

function readyCondition(pod: KObject): any {
  return (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
}

/** Reports whether the pod's Ready condition is True. */
export function isPodReady(pod: KObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** Returns when the pod becomes available (ms), or undefined while it is not Ready. */
export function availableAt(pod: KObject, minReadySeconds: number): number | undefined {
  const c = readyCondition(pod);
  if (c?.status !== 'True') return undefined;
  return Date.parse(c.lastTransitionTime ?? '1970-01-01T00:00:00Z') + minReadySeconds * 1000;
}

/** Returns the earliest time after `now` at which one of `pods` becomes available, or undefined when none will. */
export function nextAvailableAt(pods: readonly KObject[], minReadySeconds: number, now: number): number | undefined {
  let next: number | undefined;
  for (const pod of pods) {
    const at = availableAt(pod, minReadySeconds);
    if (at !== undefined && at > now && (next === undefined || at < next)) next = at;
  }
  return next;
}

/** Reports whether the pod has been Ready for minReadySeconds at `now`. */
export function isPodAvailable(pod: KObject, minReadySeconds: number, now: number): boolean {
  const at = availableAt(pod, minReadySeconds);
  return at !== undefined && (minReadySeconds === 0 || at <= now);
}

/** Reports whether a pod has finished (Succeeded or Failed). */
export function isPodFinished(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Reports whether the pod is neither terminating nor finished. */
export function isPodActive(pod: KObject): boolean {
  return !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

/** Builds a controller ownerReference to `owner`. */
export function controllerRef(owner: KObject) {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** Resolves an int-or-percent against a total (percentages rounded up or down). */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number(value) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
