/**
 * The order in which a ReplicaSet gives up pods when it scales down
 * (ActivePodsWithRanks in k8s.io/kubernetes pkg/controller/controller_utils.go):
 * the pods that cost least to lose go first.
 */
import type { KObject } from '../../api/types.js';
import { isPodReady, readySince } from './pods.js';

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

function restarts(pod: KObject): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}

function deletionCost(pod: KObject): number {
  const v = Number(pod.metadata.annotations?.[DELETION_COST] ?? '0');
  return Number.isFinite(v) ? v : 0;
}

interface Ranked {
  pod: KObject;
  rank: number;
  assigned: boolean;
  phase: number;
  ready: boolean;
  readySince: number;
  cost: number;
  restarts: number;
  created: number;
  uid: string;
}

/** Compares two ranked pods; negative means `a` is deleted before `b`. */
function compare(a: Ranked, b: Ranked): number {
  // 1. Unassigned pods before assigned ones.
  if (a.assigned !== b.assigned) return a.assigned ? 1 : -1;
  // 2. Pending before Unknown before Running.
  if (a.phase !== b.phase) return a.phase - b.phase;
  // 3. Not ready before ready.
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower pod-deletion-cost first.
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. Pods sharing a node with more of their siblings first.
  if (a.rank !== b.rank) return b.rank - a.rank;
  // 6. Ready for a shorter time first.
  if (a.ready && b.ready && a.readySince !== b.readySince) return b.readySince - a.readySince;
  // 7. More restarts first.
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  // 8. Newer first.
  if (a.created !== b.created) return b.created - a.created;
  return a.uid.localeCompare(b.uid);
}

/**
 * Picks `count` pods to delete from `pods`. `related` are all active pods of
 * the same owner, used to rank pods by how crowded their node is.
 */
export function choosePodsToDelete(pods: KObject[], related: KObject[], count: number): KObject[] {
  if (count <= 0) return [];
  if (count >= pods.length) return [...pods];
  const perNode = new Map<string, number>();
  for (const p of related) {
    const n = p.spec?.nodeName;
    if (n) perNode.set(n, (perNode.get(n) ?? 0) + 1);
  }
  const ranked: Ranked[] = pods.map((pod) => ({
    pod,
    rank: pod.spec?.nodeName ? (perNode.get(pod.spec.nodeName) ?? 0) : 0,
    assigned: !!pod.spec?.nodeName,
    phase: PHASE_ORDER[pod.status?.phase ?? 'Pending'] ?? 0,
    ready: isPodReady(pod),
    readySince: readySince(pod) ?? 0,
    cost: deletionCost(pod),
    restarts: restarts(pod),
    created: Date.parse(pod.metadata.creationTimestamp ?? '') || 0,
    uid: pod.metadata.uid ?? '',
  }));
  ranked.sort(compare);
  return ranked.slice(0, count).map((r) => r.pod);
}
