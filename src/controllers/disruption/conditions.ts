/**
 * The DisruptionAllowed condition of a PodDisruptionBudget, as the
 * disruption controller and the eviction subresource keep it
 * (k8s.io/component-helpers/apps/poddisruptionbudget, with apimachinery's
 * SetStatusCondition rules for when lastTransitionTime moves).
 */
import type { KObject } from '../../api/types.js';

/** Condition type on every synced PodDisruptionBudget. */
export const DISRUPTION_ALLOWED = 'DisruptionAllowed';
/** Reason while disruptionsAllowed is above zero (status True). */
export const SUFFICIENT_PODS = 'SufficientPods';
/** Reason while disruptionsAllowed is zero (status False). */
export const INSUFFICIENT_PODS = 'InsufficientPods';
/** Reason when the controller failed to compute the status and set disruptionsAllowed to zero (status False). */
export const SYNC_FAILED = 'SyncFailed';

/** A metav1.Condition as served: every field but observedGeneration is always present. */
export interface BudgetCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  observedGeneration?: number;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/**
 * Sets a condition in place by type. A new condition, or one whose status
 * changes, takes `now` as its lastTransitionTime. A condition that keeps its
 * status keeps its time and only takes the new reason, message and
 * observedGeneration.
 */
export function setStatusCondition(conditions: BudgetCondition[], next: Omit<BudgetCondition, 'lastTransitionTime'>, now: string): void {
  const i = conditions.findIndex((c) => c.type === next.type);
  const existing = i < 0 ? undefined : conditions[i];
  const time = existing && existing.status === next.status ? existing.lastTransitionTime : now;
  // Built in the Go field order, because `-o json` prints stored objects in their key order.
  const c: BudgetCondition = { type: next.type, status: next.status } as BudgetCondition;
  if (next.observedGeneration) c.observedGeneration = next.observedGeneration;
  c.lastTransitionTime = time;
  c.reason = next.reason;
  c.message = next.message;
  if (i < 0) conditions.push(c);
  else conditions[i] = c;
}

/** Sets DisruptionAllowed from status.disruptionsAllowed (UpdateDisruptionAllowedCondition). */
export function updateDisruptionAllowedCondition(pdb: KObject, now: string): void {
  const status = (pdb.status ??= {});
  const conditions: BudgetCondition[] = (status.conditions ??= []);
  const allowed = (status.disruptionsAllowed ?? 0) > 0;
  setStatusCondition(
    conditions,
    {
      type: DISRUPTION_ALLOWED,
      status: allowed ? 'True' : 'False',
      observedGeneration: status.observedGeneration,
      reason: allowed ? SUFFICIENT_PODS : INSUFFICIENT_PODS,
      message: '',
    },
    now,
  );
}

/**
 * Reports whether DisruptionAllowed matches disruptionsAllowed for the
 * current generation (ConditionsAreUpToDate). A SyncFailed condition is never
 * up to date, so the next successful sync replaces it.
 */
export function conditionsAreUpToDate(pdb: KObject): boolean {
  const status = pdb.status ?? {};
  const c = (status.conditions ?? []).find((x: BudgetCondition) => x.type === DISRUPTION_ALLOWED);
  if (!c) return false;
  if ((status.observedGeneration ?? 0) !== (pdb.metadata.generation ?? 0)) return false;
  if ((status.disruptionsAllowed ?? 0) > 0) return c.status === 'True' && c.reason === SUFFICIENT_PODS;
  return c.status === 'False' && c.reason === INSUFFICIENT_PODS;
}
