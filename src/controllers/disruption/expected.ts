/**
 * The disruption controller's arithmetic: how many pods a budget expects
 * and how many of them must stay healthy (getExpectedPodCount and
 * getExpectedScale in pkg/controller/disruption/disruption.go, Kubernetes
 * 1.32), how many pods count as healthy, and which recorded disruptions are
 * still pending. Everything here is pure, and the store reads are passed in.
 */
import type { KObject, OwnerReference } from '../../api/types.js';
import { isPodReady } from '../podutil/pod-state.js';

/**
 * How long (ms) a pod stays in status.disruptedPods after an eviction
 * approved it, waiting for its deletion to be seen (DeletionTimeout).
 */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/** A workload controller found for a pod, with its desired replica count. */
export interface ControllerScale {
  uid: string;
  scale: number;
}

/**
 * Finds the controller a pod's controller reference points to and its
 * scale. Returns undefined when it does not exist (or has another uid), and
 * throws when the reference cannot have a scale (the error message is the
 * controller's).
 */
export type ScaleFinder = (ref: OwnerReference, namespace: string) => ControllerScale | undefined;

/** The pod counts a budget expects. */
export interface ExpectedPods {
  expectedCount: number;
  desiredHealthy: number;
  /** Names of selected pods without a controller reference. */
  unmanagedPods: string[];
}

/** Returns the pod's controller reference (metav1.GetControllerOf). */
export function controllerOf(pod: KObject): OwnerReference | undefined {
  return pod.metadata.ownerReferences?.find((r) => r.controller === true);
}

/**
 * Resolves an int-or-percent against `total` as intstr.GetScaledValueFromIntOrPercent
 * does: an integer is itself, `N%` is N percent of total rounded up or down,
 * and any other string throws with apimachinery's message.
 */
export function scaledValueFromIntOrPercent(value: number | string, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  if (!value.endsWith('%')) throw new Error('invalid value for IntOrString: invalid type: string is not a percentage');
  const digits = value.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) throw new Error(`invalid value "${value}": strconv.Atoi: parsing ${JSON.stringify(digits)}: invalid syntax`);
  const exact = (Number(digits) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * Sums the scales of the distinct controllers of `pods`. Pods without a
 * controller reference are listed as unmanaged and add nothing. Throws
 * `found no controllers for pod "NAME"` when a reference leads nowhere.
 */
export function calculateExpectedScale(pods: readonly KObject[], findScale: ScaleFinder): { expectedCount: number; unmanagedPods: string[] } {
  const scales = new Map<string, number>();
  const unmanagedPods: string[] = [];
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) {
      unmanagedPods.push(pod.metadata.name);
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = findScale(ref, pod.metadata.namespace ?? '');
    if (!found) throw new Error(`found no controllers for pod "${pod.metadata.name}"`);
    scales.set(found.uid, found.scale);
  }
  let expectedCount = 0;
  for (const scale of scales.values()) expectedCount += scale;
  return { expectedCount, unmanagedPods };
}

/**
 * Computes expectedPods and desiredHealthy from the budget's spec.
 * maxUnavailable (int or percent, rounded up) and a percent minAvailable use
 * the controllers' scale. An integer minAvailable uses the number of selected
 * pods and needs no controller. With neither set, both are zero.
 *
 * For example, 3 replicas with maxUnavailable "50%" allow ceil(1.5) = 2
 * unavailable, so desiredHealthy is 1. With minAvailable "50%" it is ceil(1.5) = 2.
 */
export function calculateExpectedPodCount(pdb: KObject, pods: readonly KObject[], findScale: ScaleFinder): ExpectedPods {
  const spec = pdb.spec ?? {};
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const { expectedCount, unmanagedPods } = calculateExpectedScale(pods, findScale);
    const maxUnavailable = scaledValueFromIntOrPercent(spec.maxUnavailable, expectedCount, true);
    return { expectedCount, desiredHealthy: Math.max(0, expectedCount - maxUnavailable), unmanagedPods };
  }
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) {
    if (typeof spec.minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: spec.minAvailable, unmanagedPods: [] };
    const { expectedCount, unmanagedPods } = calculateExpectedScale(pods, findScale);
    return { expectedCount, desiredHealthy: scaledValueFromIntOrPercent(spec.minAvailable, expectedCount, true), unmanagedPods };
  }
  return { expectedCount: 0, desiredHealthy: 0, unmanagedPods: [] };
}

/**
 * Keeps the entries of status.disruptedPods whose pods still exist, are not
 * yet being deleted, and were approved less than DELETION_TIMEOUT_MS ago.
 * Returns them, the moment the earliest kept entry expires (when the budget
 * must be synced again), and the pods whose entries expired.
 */
export function buildDisruptedPodMap(
  pods: readonly KObject[],
  recorded: Record<string, string> | undefined,
  now: number,
): { disruptedPods: Record<string, string>; recheckAt?: number; expired: KObject[] } {
  const disruptedPods: Record<string, string> = {};
  const expired: KObject[] = [];
  let recheckAt: number | undefined;
  if (!recorded) return { disruptedPods, expired };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = recorded[pod.metadata.name];
    if (at === undefined) continue;
    const expectedDeletion = Date.parse(at) + DELETION_TIMEOUT_MS;
    if (expectedDeletion < now) {
      expired.push(pod);
      continue;
    }
    if (recheckAt === undefined || expectedDeletion < recheckAt) recheckAt = expectedDeletion;
    disruptedPods[pod.metadata.name] = at;
  }
  return { disruptedPods, recheckAt, expired };
}

/**
 * Counts the pods that are Ready, not being deleted, and not waiting for a
 * deletion an eviction approved (countHealthyPods).
 */
export function countHealthyPods(pods: readonly KObject[], disruptedPods: Record<string, string>, now: number): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const at = disruptedPods[pod.metadata.name];
    if (at !== undefined && Date.parse(at) + DELETION_TIMEOUT_MS > now) continue;
    if (isPodReady(pod)) healthy++;
  }
  return healthy;
}

/**
 * Returns disruptionsAllowed: currentHealthy minus desiredHealthy, and zero
 * when that is negative or the budget expects no pods, so a budget whose
 * first pods appear before its next sync starts out safe.
 */
export function calculateDisruptionsAllowed(currentHealthy: number, desiredHealthy: number, expectedCount: number): number {
  const allowed = currentHealthy - desiredHealthy;
  return expectedCount <= 0 || allowed <= 0 ? 0 : allowed;
}
