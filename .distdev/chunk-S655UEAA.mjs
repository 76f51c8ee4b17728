import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  validateObject
} from "./chunk-AV6ELG4C.mjs";
import {
  findResource
} from "./chunk-54XMLGHN.mjs";
import {
  invalid,
  notFound
} from "./chunk-IBKOI352.mjs";

// src/api/defaults.ts
var MAX_INT32 = 2147483647;
function imageTag(image) {
  const noDigest = image.split("@")[0];
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  return colon > slash ? noDigest.slice(colon + 1) : "";
}
function defaultContainer(c) {
  if (!c.imagePullPolicy) {
    const tag = imageTag(c.image ?? "");
    c.imagePullPolicy = tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
  }
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= "TCP";
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) {
    if (!probe) continue;
    probe.timeoutSeconds ??= 1;
    probe.periodSeconds ??= 10;
    probe.successThreshold ??= 1;
    probe.failureThreshold ??= 3;
    if (probe.httpGet) {
      probe.httpGet.path ??= "/";
      probe.httpGet.scheme ??= "HTTP";
    }
  }
}
function defaultPodSpec(spec) {
  if (!spec) return;
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= "ClusterFirst";
  spec.securityContext ??= {};
  spec.schedulerName ??= "default-scheduler";
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
}
function defaultTemplate(t) {
  if (!t) return;
  t.metadata ??= {};
  t.metadata.creationTimestamp ??= null;
  defaultPodSpec(t.spec);
}
function defaultRollingUpdate(spec, surge, unavailable) {
  spec.strategy ??= {};
  spec.strategy.type ??= "RollingUpdate";
  if (spec.strategy.type === "RollingUpdate") {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxSurge ??= surge;
    spec.strategy.rollingUpdate.maxUnavailable ??= unavailable;
  }
}
function selectorFromTemplate(spec) {
  if (!spec.selector && spec.template?.metadata?.labels) spec.selector = { matchLabels: { ...spec.template.metadata.labels } };
}
function applyDefaults(resource, obj, legacyApiVersion) {
  const spec = obj.spec;
  const legacyExtensions = legacyApiVersion === "extensions/v1beta1";
  const legacyApps = legacyApiVersion?.startsWith("apps/v1beta") ?? false;
  switch (resource) {
    case "pods":
      obj.spec ??= {};
      defaultPodSpec(obj.spec);
      obj.spec.serviceAccountName ??= "default";
      obj.spec.serviceAccount ??= obj.spec.serviceAccountName;
      obj.spec.enableServiceLinks ??= true;
      obj.spec.preemptionPolicy ??= "PreemptLowerPriority";
      obj.spec.priority ??= 0;
      obj.spec.tolerations ??= [];
      for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
        if (!obj.spec.tolerations.some((t) => t.key === key)) {
          obj.spec.tolerations.push({ effect: "NoExecute", key, operator: "Exists", tolerationSeconds: 300 });
        }
      }
      break;
    case "replicasets":
    case "replicationcontrollers":
      if (!spec) break;
      spec.replicas ??= 1;
      if (resource === "replicationcontrollers" && !spec.selector && spec.template?.metadata?.labels) spec.selector = { ...spec.template.metadata.labels };
      if (legacyExtensions || legacyApps) selectorFromTemplate(spec);
      if (resource === "replicationcontrollers" && !obj.metadata.labels && spec.template?.metadata?.labels) obj.metadata.labels = { ...spec.template.metadata.labels };
      if (legacyExtensions && !obj.metadata.labels && spec.template?.metadata?.labels) obj.metadata.labels = { ...spec.template.metadata.labels };
      defaultTemplate(spec.template);
      break;
    case "deployments":
      if (!spec) break;
      spec.replicas ??= 1;
      if (legacyExtensions) {
        selectorFromTemplate(spec);
        defaultRollingUpdate(spec, 1, 1);
        spec.revisionHistoryLimit ??= MAX_INT32;
        spec.progressDeadlineSeconds ??= MAX_INT32;
        if (!obj.metadata.labels && spec.template?.metadata?.labels) obj.metadata.labels = { ...spec.template.metadata.labels };
      } else if (legacyApps) {
        selectorFromTemplate(spec);
        defaultRollingUpdate(spec, "25%", "25%");
        spec.revisionHistoryLimit ??= 2;
        spec.progressDeadlineSeconds ??= 600;
      } else {
        defaultRollingUpdate(spec, "25%", "25%");
        spec.revisionHistoryLimit ??= 10;
        spec.progressDeadlineSeconds ??= 600;
      }
      defaultTemplate(spec.template);
      break;
    case "daemonsets":
      if (!spec) break;
      if (legacyExtensions) selectorFromTemplate(spec);
      spec.updateStrategy ??= legacyExtensions ? { type: "OnDelete" } : {};
      spec.updateStrategy.type ??= "RollingUpdate";
      if (spec.updateStrategy.type === "RollingUpdate") {
        spec.updateStrategy.rollingUpdate ??= {};
        spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
        spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
      }
      spec.revisionHistoryLimit ??= 10;
      defaultTemplate(spec.template);
      break;
    case "statefulsets":
      if (!spec) break;
      if (legacyApps) selectorFromTemplate(spec);
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= "OrderedReady";
      spec.updateStrategy ??= {};
      spec.updateStrategy.type ??= "RollingUpdate";
      if (spec.updateStrategy.type === "RollingUpdate") {
        spec.updateStrategy.rollingUpdate ??= {};
        spec.updateStrategy.rollingUpdate.partition ??= 0;
      }
      spec.revisionHistoryLimit ??= 10;
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: "Retain", whenScaled: "Retain" };
      for (const pvc of spec.volumeClaimTemplates ?? []) {
        pvc.apiVersion ??= "v1";
        pvc.kind ??= "PersistentVolumeClaim";
        pvc.metadata ??= {};
        pvc.metadata.creationTimestamp ??= null;
        pvc.spec ??= {};
        pvc.spec.volumeMode ??= "Filesystem";
        pvc.status ??= { phase: "Pending" };
      }
      defaultTemplate(spec.template);
      break;
    case "jobs":
      if (spec) defaultJobSpec(spec);
      break;
    case "cronjobs":
      if (!spec) break;
      spec.concurrencyPolicy ??= "Allow";
      spec.suspend ??= false;
      spec.successfulJobsHistoryLimit ??= 3;
      spec.failedJobsHistoryLimit ??= 1;
      spec.jobTemplate ??= {};
      spec.jobTemplate.metadata ??= {};
      spec.jobTemplate.metadata.creationTimestamp ??= null;
      if (spec.jobTemplate.spec) defaultJobSpec(spec.jobTemplate.spec, true);
      break;
    case "services":
      if (!spec) break;
      spec.type ??= "ClusterIP";
      spec.sessionAffinity ??= "None";
      spec.internalTrafficPolicy ??= "Cluster";
      spec.ipFamilies ??= ["IPv4"];
      spec.ipFamilyPolicy ??= "SingleStack";
      for (const p of spec.ports ?? []) {
        p.protocol ??= "TCP";
        p.targetPort ??= p.port;
      }
      if (spec.type === "NodePort" || spec.type === "LoadBalancer") spec.externalTrafficPolicy ??= "Cluster";
      break;
    case "horizontalpodautoscalers":
      if (!spec) break;
      spec.minReplicas ??= 1;
      if (!spec.metrics || spec.metrics.length === 0) {
        spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }];
      }
      break;
    case "persistentvolumeclaims":
      if (!spec) break;
      spec.volumeMode ??= "Filesystem";
      break;
  }
}
function defaultJobSpec(spec, inTemplate = false) {
  if (spec.completions === void 0 && spec.parallelism === void 0) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= "NonIndexed";
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= "TerminatingOrFailed";
  if (spec.completionMode === "Indexed") spec.backoffLimitPerIndex ??= void 0;
  void inTemplate;
  defaultTemplate(spec.template);
}

// src/api/admission.ts
var LEGACY_VERSION_ANNOTATION = "kubesim.io/legacy-api-version";
var SELECTOR_IMMUTABLE = /* @__PURE__ */ new Set(["deployments", "replicasets", "daemonsets", "statefulsets"]);
function generateJobSelector(job, clusterVersion) {
  const spec = job.spec;
  if (!spec || spec.manualSelector || spec.selector) return;
  const uid = job.metadata.uid;
  const labels = {};
  if (clusterVersion >= 127) {
    labels["batch.kubernetes.io/controller-uid"] = uid;
    labels["batch.kubernetes.io/job-name"] = job.metadata.name;
  }
  labels["controller-uid"] = uid;
  labels["job-name"] = job.metadata.name;
  const key = clusterVersion >= 127 ? "batch.kubernetes.io/controller-uid" : "controller-uid";
  spec.selector = { matchLabels: { [key]: uid } };
  spec.template ??= {};
  spec.template.metadata ??= {};
  spec.template.metadata.labels = { ...labels, ...spec.template.metadata.labels ?? {} };
}
function admit(ctx, resource, obj, old, op) {
  if (op === "delete") return;
  const info = findResource(resource);
  if (info?.namespaced) {
    obj.metadata.namespace ||= "default";
    if (op === "create" && !ctx.namespaceExists(obj.metadata.namespace)) throw notFound("namespaces", obj.metadata.namespace);
  } else if (info) {
    delete obj.metadata.namespace;
  }
  if (op === "create" && resource === "jobs") generateJobSelector(obj, ctx.clusterVersion);
  const legacy = obj.metadata.annotations?.[LEGACY_VERSION_ANNOTATION];
  if (legacy) {
    delete obj.metadata.annotations[LEGACY_VERSION_ANNOTATION];
    if (Object.keys(obj.metadata.annotations).length === 0) delete obj.metadata.annotations;
  }
  applyDefaults(resource, obj, legacy);
  const causes = validateObject(resource, obj);
  if (op === "update" && old && SELECTOR_IMMUTABLE.has(resource) && JSON.stringify(old.spec?.selector) !== JSON.stringify(obj.spec?.selector)) {
    causes.push({ field: "spec.selector", type: "Invalid value", value: obj.spec?.selector, hasValue: true, detail: "field is immutable" });
  }
  if (causes.length > 0) throw invalid(obj.kind ?? info?.kind ?? resource, obj.metadata.name ?? "", causes);
}

export {
  LEGACY_VERSION_ANNOTATION,
  admit
};
