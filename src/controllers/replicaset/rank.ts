/**
 * The order in which a ReplicaSet gives up pods when it scales down
 * (ActivePodsWithRanks in k8s.io/kubernetes pkg/controller/controller_utils.go):
 * the pods that cost least to lose go first.
 */
import type { KObject } from '../../api/types.js';
import { podFacts } from './pod-facts.js';

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

/** Ranking facts of one pod version, except how crowded its node is. */
interface Ranked {
  pod: KObject;
  nodeName: string | undefined;
  assigned: boolean;
  phase: number;
  ready: boolean;
  readySince: number;
  cost: number;
  restarts: number;
  created: number;
  uid: string;
}

/** Ranking facts per pod object, valid because the pods passed in do not change (see pod-facts.ts). */
const memo = new WeakMap<KObject, Ranked>();

function rankedOf(pod: KObject): Ranked {
  let r = memo.get(pod);
  if (r === undefined) {
    const facts = podFacts(pod);
    r = {
      pod,
      nodeName: facts.nodeName,
      assigned: facts.nodeName !== undefined,
      phase: PHASE_ORDER[pod.status?.phase ?? 'Pending'] ?? 0,
      ready: facts.ready,
      readySince: facts.readySince,
      cost: deletionCost(pod),
      restarts: restarts(pod),
      created: Date.parse(pod.metadata.creationTimestamp ?? '') || 0,
      uid: pod.metadata.uid ?? '',
    };
    memo.set(pod, r);
  }
  return r;
}

/** Compares two ranked pods: negative means `a` is deleted before `b`. `rankA` and `rankB` count the siblings on each pod's node. */
function compare(a: Ranked, rankA: number, b: Ranked, rankB: number): number {
  // 1. Unassigned pods before assigned ones.
  if (a.assigned !== b.assigned) return a.assigned ? 1 : -1;
  // 2. Pending before Unknown before Running.
  if (a.phase !== b.phase) return a.phase - b.phase;
  // 3. Not ready before ready.
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower pod-deletion-cost first.
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. Pods sharing a node with more of their siblings first.
  if (rankA !== rankB) return rankB - rankA;
  // 6. Ready for a shorter time first.
  if (a.ready && b.ready && a.readySince !== b.readySince) return b.readySince - a.readySince;
  // 7. More restarts first.
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  // 8. Newer first.
  if (a.created !== b.created) return b.created - a.created;
  return a.uid.localeCompare(b.uid);
}

/**
 * Picks `count` pods to delete from `pods`, cheapest first. `related` are
 * all active pods of the same owner, used to rank pods by how crowded their
 * node is. The pods must not change afterwards (their ranking facts are kept).
 * The result is the first `count` of a stable sort of `pods` by the ranking.
 * When few pods are requested, a bounded heap picks them without sorting all.
 */
export function choosePodsToDelete(pods: KObject[], related: KObject[], count: number): KObject[] {
  if (count <= 0) return [];
  if (count >= pods.length) return [...pods];
  const perNode = new Map<string, number>();
  for (const p of related) {
    const n = podFacts(p).nodeName;
    if (n !== undefined) perNode.set(n, (perNode.get(n) ?? 0) + 1);
  }
  const n = pods.length;
  const ranked = new Array<Ranked>(n);
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const r = rankedOf(pods[i]);
    ranked[i] = r;
    ranks[i] = r.nodeName !== undefined ? (perNode.get(r.nodeName) ?? 0) : 0;
  }
  // Ties fall back to the input order, as in a stable sort.
  const cmp = (i: number, j: number): number => compare(ranked[i], ranks[i], ranked[j], ranks[j]) || i - j;
  const chosen = count * 2 > n ? allIndexes(n) : smallest(n, count, cmp);
  chosen.sort(cmp);
  const out = new Array<KObject>(count);
  for (let i = 0; i < count; i++) out[i] = pods[chosen[i]];
  return out;
}

function allIndexes(n: number): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/** Returns the indexes of the `k` smallest of 0..n-1 under `cmp` (a total order), in no particular order. */
function smallest(n: number, k: number, cmp: (i: number, j: number) => number): number[] {
  // A max-heap of the k smallest seen so far: its root is the largest of them.
  const heap: number[] = [];
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      siftUp(heap, heap.length - 1, cmp);
    } else if (cmp(i, heap[0]) < 0) {
      heap[0] = i;
      siftDown(heap, 0, cmp);
    }
  }
  return heap;
}

function siftUp(heap: number[], at: number, cmp: (i: number, j: number) => number): void {
  const item = heap[at];
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (cmp(heap[parent], item) >= 0) break;
    heap[at] = heap[parent];
    at = parent;
  }
  heap[at] = item;
}

function siftDown(heap: number[], at: number, cmp: (i: number, j: number) => number): void {
  const item = heap[at];
  const n = heap.length;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= n) break;
    if (child + 1 < n && cmp(heap[child + 1], heap[child]) > 0) child++;
    if (cmp(heap[child], item) <= 0) break;
    heap[at] = heap[child];
    at = child;
  }
  heap[at] = item;
}
