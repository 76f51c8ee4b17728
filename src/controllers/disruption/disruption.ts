/**
 * The disruption controller: keeps each PodDisruptionBudget's status
 * (expectedPods, desiredHealthy, currentHealthy, disruptionsAllowed,
 * disruptedPods and the DisruptionAllowed condition) as
 * pkg/controller/disruption/disruption.go does in Kubernetes 1.32. The
 * eviction subresource (engine/evict.ts) reads that status to approve or
 * reject evictions.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext } from '../../engine/controller.js';
import { selfMapper, splitKey } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { formatGoLabelSelector, labelSelectorAsSelector, matches } from '../../api/selectors.js';
import { ApiError } from '../../api/errors.js';
import { isoTime } from '../../store/store.js';
import { DISRUPTION_ALLOWED, SYNC_FAILED, conditionsAreUpToDate, setStatusCondition, updateDisruptionAllowedCondition } from './conditions.js';
import { buildDisruptedPodMap, calculateDisruptionsAllowed, calculateExpectedPodCount, countHealthyPods } from './expected.js';
import { findControllerScale } from './scale.js';
import { podMapper } from './pod-mapper.js';

const SOURCE = { component: 'controllermanager' };

/** Event reasons. */
const NO_PODS = 'NoPods'; // the selector matches no pod (Normal), or listing pods failed (Warning)
const CALCULATE_EXPECTED_POD_COUNT_FAILED = 'CalculateExpectedPodCountFailed'; // a selected pod's controller or its scale was not found
const UNMANAGED_PODS = 'UnmanagedPods'; // a percent or maxUnavailable budget selects pods without a controller
const NOT_DELETED = 'NotDeleted'; // on a pod an eviction approved that was not deleted within DELETION_TIMEOUT_MS

/**
 * Delay (ms) before a recheck of expiring disruptedPods entries. The
 * controller's queue adds a rate limiter's delay (5 ms at first), so the
 * recheck runs after the entry's deadline, not at it.
 */
const RECHECK_DELAY_MS = 5;

/** Lists the pods of the budget's namespace that its selector matches. An absent selector matches none. */
function listPodsForBudget(ctx: ControllerContext, pdb: KObject): KObject[] {
  const selector = labelSelectorAsSelector(pdb.spec?.selector);
  if (!selector) return [];
  return ctx.store.list('pods', pdb.metadata.namespace ?? '', { shared: true }).filter((pod) => matches(selector, pod.metadata.labels));
}

function unmanagedPodsMessage(pdb: KObject): string {
  return (
    `Pods selected by this PodDisruptionBudget (selector: ${formatGoLabelSelector(pdb.spec?.selector)}) were found to be unmanaged. ` +
    'As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ' +
    'To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.'
  );
}

/** Computes and writes the budget's status. Throws what failed, after recording its event. */
function trySync(ctx: ControllerContext, pdb: KObject, key: string): void {
  let pods: KObject[];
  try {
    pods = listPodsForBudget(ctx, pdb);
  } catch (err) {
    recordEvent(ctx.store, pdb, 'Warning', NO_PODS, `Failed to get pods: ${(err as Error).message}`, SOURCE);
    throw err;
  }
  if (pods.length === 0) recordEvent(ctx.store, pdb, 'Normal', NO_PODS, 'No matching pods found', SOURCE);

  let expected;
  try {
    expected = calculateExpectedPodCount(pdb, pods, (ref, namespace) => findControllerScale(ctx.store, ref, namespace));
  } catch (err) {
    recordEvent(ctx.store, pdb, 'Warning', CALCULATE_EXPECTED_POD_COUNT_FAILED, `Failed to calculate the number of expected pods: ${(err as Error).message}`, SOURCE);
    throw err;
  }
  if (expected.unmanagedPods.length > 0) recordEvent(ctx.store, pdb, 'Warning', UNMANAGED_PODS, unmanagedPodsMessage(pdb), SOURCE);

  const now = ctx.now();
  const { disruptedPods, recheckAt, expired } = buildDisruptedPodMap(pods, pdb.status?.disruptedPods, now);
  for (const pod of expired) {
    // The message names the budget's namespace twice, as kube-controller-manager's does.
    const ns = pdb.metadata.namespace ?? '';
    recordEvent(ctx.store, pod, 'Warning', NOT_DELETED, `Pod was expected by PDB ${ns}/${ns} to be deleted but it wasn't`, SOURCE);
  }
  const currentHealthy = countHealthyPods(pods, disruptedPods, now);
  updateBudgetStatus(ctx, pdb, { currentHealthy, desiredHealthy: expected.desiredHealthy, expectedPods: expected.expectedCount, disruptedPods });
  if (recheckAt !== undefined) ctx.wakeAt(recheckAt + RECHECK_DELAY_MS, key);
}

interface BudgetCounts {
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  disruptedPods: Record<string, string>;
}

function sameDisruptedPods(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  const keys = Object.keys(a ?? {});
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a![k] === b[k]);
}

/** Writes the status when any count, the generation or the condition is out of date. */
function updateBudgetStatus(ctx: ControllerContext, pdb: KObject, counts: BudgetCounts): void {
  const disruptionsAllowed = calculateDisruptionsAllowed(counts.currentHealthy, counts.desiredHealthy, counts.expectedPods);
  const status = pdb.status ?? {};
  const generation = pdb.metadata.generation ?? 0;
  if (
    status.currentHealthy === counts.currentHealthy &&
    status.desiredHealthy === counts.desiredHealthy &&
    status.expectedPods === counts.expectedPods &&
    status.disruptionsAllowed === disruptionsAllowed &&
    sameDisruptedPods(status.disruptedPods, counts.disruptedPods) &&
    (status.observedGeneration ?? 0) === generation &&
    conditionsAreUpToDate(pdb)
  ) {
    return;
  }

  const next: KObject = { ...pdb, status: {} };
  // Keys in the Go field order, because `-o json` prints stored objects in their key order.
  if (generation) next.status.observedGeneration = generation;
  if (Object.keys(counts.disruptedPods).length > 0) next.status.disruptedPods = counts.disruptedPods;
  next.status.disruptionsAllowed = disruptionsAllowed;
  next.status.currentHealthy = counts.currentHealthy;
  next.status.desiredHealthy = counts.desiredHealthy;
  next.status.expectedPods = counts.expectedPods;
  next.status.conditions = (status.conditions ?? []).map((c: object) => ({ ...c }));
  updateDisruptionAllowedCondition(next, isoTime(ctx.now()));
  ctx.store.update('poddisruptionbudgets', next);
}

/**
 * Sets disruptionsAllowed to zero and DisruptionAllowed to False with reason
 * SyncFailed and the error, so no eviction is approved on a status that
 * could not be computed (failSafe).
 */
function failSafe(ctx: ControllerContext, pdb: KObject, err: Error): void {
  const next: KObject = { ...pdb, status: { ...(pdb.status ?? {}), disruptionsAllowed: 0 } };
  next.status.conditions = (pdb.status?.conditions ?? []).map((c: object) => ({ ...c }));
  setStatusCondition(
    next.status.conditions,
    { type: DISRUPTION_ALLOWED, status: 'False', observedGeneration: next.status.observedGeneration, reason: SYNC_FAILED, message: err.message },
    isoTime(ctx.now()),
  );
  ctx.store.update('poddisruptionbudgets', next);
}

export const disruptionController: Controller = {
  name: 'disruption',
  watches: { poddisruptionbudgets: selfMapper, pods: podMapper },
  reconcile(ctx, key) {
    const [ns, name] = splitKey(key);
    const pdb = ctx.store.get('poddisruptionbudgets', ns, name);
    if (!pdb) return;
    try {
      trySync(ctx, pdb, key);
    } catch (err) {
      // A conflict means the budget changed since it was read, and that write has queued it again.
      if (err instanceof ApiError && err.reason === 'Conflict') return;
      // Simplified: Kubernetes requeues a failed budget with backoff; kubesim syncs it again on the next budget or pod write.
      failSafe(ctx, pdb, err as Error);
    }
  },
};
