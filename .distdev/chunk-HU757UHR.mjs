import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/controllers/deployment/util.ts
var REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
var REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
var DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
var MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
var ROLLBACK_TO_ANNOTATION = "deprecated.deployment.rollback.to";
var LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
var POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
var MAX_INT32 = 2147483647;
var SKIPPED_ANNOTATIONS = /* @__PURE__ */ new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION
]);
var NEW_RS_REASON = "NewReplicaSetCreated";
var FOUND_NEW_RS_REASON = "FoundNewReplicaSet";
var RS_UPDATED_REASON = "ReplicaSetUpdated";
var NEW_RS_AVAILABLE_REASON = "NewReplicaSetAvailable";
var TIMED_OUT_REASON = "ProgressDeadlineExceeded";
var PAUSED_REASON = "DeploymentPaused";
var RESUMED_REASON = "DeploymentResumed";
var MIN_AVAILABLE_REASON = "MinimumReplicasAvailable";
var MIN_UNAVAILABLE_REASON = "MinimumReplicasUnavailable";
function replicasOf(obj) {
  return obj?.spec?.replicas ?? (obj ? 1 : 0);
}
function scaledValue(value, total, roundUp) {
  if (value === void 0 || value === null) return 0;
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number(value) || 0;
  const exact = Number(m[1]) * total / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}
function resolveFenceposts(maxSurge2, maxUnavailable2, desired) {
  const surge = scaledValue(maxSurge2, desired, true);
  let unavailable = scaledValue(maxUnavailable2, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}
function isRollingUpdate(d) {
  return (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}
function maxSurge(d) {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d))[0];
}
function maxUnavailable(d) {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const unavailable = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas)[1];
  return Math.min(unavailable, replicas);
}
function specReplicaCount(rss) {
  return rss.reduce((n, rs) => n + replicasOf(rs), 0);
}
function statusCount(rss, field) {
  return rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);
}
function revisionOf(obj) {
  const v = Number(obj?.metadata.annotations?.[REVISION_ANNOTATION] ?? "0");
  return Number.isInteger(v) && v > 0 ? v : 0;
}
function maxRevision(rss) {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}
function equalIgnoreHash(a, b) {
  const strip = (t) => {
    const c = structuredClone(t ?? {});
    if (c.metadata?.labels) {
      delete c.metadata.labels[POD_TEMPLATE_HASH_LABEL];
      if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
    }
    if (c.metadata && Object.keys(c.metadata).every((k) => c.metadata[k] === null || c.metadata[k] === void 0)) delete c.metadata;
    return c;
  };
  return JSON.stringify(sortKeys(strip(a))) === JSON.stringify(sortKeys(strip(b)));
}
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== void 0) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}
function byCreation(a, b) {
  const d = Date.parse(a.metadata.creationTimestamp ?? "") - Date.parse(b.metadata.creationTimestamp ?? "");
  return d !== 0 ? d : a.metadata.name.localeCompare(b.metadata.name);
}
function findNewReplicaSet(d, rss) {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}
function activeReplicaSets(rss) {
  return rss.filter((rs) => !!rs && replicasOf(rs) > 0);
}
function newRSNewReplicas(d, allRSs, newRS) {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const current = specReplicaCount(allRSs);
  const maxTotal = replicasOf(d) + maxSurge(d);
  if (current >= maxTotal) return replicasOf(newRS);
  const scaleUp = Math.min(maxTotal - current, replicasOf(d) - replicasOf(newRS));
  return replicasOf(newRS) + scaleUp;
}
function setReplicasAnnotations(rs, desired, max) {
  const ann = rs.metadata.annotations ??= {};
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
function isSaturated(d, newRS) {
  if (!newRS) return false;
  const desired = Number(newRS.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]);
  return replicasOf(newRS) === replicasOf(d) && desired === replicasOf(d) && (newRS.status?.availableReplicas ?? 0) === replicasOf(d);
}
function proportionFor(rs, d, toAdd, added, deploymentStatusReplicas) {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d, deploymentStatusReplicas);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
function replicaSetFraction(rs, d, deploymentStatusReplicas) {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const annotated = Number(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION]);
  const base = Number.isInteger(annotated) && annotated > 0 ? annotated : deploymentStatusReplicas;
  if (!base) return 0;
  return Math.round(replicasOf(rs) * deploymentReplicas / base) - replicasOf(rs);
}
function hasProgressDeadline(d) {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== void 0 && s !== null && s !== MAX_INT32;
}
function conditionOf(status, type) {
  return (status?.conditions ?? []).find((c) => c.type === type);
}
function newCondition(type, status, reason, message, at) {
  return { type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message };
}
function setCondition(status, cond) {
  const list = status.conditions ??= [];
  const i = list.findIndex((c) => c.type === cond.type);
  const current = i >= 0 ? list[i] : void 0;
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  if (current && current.status === cond.status) cond.lastTransitionTime = current.lastTransitionTime;
  if (i >= 0) list.splice(i, 1, cond);
  else list.push(cond);
}
function removeCondition(status, type) {
  if (status.conditions) status.conditions = status.conditions.filter((c) => c.type !== type);
}
function deploymentComplete(d, status) {
  const r = replicasOf(d);
  return (status.updatedReplicas ?? 0) === r && (status.replicas ?? 0) === r && (status.availableReplicas ?? 0) === r && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}
function deploymentProgressing(d, next) {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

export {
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  SKIPPED_ANNOTATIONS,
  NEW_RS_REASON,
  FOUND_NEW_RS_REASON,
  RS_UPDATED_REASON,
  NEW_RS_AVAILABLE_REASON,
  TIMED_OUT_REASON,
  PAUSED_REASON,
  RESUMED_REASON,
  MIN_AVAILABLE_REASON,
  MIN_UNAVAILABLE_REASON,
  replicasOf,
  isRollingUpdate,
  maxSurge,
  maxUnavailable,
  specReplicaCount,
  statusCount,
  revisionOf,
  maxRevision,
  equalIgnoreHash,
  byCreation,
  findNewReplicaSet,
  activeReplicaSets,
  newRSNewReplicas,
  setReplicasAnnotations,
  isSaturated,
  proportionFor,
  hasProgressDeadline,
  conditionOf,
  newCondition,
  setCondition,
  removeCondition,
  deploymentComplete,
  deploymentProgressing
};
