/**
 * Pure helpers of the Deployment controller (k8s.io/kubernetes
 * pkg/controller/deployment/util/deployment_util.go): annotation keys,
 * condition reasons, the rolling-update arithmetic and replica counting.
 */
import type { KObject } from '../../api/types.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const MAX_INT32 = 2147483647;

/** Annotations a Deployment never copies to its ReplicaSets, and rollback keeps on the Deployment. */
export const SKIPPED_ANNOTATIONS = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

/** Progressing True: the controller created the new ReplicaSet. */
export const NEW_RS_REASON = 'NewReplicaSetCreated';
/** Progressing True: the controller found an existing ReplicaSet for the current template. */
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
/** Progressing True: the rollout made progress (pods updated, ready or available). */
export const RS_UPDATED_REASON = 'ReplicaSetUpdated';
/** Progressing True: the rollout finished. */
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
/** Progressing False: no progress for progressDeadlineSeconds. */
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
/** Progressing Unknown: the Deployment was paused. */
export const PAUSED_REASON = 'DeploymentPaused';
/** Progressing Unknown: the Deployment was resumed. */
export const RESUMED_REASON = 'DeploymentResumed';
/** Available True: at least replicas - maxUnavailable pods are available. */
export const MIN_AVAILABLE_REASON = 'MinimumReplicasAvailable';
/** Available False: fewer than replicas - maxUnavailable pods are available. */
export const MIN_UNAVAILABLE_REASON = 'MinimumReplicasUnavailable';

export function replicasOf(obj: KObject | undefined): number {
  return obj?.spec?.replicas ?? (obj ? 1 : 0);
}

/**
 * Scales an int-or-percent against `total`: percentages round up for
 * maxSurge and down for maxUnavailable. 25% of 10 is 3 (up) or 2 (down).
 */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number(value) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * Resolves maxSurge and maxUnavailable to pod counts. When both are zero,
 * maxUnavailable becomes 1 so a rollout can always move: replicas 3 with
 * 25%/25% gives surge 1 and unavailable 0; replicas 10 gives 3 and 2.
 */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function isRollingUpdate(d: KObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function maxSurge(d: KObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d))[0];
}

export function maxUnavailable(d: KObject): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const unavailable = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas)[1];
  return Math.min(unavailable, replicas);
}

/** Sums spec.replicas over ReplicaSets. */
export function specReplicaCount(rss: KObject[]): number {
  return rss.reduce((n, rs) => n + replicasOf(rs), 0);
}

/** Sums a status counter over ReplicaSets. */
export function statusCount(rss: KObject[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);
}

/** Reads a ReplicaSet's revision annotation (0 when missing or malformed). */
export function revisionOf(obj: KObject | undefined): number {
  const v = Number(obj?.metadata.annotations?.[REVISION_ANNOTATION] ?? '0');
  return Number.isInteger(v) && v > 0 ? v : 0;
}

export function maxRevision(rss: KObject[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** Compares pod templates ignoring the pod-template-hash label (EqualIgnoreHash). */
export function equalIgnoreHash(a: any, b: any): boolean {
  const strip = (t: any) => {
    const c = structuredClone(t ?? {});
    if (c.metadata?.labels) {
      delete c.metadata.labels[POD_TEMPLATE_HASH_LABEL];
      if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
    }
    if (c.metadata && Object.keys(c.metadata).every((k) => c.metadata[k] === null || c.metadata[k] === undefined)) delete c.metadata;
    return c;
  };
  return JSON.stringify(sortKeys(strip(a))) === JSON.stringify(sortKeys(strip(b)));
}

function sortKeys(v: any): any {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: any = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

export function byCreation(a: KObject, b: KObject): number {
  const d = Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? '');
  return d !== 0 ? d : a.metadata.name.localeCompare(b.metadata.name);
}

/** Finds the oldest ReplicaSet whose template equals the Deployment's (FindNewReplicaSet). */
export function findNewReplicaSet(d: KObject, rss: KObject[]): KObject | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** Keeps ReplicaSets with spec.replicas > 0. */
export function activeReplicaSets(rss: (KObject | undefined)[]): KObject[] {
  return rss.filter((rs): rs is KObject => !!rs && replicasOf(rs) > 0);
}

/**
 * Computes the new ReplicaSet's size for the next step: Recreate jumps to replicas;
 * RollingUpdate grows by what maxSurge leaves room for. With replicas 10,
 * surge 3 and 10 old pods, the new ReplicaSet grows from 0 to 3.
 */
export function newRSNewReplicas(d: KObject, allRSs: KObject[], newRS: KObject): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const current = specReplicaCount(allRSs);
  const maxTotal = replicasOf(d) + maxSurge(d);
  if (current >= maxTotal) return replicasOf(newRS);
  const scaleUp = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
  return replicasOf(newRS) + scaleUp;
}

/** Sets desired-replicas and max-replicas on a ReplicaSet; returns whether they changed. */
export function setReplicasAnnotations(rs: KObject, desired: number, max: number): boolean {
  const ann = (rs.metadata.annotations ??= {});
  const want = { [DESIRED_REPLICAS_ANNOTATION]: String(desired), [MAX_REPLICAS_ANNOTATION]: String(max) };
  let changed = false;
  for (const [k, v] of Object.entries(want)) {
    if (ann[k] !== v) {
      ann[k] = v;
      changed = true;
    }
  }
  return changed;
}

/** Reports whether the new ReplicaSet already runs every replica (IsSaturated). */
export function isSaturated(d: KObject, newRS: KObject | undefined): boolean {
  if (!newRS) return false;
  const desired = Number(newRS.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]);
  return replicasOf(newRS) === replicasOf(d) && desired === replicasOf(d) && (newRS.status?.availableReplicas ?? 0) === replicasOf(d);
}

/**
 * Computes how many replicas a ReplicaSet gains or loses when the Deployment is
 * resized mid-rollout (GetProportion): its share of the new total, capped
 * by what is left to add or remove.
 */
export function proportionFor(rs: KObject, d: KObject, toAdd: number, added: number, deploymentStatusReplicas: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d, deploymentStatusReplicas);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: KObject, d: KObject, deploymentStatusReplicas: number): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION]);
  const base = Number.isInteger(annotated) && annotated > 0 ? annotated : deploymentStatusReplicas;
  if (!base) return 0;
  // Go's math.Round rounds halves away from zero, and so does this for positive values.
  return Math.round((replicasOf(rs) * deploymentReplicas) / base) - replicasOf(rs);
}

export function hasProgressDeadline(d: KObject): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== null && s !== MAX_INT32;
}

export function conditionOf(status: any, type: string): any {
  return (status?.conditions ?? []).find((c: any) => c.type === type);
}

/** Builds a condition stamped `at` (ISO time). */
export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, at: string): any {
  return { type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message };
}

/**
 * Sets a condition, keeping it untouched when status and reason are
 * unchanged. A changed condition moves to the end of the list, as
 * SetDeploymentCondition filters it out and appends it.
 */
export function setCondition(status: any, cond: any): void {
  const list: any[] = status.conditions ?? [];
  const current = list.find((c) => c.type === cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  if (current && current.status === cond.status) cond.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...list.filter((c) => c.type !== cond.type), cond];
}

export function removeCondition(status: any, type: string): void {
  if (status.conditions) status.conditions = status.conditions.filter((c: any) => c.type !== type);
}

/** Reports whether the rollout is complete: all replicas updated and available, and the spec observed. */
export function deploymentComplete(d: KObject, status: any): boolean {
  const r = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === r &&
    (status.replicas ?? 0) === r &&
    (status.availableReplicas ?? 0) === r &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** Reports whether the new status shows progress over the stored one (DeploymentProgressing). */
export function deploymentProgressing(d: KObject, next: any): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}
