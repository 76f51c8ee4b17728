/**
 * Which pod `logs TYPE/NAME` reads when the workload has several: kubectl
 * sorts them with controller.ByLogging and takes the first.
 */
import type { KObject } from '../../api/types.js';

function isReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}

function maxRestarts(pod: KObject): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c: any) => c.restartCount ?? 0));
}

/** Phase rank: Running first, then Unknown, then Pending. Other phases rank with Running, as an absent Go map key reads 0. */
const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };

/**
 * Orders pods the way kubectl picks one for logs: bound before unbound,
 * Running before Unknown before Pending, ready before not ready, more
 * restarts first, then older first.
 */
export function compareForLogging(a: KObject, b: KObject): number {
  const boundA = !!a.spec?.nodeName;
  const boundB = !!b.spec?.nodeName;
  if (boundA !== boundB) return boundA ? -1 : 1;
  const rankA = PHASE_RANK[a.status?.phase] ?? 0;
  const rankB = PHASE_RANK[b.status?.phase] ?? 0;
  if (rankA !== rankB) return rankA - rankB;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  return String(a.metadata.creationTimestamp ?? '').localeCompare(String(b.metadata.creationTimestamp ?? ''));
}
