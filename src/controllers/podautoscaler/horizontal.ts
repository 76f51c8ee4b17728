/**
 * The HorizontalPodAutoscaler controller. Each HPA syncs every 15 simulated
 * seconds from its creation on, driven by a persisted timer per HPA.
 * A sync reads the target's scale, turns the metrics into a proposal,
 * stabilizes and limits it, and writes spec.replicas through the scale
 * subresource. Status, conditions and events follow Kubernetes' horizontal.go.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { ApiError } from '../../api/errors.js';
import { isoTime } from '../../store/store.js';
import { splitKey, type Controller, type ControllerContext } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { MetricsSnapshot } from '../../metrics/usage.js';
import { getScale, updateScale, type Scale } from './scale.js';
import { computeReplicasForMetrics } from './metrics.js';
import { normalizeClassic, normalizeWithBehavior, recordScaleEvent, type AutoscalerHistory, type LimitVerdict } from './normalize.js';

/** Kubernetes' default --horizontal-pod-autoscaler-sync-period. */
export const SYNC_PERIOD_MS = 15_000;

const SOURCE = { component: 'horizontal-pod-autoscaler' };

/** Per-HPA controller state kept between syncs in the store's meta table. */
interface AutoscalerState extends AutoscalerHistory {
  uid: string;
  nextSync: number;
}

function stateKey(namespace: string, name: string): string {
  return `hpa/${namespace}/${name}`;
}

function readState(store: Store, hpa: KObject): AutoscalerState | undefined {
  const raw = store.getMeta(stateKey(hpa.metadata.namespace ?? '', hpa.metadata.name));
  const state = raw ? (JSON.parse(raw) as AutoscalerState) : undefined;
  // A state left by a deleted HPA of the same name does not carry over to a new one.
  return state && state.uid === hpa.metadata.uid ? state : undefined;
}

function deleteState(store: Store, namespace: string, name: string): void {
  store.db.prepare('DELETE FROM meta WHERE key = ?').run(stateKey(namespace, name));
}

function writeState(store: Store, hpa: KObject, state: AutoscalerState): void {
  store.setMeta(stateKey(hpa.metadata.namespace ?? '', hpa.metadata.name), JSON.stringify(state));
}

/** Sets a condition in place, moving lastTransitionTime only when the status changes (setCondition upstream). */
function setCondition(status: any, type: string, value: 'True' | 'False', reason: string, message: string, now: number): void {
  status.conditions ??= [];
  let c = status.conditions.find((x: any) => x.type === type);
  if (!c) {
    c = { type };
    status.conditions.push(c);
  }
  if (c.status !== value) c.lastTransitionTime = isoTime(now);
  c.status = value;
  c.reason = reason;
  c.message = message;
  // Keep the API's field order: type, status, lastTransitionTime, reason, message.
  const ordered = { type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  status.conditions[status.conditions.indexOf(c)] = ordered;
}

/** Writes the HPA's status when it changed (updateStatusIfNeeded upstream). */
function updateStatusIfNeeded(store: Store, hpa: KObject, status: any): void {
  if (JSON.stringify(hpa.status ?? {}) === JSON.stringify(status)) return;
  store.update('horizontalpodautoscalers', { ...hpa, status });
}

/** Rebuilds status around the current counts and metrics (setStatus upstream). */
function buildStatus(previous: any, current: number, desired: number, metrics: any[], rescaled: boolean, now: number): any {
  const status: any = {};
  if (current !== 0) status.currentReplicas = current;
  status.desiredReplicas = desired;
  const lastScaleTime = rescaled ? isoTime(now) : previous.lastScaleTime;
  if (lastScaleTime) status.lastScaleTime = lastScaleTime;
  if (metrics.length > 0) status.currentMetrics = metrics;
  if (previous.conditions) status.conditions = previous.conditions;
  return status;
}

function normalize(hpa: KObject, state: AutoscalerState, now: number, current: number, proposed: number, min: number): LimitVerdict {
  const behavior = hpa.spec?.behavior;
  const max = hpa.spec.maxReplicas;
  if (!behavior) return normalizeClassic(state, now, current, proposed, min, max);
  return normalizeWithBehavior(state, now, current, proposed, min, max, behavior.scaleUp ?? {}, behavior.scaleDown ?? {});
}

/** Runs one sync of one HPA (reconcileAutoscaler upstream). */
export function reconcileAutoscaler(ctx: ControllerContext, hpa: KObject, state: AutoscalerState): void {
  const store = ctx.store;
  const now = ctx.now();
  const status = structuredClone(hpa.status ?? {});
  const ns = hpa.metadata.namespace ?? 'default';
  const ref = hpa.spec?.scaleTargetRef ?? {};
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) => recordEvent(store, hpa, type, reason, message, SOURCE);

  let scale: Scale;
  try {
    scale = getScale(store, ns, ref);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    event('Warning', 'FailedGetScale', err.message);
    setCondition(status, 'AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${err.message}`, now);
    updateStatusIfNeeded(store, hpa, status);
    return;
  }
  setCondition(status, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);
  const current = scale.replicas;
  if (state.recommendations.length === 0) state.recommendations.push({ replicas: current, at: now });

  const min = hpa.spec.minReplicas ?? 1;
  const max = hpa.spec.maxReplicas;
  let desired = 0;
  let reason = '';
  let metrics: any[] = [];
  let rescale = true;

  if (current === 0 && min !== 0) {
    rescale = false;
    setCondition(status, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
  } else if (current > max) {
    reason = 'Current number of replicas above Spec.MaxReplicas';
    desired = max;
  } else if (current < min) {
    reason = 'Current number of replicas below Spec.MinReplicas';
    desired = min;
  } else {
    if (!scale.selector) {
      event('Warning', 'SelectorRequired', 'selector is required');
      setCondition(status, 'ScalingActive', 'False', 'InvalidSelector', "the HPA target's scale is missing a selector", now);
      updateStatusIfNeeded(store, hpa, buildStatus(status, current, status.desiredReplicas ?? 0, [], false, now));
      event('Warning', 'FailedComputeMetricsReplicas', 'selector is required');
      return;
    }
    const result = computeReplicasForMetrics(store, hpa, current, scale.selector, new MetricsSnapshot(store, now));
    for (const [r, m] of result.events) event('Warning', r, m);
    metrics = result.statuses;
    if (result.replicas === -1) {
      const first = result.failures[0];
      setCondition(status, 'ScalingActive', 'False', first.reason, first.conditionMessage, now);
      updateStatusIfNeeded(store, hpa, buildStatus(status, current, status.desiredReplicas ?? 0, metrics, false, now));
      event('Warning', 'FailedComputeMetricsReplicas', `invalid metrics (${result.failures.length} invalid out of ${result.statuses.length}), first error is: ${first.error}`);
      return;
    }
    setCondition(status, 'ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${result.metricName}`, now);

    desired = result.replicas;
    if (desired > current) reason = `${result.metricName} above target`;
    if (desired < current) reason = 'All metrics below target';
    const verdict = normalize(hpa, state, now, current, desired, min);
    setCondition(status, 'AbleToScale', 'True', verdict.ableReason, verdict.ableMessage, now);
    setCondition(status, 'ScalingLimited', verdict.limited ? 'True' : 'False', verdict.limitReason, verdict.limitMessage, now);
    desired = verdict.replicas;
    rescale = desired !== current;
  }

  if (rescale) {
    updateScale(store, scale, desired);
    setCondition(status, 'AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`, now);
    event('Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
    const behavior = hpa.spec?.behavior;
    if (behavior) recordScaleEvent(state, behavior.scaleUp ?? {}, behavior.scaleDown ?? {}, current, desired, now);
  } else {
    desired = current;
  }
  updateStatusIfNeeded(store, hpa, buildStatus(status, current, desired, metrics, rescale, now));
}

/** The controller: a create starts the HPA's sync timer, and each timer runs one sync and arms the next. */
export const horizontalPodAutoscaler: Controller = {
  name: 'horizontal-pod-autoscaler',
  watches: {
    // Creation starts the timer and deletion drops the state. Later syncs come from the HPA's own timer,
    // because the upstream work queue re-adds each HPA after a resync period.
    horizontalpodautoscalers: (obj, old) => {
      if (obj && old) return undefined;
      const o = (obj ?? old)!;
      return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    },
  },
  reconcile(ctx, key) {
    const [ns, name] = splitKey(key);
    const hpa = ctx.store.get('horizontalpodautoscalers', ns, name);
    if (!hpa) {
      deleteState(ctx.store, ns, name);
      return;
    }
    const now = ctx.now();
    let state = readState(ctx.store, hpa);
    if (!state) {
      state = { uid: hpa.metadata.uid!, nextSync: now + SYNC_PERIOD_MS, recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
      writeState(ctx.store, hpa, state);
      ctx.wakeAt(state.nextSync, key);
      return;
    }
    if (now < state.nextSync) {
      ctx.wakeAt(state.nextSync, key);
      return;
    }
    reconcileAutoscaler(ctx, hpa, state);
    state.nextSync = now + SYNC_PERIOD_MS;
    writeState(ctx.store, hpa, state);
    ctx.wakeAt(state.nextSync, key);
  },
};
