/**
 * The DaemonSet RollingUpdate strategy as a pure plan over nodes: which old
 * pods to delete now and on which nodes to surge a new pod, within
 * maxUnavailable (no surge) or maxSurge.
 */
import type { KObject } from '../../api/types.js';
import { scaledValue } from '../podutil/pod-state.js';

export interface NodePods {
  node: string;
  /** Active pods of the current revision on the node (oldest first). */
  newPods: KObject[];
  /** Active pods of older revisions on the node (oldest first). */
  oldPods: KObject[];
}

export interface RollingPlan {
  deletePods: KObject[];
  /** Nodes that get a new pod next to their old one. */
  surgeNodes: string[];
}

/** Resolves maxSurge and maxUnavailable against the desired count; both zero means one unavailable. */
export function calculateBudgets(ds: KObject, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge ?? 0, desired, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? 1, desired, true);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/**
 * Plans one step of the rolling update. `available` reports whether a pod has
 * been Ready for minReadySeconds. Example without surge: 3 nodes with old
 * available pods and maxUnavailable 1 delete one old pod; the replacement is
 * created on the next sync, and the next old pod goes once it is available.
 */
export function planRollingUpdate(nodes: NodePods[], budgets: { maxSurge: number; maxUnavailable: number }, available: (pod: KObject) => boolean): RollingPlan {
  const plan: RollingPlan = { deletePods: [], surgeNodes: [] };
  if (budgets.maxSurge === 0) {
    let unavailable = 0;
    const candidates: KObject[] = [];
    for (const n of nodes) {
      const newPod = n.newPods[0];
      const oldPod = n.oldPods[0];
      if (!newPod && !oldPod) unavailable++;
      else if (newPod) {
        if (!available(newPod)) unavailable++;
      } else if (!available(oldPod)) {
        plan.deletePods.push(oldPod);
        unavailable++;
      } else candidates.push(oldPod);
    }
    const room = Math.max(0, budgets.maxUnavailable - unavailable);
    plan.deletePods.push(...candidates.slice(0, room));
    return plan;
  }
  let surging = 0;
  const candidates: string[] = [];
  for (const n of nodes) {
    const newPod = n.newPods[0];
    const oldPod = n.oldPods[0];
    if (!oldPod) continue;
    if (newPod) {
      if (available(newPod)) plan.deletePods.push(...n.oldPods);
      else surging++;
    } else if (!available(oldPod)) plan.deletePods.push(oldPod);
    else candidates.push(n.node);
  }
  plan.surgeNodes = candidates.slice(0, Math.max(0, budgets.maxSurge - surging));
  return plan;
}
