import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/api/registry.ts
var ALL = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
function info(resource, kind, group, version, shortNames, namespaced = true, verbs = ALL) {
  const singular = kind.toLowerCase();
  return { resource, singular, kind, group, version, shortNames, namespaced, verbs };
}
var RESOURCES = [
  info("bindings", "Binding", "", "v1", [], true, ["create"]),
  info("configmaps", "ConfigMap", "", "v1", ["cm"]),
  info("endpoints", "Endpoints", "", "v1", ["ep"]),
  info("events", "Event", "", "v1", ["ev"]),
  info("namespaces", "Namespace", "", "v1", ["ns"], false, ["create", "delete", "get", "list", "patch", "update", "watch"]),
  info("nodes", "Node", "", "v1", ["no"], false),
  info("persistentvolumeclaims", "PersistentVolumeClaim", "", "v1", ["pvc"]),
  info("persistentvolumes", "PersistentVolume", "", "v1", ["pv"], false),
  info("pods", "Pod", "", "v1", ["po"]),
  info("replicationcontrollers", "ReplicationController", "", "v1", ["rc"]),
  info("secrets", "Secret", "", "v1", []),
  info("serviceaccounts", "ServiceAccount", "", "v1", ["sa"]),
  info("services", "Service", "", "v1", ["svc"], true, ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]),
  info("controllerrevisions", "ControllerRevision", "apps", "v1", []),
  info("daemonsets", "DaemonSet", "apps", "v1", ["ds"]),
  info("deployments", "Deployment", "apps", "v1", ["deploy"]),
  info("replicasets", "ReplicaSet", "apps", "v1", ["rs"]),
  info("statefulsets", "StatefulSet", "apps", "v1", ["sts"]),
  info("horizontalpodautoscalers", "HorizontalPodAutoscaler", "autoscaling", "v2", ["hpa"]),
  info("cronjobs", "CronJob", "batch", "v1", ["cj"]),
  info("jobs", "Job", "batch", "v1", []),
  info("endpointslices", "EndpointSlice", "discovery.k8s.io", "v1", []),
  info("storageclasses", "StorageClass", "storage.k8s.io", "v1", ["sc"], false)
];
var LEGACY_VERSIONS = [
  { apiVersion: "extensions/v1beta1", kind: "Deployment", deprecatedIn: "1.8", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "extensions/v1beta1", kind: "ReplicaSet", deprecatedIn: "1.8", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "extensions/v1beta1", kind: "DaemonSet", deprecatedIn: "1.8", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "apps/v1beta1", kind: "Deployment", deprecatedIn: "1.8", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "apps/v1beta1", kind: "StatefulSet", deprecatedIn: "1.8", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "apps/v1beta2", kind: "Deployment", deprecatedIn: "1.9", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "apps/v1beta2", kind: "ReplicaSet", deprecatedIn: "1.9", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "apps/v1beta2", kind: "DaemonSet", deprecatedIn: "1.9", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "apps/v1beta2", kind: "StatefulSet", deprecatedIn: "1.9", removedIn: "1.16", replacement: "apps/v1" },
  { apiVersion: "batch/v1beta1", kind: "CronJob", deprecatedIn: "1.21", removedIn: "1.25", replacement: "batch/v1" },
  { apiVersion: "batch/v2alpha1", kind: "CronJob", deprecatedIn: "1.8", removedIn: "1.21", replacement: "batch/v1" },
  { apiVersion: "autoscaling/v2beta1", kind: "HorizontalPodAutoscaler", deprecatedIn: "1.22", removedIn: "1.25", replacement: "autoscaling/v2" },
  { apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler", deprecatedIn: "1.23", removedIn: "1.26", replacement: "autoscaling/v2" },
  { apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", deprecatedIn: "", removedIn: "", replacement: "autoscaling/v2" }
];
var byName = /* @__PURE__ */ new Map();
var byKind = /* @__PURE__ */ new Map();
for (const r of RESOURCES) {
  byKind.set(r.kind, r);
  for (const n of [r.resource, r.singular, ...r.shortNames, `${r.resource}.${r.group}`, `${r.singular}.${r.group}`]) byName.set(n, r);
}
function versionNumber(v) {
  const m = /^v?(\d+)\.(\d+)/.exec(v);
  if (!m) return 132;
  return Number(m[1]) * 100 + Number(m[2]);
}
function findResource(name) {
  const key = name.toLowerCase();
  const direct = byName.get(key);
  if (direct) return direct;
  const dot = key.indexOf(".");
  if (dot > 0) {
    const base = byName.get(key.slice(0, dot));
    const group = key.slice(dot + 1).replace(/^v\d\w*\./, "");
    if (base && (group === base.group || group === "extensions" && isExtensionsKind(base.kind))) return base;
  }
  return void 0;
}
function findKind(kind) {
  return byKind.get(kind);
}
function isExtensionsKind(kind) {
  return kind === "Deployment" || kind === "ReplicaSet" || kind === "DaemonSet";
}
function outputGroup(r, clusterVersion, requestedGroup) {
  if (requestedGroup !== void 0) return requestedGroup;
  if (clusterVersion < 116 && isExtensionsKind(r.kind)) return "extensions";
  return r.group;
}
function kindString(r, group = r.group) {
  return group ? `${r.singular}.${group}` : r.singular;
}
function resourceString(r, group = r.group) {
  return group ? `${r.resource}.${group}` : r.resource;
}
function apiVersionOf(r) {
  return r.group ? `${r.group}/${r.version}` : r.version;
}
function findLegacy(apiVersion, kind) {
  return LEGACY_VERSIONS.find((l) => l.apiVersion === apiVersion && l.kind === kind);
}
function isServed(apiVersion, kind, clusterVersion) {
  const r = byKind.get(kind);
  if (!r) return false;
  if (apiVersion === apiVersionOf(r)) return true;
  if (kind === "HorizontalPodAutoscaler" && apiVersion === "autoscaling/v1") return true;
  if (kind === "CronJob" && apiVersion === "batch/v1") return clusterVersion >= 121;
  const legacy = findLegacy(apiVersion, kind);
  return !!legacy && legacy.removedIn !== "" && clusterVersion < versionNumber(legacy.removedIn);
}

export {
  RESOURCES,
  versionNumber,
  findResource,
  findKind,
  isExtensionsKind,
  outputGroup,
  kindString,
  resourceString,
  apiVersionOf,
  findLegacy,
  isServed
};
