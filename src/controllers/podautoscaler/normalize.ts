/**
 * Turning a metric proposal into the replica count the HPA writes, after
 * Kubernetes' horizontal.go: the stabilization window over recent
 * recommendations, then either the classic limits (an HPA without
 * `behavior`: at most double or +4 per sync, min and max) or the rate
 * policies of its `behavior`. Pure: the recommendation and scale-event
 * history comes in and goes out through `AutoscalerHistory`.
 */

/** Kubernetes' default --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_MS = 300_000;

/** One unstabilized recommendation, kept for the stabilization window. */
export interface Recommendation {
  replicas: number;
  at: number;
}

/** One rescale, kept for the rate policies of `behavior`. */
export interface ScaleEvent {
  change: number;
  at: number;
  outdated?: boolean;
}

/** History of one HPA kept between syncs (stored by the controller). */
export interface AutoscalerHistory {
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: ScalingPolicy[];
}

/** A condition the normalization sets: the reason and message Kubernetes uses. */
export interface LimitVerdict {
  replicas: number;
  /** AbleToScale reason and message (ReadyForNewScale or a *Stabilized reason). */
  ableReason: string;
  ableMessage: string;
  /** ScalingLimited status, reason and message. */
  limited: boolean;
  limitReason: string;
  limitMessage: string;
}

const READY = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const DOWN_STABILIZED = { reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
const UP_STABILIZED = { reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' };
const WITHIN_RANGE = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
const SCALE_UP_LIMIT = { reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
const SCALE_DOWN_LIMIT = { reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' };
const TOO_MANY = { reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
const TOO_FEW = { reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };

/** Stores a recommendation, reusing the slot of a recommendation outside every window. */
function recordRecommendation(history: AutoscalerHistory, replicas: number, now: number, isOld: (r: Recommendation) => boolean): void {
  const old = history.recommendations.findIndex(isOld);
  if (old >= 0) history.recommendations[old] = { replicas, at: now };
  else history.recommendations.push({ replicas, at: now });
}

/** Normalizes for an HPA without `behavior` (normalizeDesiredReplicas upstream). */
export function normalizeClassic(history: AutoscalerHistory, now: number, current: number, proposed: number, min: number, max: number): LimitVerdict {
  const cutoff = now - DOWNSCALE_STABILIZATION_MS;
  let stabilized = proposed;
  for (const r of history.recommendations) if (r.at >= cutoff && r.replicas > stabilized) stabilized = r.replicas;
  recordRecommendation(history, proposed, now, (r) => r.at < cutoff);
  const able = stabilized !== proposed ? DOWN_STABILIZED : READY;

  // Without behavior the scale-up limit is twice the current count, and at least 4.
  const upLimit = Math.max(2 * current, 4);
  const [maxAllowed, maxWhy] = max > upLimit ? [upLimit, SCALE_UP_LIMIT] : [max, TOO_MANY];
  let replicas = stabilized;
  let why = WITHIN_RANGE;
  if (stabilized < min) [replicas, why] = [min, TOO_FEW];
  else if (stabilized > maxAllowed) [replicas, why] = [maxAllowed, maxWhy];
  return { replicas, ableReason: able.reason, ableMessage: able.message, limited: replicas !== stabilized, limitReason: why.reason, limitMessage: why.message };
}

function changeInPeriod(events: ScaleEvent[], periodSeconds: number, now: number): number {
  const cutoff = now - periodSeconds * 1000;
  return events.filter((e) => e.at > cutoff).reduce((n, e) => n + e.change, 0);
}

function scaleUpLimit(history: AutoscalerHistory, current: number, rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result = rules.selectPolicy === 'Min' ? Infinity : -Infinity;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(history.scaleUpEvents, p.periodSeconds, now) + changeInPeriod(history.scaleDownEvents, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

function scaleDownLimit(history: AutoscalerHistory, current: number, rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result = rules.selectPolicy === 'Min' ? -Infinity : Infinity;
  for (const p of rules.policies ?? []) {
    const start = current - changeInPeriod(history.scaleUpEvents, p.periodSeconds, now) + changeInPeriod(history.scaleDownEvents, p.periodSeconds, now);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** Normalizes for an HPA with `behavior` (normalizeDesiredReplicasWithBehaviors upstream). */
export function normalizeWithBehavior(
  history: AutoscalerHistory,
  now: number,
  current: number,
  proposed: number,
  min: number,
  max: number,
  up: ScalingRules,
  down: ScalingRules,
): LimitVerdict {
  const upCutoff = now - (up.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (down.stabilizationWindowSeconds ?? DOWNSCALE_STABILIZATION_MS / 1000) * 1000;
  let upRecommendation = proposed;
  let downRecommendation = proposed;
  for (const r of history.recommendations) {
    if (r.at > upCutoff) upRecommendation = Math.min(r.replicas, upRecommendation);
    if (r.at > downCutoff) downRecommendation = Math.max(r.replicas, downRecommendation);
  }
  let stabilized = Math.max(current, upRecommendation);
  stabilized = Math.min(stabilized, downRecommendation);
  recordRecommendation(history, proposed, now, (r) => r.at < upCutoff && r.at < downCutoff);
  let able = READY;
  if (stabilized !== proposed) able = proposed >= current ? UP_STABILIZED : DOWN_STABILIZED;

  let replicas = stabilized;
  let why = WITHIN_RANGE;
  if (stabilized > current) {
    const limit = Math.max(scaleUpLimit(history, current, up, now), current);
    const [maxAllowed, maxWhy] = max > limit ? [limit, SCALE_UP_LIMIT] : [max, TOO_MANY];
    if (stabilized > maxAllowed) [replicas, why] = [maxAllowed, maxWhy];
  } else if (stabilized < current) {
    const limit = Math.min(scaleDownLimit(history, current, down, now), current);
    const [minAllowed, minWhy] = min < limit ? [limit, SCALE_DOWN_LIMIT] : [min, TOO_FEW];
    if (stabilized < minAllowed) [replicas, why] = [minAllowed, minWhy];
  }
  return { replicas, ableReason: able.reason, ableMessage: able.message, limited: replicas !== stabilized, limitReason: why.reason, limitMessage: why.message };
}

/** Records a rescale for the rate policies, reusing a slot older than the longest policy period (storeScaleEvent upstream). */
export function recordScaleEvent(history: AutoscalerHistory, up: ScalingRules, down: ScalingRules, previous: number, next: number, now: number): void {
  const scalingUp = next > previous;
  const rules = scalingUp ? up : down;
  const events = scalingUp ? history.scaleUpEvents : history.scaleDownEvents;
  const longest = Math.max(0, ...(rules.policies ?? []).map((p) => p.periodSeconds));
  for (const e of events) if (e.at < now - longest * 1000) e.outdated = true;
  const event: ScaleEvent = { change: Math.abs(next - previous), at: now };
  const slot = events.findIndex((e) => e.outdated);
  if (slot >= 0) events[slot] = event;
  else events.push(event);
}
