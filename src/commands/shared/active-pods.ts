/**
 * kubectl's choice of a pod for a workload or Service (attach, exec,
 * port-forward): it sorts the selected pods with sort.Reverse of
 * podutils.ActivePods and takes the first.
 */
import type { KObject } from '../../api/types.js';

function isReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}

/** Milliseconds since the epoch, or 0 for a missing time, which Go's zero time stands for. */
function timeOf(text: string | undefined): number {
  return text ? Date.parse(text) : 0;
}

/** Go's afterOrZero: whether t1 is after t2, where a zero time counts as after any other. */
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0;
  return t1 > t2;
}

function readyTime(pod: KObject): number {
  const c = (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready' && c.status === 'True');
  return timeOf(c?.lastTransitionTime);
}

/** Returns the highest restart count of the regular containers, then of the restartable (sidecar) init containers. */
function maxRestarts(pod: KObject): [number, number] {
  const regular = Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c: any) => c.restartCount ?? 0));
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always').map((c: any) => c.name));
  const sidecar = Math.max(0, ...(pod.status?.initContainerStatuses ?? []).filter((c: any) => sidecars.has(c.name)).map((c: any) => c.restartCount ?? 0));
  return [regular, sidecar];
}

/** Phase rank in ActivePods. Phases outside the map rank with Pending, as an absent Go map key reads 0. */
const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Reports whether pod `a` is less active than `b`, as podutils.ActivePods.Less
 * (kubectl 1.32) does: unbound, then Pending before Unknown before Running,
 * not ready, deleting (earlier deletion first), ready more recently, more
 * restarts (regular containers, then sidecars), newer.
 */
export function isLessActive(a: KObject, b: KObject): boolean {
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '';
  const rankA = PHASE_RANK[a.status?.phase] ?? 0;
  const rankB = PHASE_RANK[b.status?.phase] ?? 0;
  if (rankA !== rankB) return rankA < rankB;
  if (isReady(a) !== isReady(b)) return !isReady(a);
  const deletingA = timeOf(a.metadata.deletionTimestamp);
  const deletingB = timeOf(b.metadata.deletionTimestamp);
  if ((deletingA > 0) !== (deletingB > 0)) return deletingA > 0;
  if (deletingA > 0 && deletingB > 0 && deletingA !== deletingB) return deletingA < deletingB;
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b));
  const [regularA, sidecarA] = maxRestarts(a);
  const [regularB, sidecarB] = maxRestarts(b);
  if (regularA !== regularB) return regularA > regularB;
  if (sidecarA !== sidecarB) return sidecarA > sidecarB;
  const createdA = timeOf(a.metadata.creationTimestamp);
  const createdB = timeOf(b.metadata.creationTimestamp);
  if (createdA !== createdB) return afterOrZero(createdA, createdB);
  return false;
}

/** Orders pods most active first, as kubectl's sort.Reverse(ActivePods) does. */
export function compareMostActive(a: KObject, b: KObject): number {
  if (isLessActive(b, a)) return -1;
  if (isLessActive(a, b)) return 1;
  return 0;
}
