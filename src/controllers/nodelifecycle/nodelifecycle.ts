/**
 * The node lifecycle controller, with the parts of the taint manager and
 * pod garbage collector that follow a node's health. A cordoned node gets
 * the `unschedulable` taint. A node whose kubelet stopped reporting gets the
 * `unreachable` taints, and its pods are marked not Ready, then marked for
 * deletion once their NoExecute toleration (300 s by default) runs out.
 * Pods that do not tolerate a NoExecute taint a user put on a healthy node
 * are marked for deletion too. A node that is gone takes its pods with it.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { deleteObject, removePodNow } from '../../engine/delete.js';
import { isoTime } from '../../store/store.js';
import { isNodeReady, type Taint, type Toleration } from '../scheduler/fit.js';

/** Taint keys the node controllers manage. */
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

const MANAGED = new Set([TAINT_UNREACHABLE, TAINT_NOT_READY, TAINT_UNSCHEDULABLE]);

function nodeKey(obj: KObject | undefined, old: KObject | undefined): string | undefined {
  const o = obj ?? old;
  return o ? o.metadata.name : undefined;
}

/** Returns the taints the controller expects on a node, given its health and spec.unschedulable. */
export function calculateManagedTaints(node: KObject, nowIso: string): Taint[] {
  const want: (Taint & { timeAdded?: string })[] = [];
  const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  if (ready && ready.status !== 'True') {
    const key = ready.status === 'Unknown' ? TAINT_UNREACHABLE : TAINT_NOT_READY;
    want.push({ key, effect: 'NoSchedule' });
    want.push({ key, effect: 'NoExecute', timeAdded: nowIso });
  }
  if (node.spec?.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule', timeAdded: nowIso });
  return want;
}

/** Brings the managed taints in line and reports whether the node changed. */
function syncTaints(node: KObject, nowIso: string): boolean {
  const current: any[] = node.spec?.taints ?? [];
  const want = calculateManagedTaints(node, nowIso);
  const same = (a: any, b: any) => a.key === b.key && a.effect === b.effect;
  const kept = current.filter((t) => !MANAGED.has(t.key) || want.some((w) => same(w, t)));
  const added = want.filter((w) => !current.some((t) => same(w, t))).map((w: any) => (w.effect === 'NoSchedule' && w.key !== TAINT_UNSCHEDULABLE ? { key: w.key, effect: w.effect } : w));
  if (added.length === 0 && kept.length === current.length) return false;
  const taints = [...kept, ...added];
  node.spec ??= {};
  if (taints.length) node.spec.taints = taints;
  else delete node.spec.taints;
  return true;
}

/** Returns when a pod tolerating `taint` for tolerationSeconds is evicted: Infinity when tolerated forever, 0 when not tolerated. */
export function evictionTime(tolerations: Toleration[] | undefined, taint: Taint & { timeAdded?: string }): number {
  let best = -1;
  for (const t of tolerations ?? []) {
    if (t.effect && t.effect !== taint.effect) continue;
    if (t.key && t.key !== taint.key) continue;
    if (!t.key && t.operator !== 'Exists') continue;
    if (t.key && t.operator !== 'Exists' && (t.value ?? '') !== (taint.value ?? '')) continue;
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) return Infinity;
    best = Math.max(best, t.tolerationSeconds);
  }
  if (best < 0) return 0;
  const added = taint.timeAdded ? Date.parse(taint.timeAdded) : 0;
  return added + Math.max(0, best) * 1000;
}

function markPodNotReady(ctx: ControllerContext, pod: KObject): void {
  const conditions: any[] = pod.status?.conditions ?? [];
  const ready = conditions.find((c) => c.type === 'Ready');
  if (!ready || ready.status === 'False') return;
  ready.status = 'False';
  ready.lastTransitionTime = isoTime(ctx.now());
  for (const cs of pod.status?.containerStatuses ?? []) cs.ready = false;
  ctx.store.update('pods', pod);
}

/**
 * Evicts the pods of a node with NoExecute taints whose toleration ran out,
 * and wakes again for the next one. On an unhealthy node (`unhealthy`) the
 * pods are also marked not Ready. A healthy node's NoExecute taints are
 * ones a user added, and the taint eviction controller enforces them too.
 */
function evictPods(ctx: ControllerContext, node: KObject, unhealthy: boolean): void {
  const noExecute = ((node.spec?.taints ?? []) as any[]).filter((t) => t.effect === 'NoExecute');
  if (!unhealthy && noExecute.length === 0) return;
  let next = Infinity;
  for (const pod of ctx.store.list('pods', undefined, { node: node.metadata.name })) {
    if (pod.metadata.deletionTimestamp) continue;
    if (unhealthy) markPodNotReady(ctx, pod);
    let at = Infinity;
    for (const taint of noExecute) at = Math.min(at, evictionTime(pod.spec?.tolerations, taint));
    if (at === Infinity) continue;
    if (at > ctx.now()) {
      next = Math.min(next, at);
      continue;
    }
    const fresh = ctx.store.get('pods', pod.metadata.namespace ?? '', pod.metadata.name);
    if (!fresh) continue;
    recordEvent(ctx.store, fresh, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`, { component: 'taint-eviction-controller' });
    deleteObject(ctx.store, 'pods', pod.metadata.namespace ?? '', pod.metadata.name);
  }
  if (next !== Infinity) ctx.wakeAt(next, node.metadata.name);
}

/** Removes the pods of a node that left the cluster (pod garbage collection). */
function deleteOrphanedPods(ctx: ControllerContext, nodeName: string): void {
  for (const pod of ctx.store.list('pods', undefined, { node: nodeName })) {
    removePodNow(ctx.store, pod);
  }
}

export const nodeLifecycle: Controller = {
  name: 'nodelifecycle',
  watches: { nodes: nodeKey },
  reconcile(ctx, key) {
    const node = ctx.store.get('nodes', '', key);
    if (!node) {
      deleteOrphanedPods(ctx, key);
      return;
    }
    const wasReady = !((node.spec?.taints ?? []) as any[]).some((t) => t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY);
    const changed = syncTaints(node, isoTime(ctx.now()));
    const saved = changed ? ctx.store.update('nodes', node) : node;
    if (!isNodeReady(saved)) {
      evictPods(ctx, saved, true);
      return;
    }
    evictPods(ctx, saved, false);
    if (!wasReady) {
      // The kubelet is back, so it catches up with every pod it missed while away.
      for (const pod of ctx.store.list('pods', undefined, { node: key })) ctx.store.enqueue('kubelet', `${pod.metadata.namespace}/${pod.metadata.name}`);
    }
  },
};
