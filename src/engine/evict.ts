/**
 * The pods/eviction subresource (POST .../pods/NAME/eviction): deletes a pod
 * only when its PodDisruptionBudget allows it, as
 * pkg/registry/core/pod/storage/eviction.go does. An approved eviction
 * spends one of the budget's disruptionsAllowed and records the pod in
 * status.disruptedPods, so the disruption controller stops counting it as
 * healthy before its deletion is seen.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { ApiError, notFound } from '../api/errors.js';
import { labelSelectorAsSelector, matches } from '../api/selectors.js';
import { isoTime } from '../store/store.js';
import { isPodReady } from '../controllers/podutil/pod-state.js';
import { updateDisruptionAllowedCondition } from '../controllers/disruption/conditions.js';
import { deleteObject } from './delete.js';

/**
 * Maximum number of status.disruptedPods entries. Beyond it the API server
 * rejects evictions, because too many approved ones were not yet seen by
 * the disruption controller (MaxDisruptedPodSize).
 */
const MAX_DISRUPTED_POD_SIZE = 2000;

/** The message of every eviction a budget rejects with 429 Too Many Requests. */
export const EVICTION_REJECTED_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";

export interface EvictOptions {
  /** Seconds; undefined uses the pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds?: number;
}

/** Reports whether a pod may go without asking its budget: finished, Pending, or already being deleted (canIgnorePDB). */
function canIgnoreBudget(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

/**
 * Lists the budgets of the pod's namespace that select it. Budgets with an
 * absent, empty or invalid selector select nothing here.
 */
function findBudgetsForPod(store: Store, pod: KObject): KObject[] {
  return store.list('poddisruptionbudgets', pod.metadata.namespace ?? '').filter((pdb) => {
    let selector;
    try {
      selector = labelSelectorAsSelector(pdb.spec?.selector);
    } catch {
      return false;
    }
    return selector !== null && selector.length > 0 && matches(selector, pod.metadata.labels);
  });
}

function tooManyRequests(): ApiError {
  // Simplified: the Status also carries a DisruptionBudget cause naming the budget, which kubectl drain does not print.
  return new ApiError('TooManyRequests', 429, EVICTION_REJECTED_MESSAGE);
}

function forbidden(pdb: KObject, detail: string): ApiError {
  return new ApiError('Forbidden', 403, `poddisruptionbudget.policy "${pdb.metadata.name}" is forbidden: ${detail}`);
}

/**
 * Spends one disruption of the budget for `podName` and records it in
 * status.disruptedPods, or throws when the budget allows none (checkAndDecrement).
 */
function spendDisruption(store: Store, pdb: KObject, podName: string): void {
  const status = pdb.status ?? {};
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw tooManyRequests();
  if ((status.disruptionsAllowed ?? 0) < 0) throw forbidden(pdb, 'pdb disruptions allowed is negative');
  if (Object.keys(status.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw forbidden(pdb, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  }
  if ((status.disruptionsAllowed ?? 0) === 0) throw tooManyRequests();

  const now = isoTime(store.now());
  const next: KObject = { ...pdb, status: { ...status, disruptionsAllowed: status.disruptionsAllowed - 1 } };
  next.status.conditions = (status.conditions ?? []).map((c: object) => ({ ...c }));
  if (next.status.disruptionsAllowed === 0) updateDisruptionAllowedCondition(next, now);
  next.status.disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: now };
  store.update('poddisruptionbudgets', next);
}

/**
 * Evicts a pod: deletes it when its budget allows, with the eviction's
 * grace period. Throws NotFound for a missing pod. Throws 429
 * TooManyRequests (EVICTION_REJECTED_MESSAGE) when the budget allows no
 * disruption now or has not observed its latest generation. Throws 403
 * Forbidden for a budget in a broken state, and 500 when more than one
 * budget selects the pod.
 *
 * A pod that is not Ready does not count as healthy, so evicting it spends
 * nothing. With unhealthyPodEvictionPolicy AlwaysAllow it always goes. With
 * IfHealthyBudget (the default) it goes only while the budget is met
 * (currentHealthy >= desiredHealthy > 0), and otherwise it must pass the
 * same check as a Ready pod.
 */
export function evictPod(store: Store, namespace: string, name: string, opts: EvictOptions = {}): void {
  store.tx(() => {
    const pod = store.get('pods', namespace, name);
    if (!pod) throw notFound('pods', name);
    const remove = () => deleteObject(store, 'pods', namespace, name, { gracePeriodSeconds: opts.gracePeriodSeconds });
    if (canIgnoreBudget(pod)) {
      remove();
      return;
    }

    const budgets = findBudgetsForPod(store, pod);
    if (budgets.length > 1) throw new ApiError('InternalError', 500, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    if (budgets.length === 1) {
      const pdb = budgets[0];
      const status = pdb.status ?? {};
      // NOTE: the unhealthy-pod rules follow the documented unhealthyPodEvictionPolicy (GA in 1.31), because the 1.32 eviction.go was not available to compare line by line.
      const unhealthyMayGo =
        !isPodReady(pod) &&
        (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow' || ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0));
      if (!unhealthyMayGo) spendDisruption(store, pdb, pod.metadata.name);
    }
    // TODO(eviction): Kubernetes 1.32 also sets the pod's DisruptionTarget condition (reason EvictionByEvictionAPI) before deleting it, but kubesim deletes it without that condition.
    remove();
  });
}
