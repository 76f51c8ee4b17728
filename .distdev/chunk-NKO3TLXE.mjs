import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  LEGACY_VERSION_ANNOTATION
} from "./chunk-S655UEAA.mjs";
import {
  apiVersionOf,
  findKind,
  findLegacy,
  isServed,
  versionNumber
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/api/manifest.ts
function versionLabel(v) {
  return `v${v}`;
}
function deprecationWarning(apiVersion, kind) {
  const l = findLegacy(apiVersion, kind);
  if (!l || !l.deprecatedIn) return void 0;
  let text = `${apiVersion} ${kind} is deprecated in ${versionLabel(l.deprecatedIn)}+`;
  if (l.removedIn) text += `, unavailable in ${versionLabel(l.removedIn)}+`;
  return `${text}; use ${l.replacement} ${kind}`;
}
function decodeObject(doc, opts) {
  const src = opts.source ? ` from "${opts.source}"` : "";
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
    throw new UsageError(`error validating "${opts.source}": error validating data: invalid object: expected a mapping; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const missing = [];
  if (!doc.apiVersion) missing.push("apiVersion not set");
  if (!doc.kind) missing.push("kind not set");
  if (missing.length) {
    throw new UsageError(`error validating "${opts.source}": error validating data: [${missing.join(", ")}]; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const apiVersion = String(doc.apiVersion);
  const kind = String(doc.kind);
  const info = findKind(kind);
  const name = doc.metadata?.name ?? "";
  const ns = doc.metadata?.namespace ?? "";
  const noMatch = () => new UsageError(
    `resource mapping not found for name: "${name}" namespace: "${ns}"${src}: no matches for kind "${kind}" in version "${apiVersion}"
ensure CRDs are installed first`
  );
  if (!info) throw noMatch();
  const current = apiVersionOf(info);
  const obj = structuredClone(doc);
  obj.metadata ??= { name: "" };
  const warnings = [];
  let group = info.group;
  if (apiVersion !== current && !(kind === "HorizontalPodAutoscaler" && apiVersion === "autoscaling/v1")) {
    const legacy = findLegacy(apiVersion, kind);
    const served = isServed(apiVersion, kind, opts.clusterVersion);
    if (!legacy && !(kind === "CronJob" && apiVersion === "batch/v1")) throw noMatch();
    if (!served && opts.strictVersions) throw noMatch();
    if (legacy && opts.clusterVersion >= 119 && opts.clusterVersion >= versionNumber(legacy.deprecatedIn || "0.0")) {
      const w = deprecationWarning(apiVersion, kind);
      if (w) warnings.push(w);
    }
    if (apiVersion.startsWith("extensions/") && opts.clusterVersion < 116) group = "extensions";
    obj.metadata.annotations = { ...obj.metadata.annotations ?? {}, [LEGACY_VERSION_ANNOTATION]: apiVersion };
    convertLegacy(obj, apiVersion);
  }
  if (kind === "HorizontalPodAutoscaler" && apiVersion === "autoscaling/v1") convertHpaV1(obj);
  obj.apiVersion = current;
  return { info, obj, warnings, group };
}
function convertLegacy(obj, apiVersion) {
  if (obj.kind === "Deployment" && obj.spec?.rollbackTo) delete obj.spec.rollbackTo;
  if (obj.kind === "HorizontalPodAutoscaler" && apiVersion === "autoscaling/v2beta1") {
    for (const m of obj.spec?.metrics ?? []) {
      if (m.type === "Resource" && m.resource) {
        const r = m.resource;
        const target = {};
        if (r.targetAverageUtilization !== void 0) Object.assign(target, { type: "Utilization", averageUtilization: r.targetAverageUtilization });
        else if (r.targetAverageValue !== void 0) Object.assign(target, { type: "AverageValue", averageValue: r.targetAverageValue });
        m.resource = { name: r.name, target };
      }
    }
  }
}
function convertHpaV1(obj) {
  const spec = obj.spec ?? {};
  if (spec.targetCPUUtilizationPercentage !== void 0) {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: spec.targetCPUUtilizationPercentage } } }];
    delete spec.targetCPUUtilizationPercentage;
  }
}

export {
  decodeObject
};
