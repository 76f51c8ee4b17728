import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  LEGACY_VERSION_ANNOTATION
} from "./chunk-S655UEAA.mjs";
import {
  yaml
} from "./chunk-DGKIULUN.mjs";
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

// src/commands/shared/manifests.ts
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
var MAX_BYTES = 64 * 1024 * 1024;
function parseDocs(text, source) {
  const out = [];
  let docs;
  try {
    docs = yaml.loadAll(text, void 0, { schema: yaml.JSON_SCHEMA });
  } catch (err) {
    const e = err;
    const line = e.mark ? e.mark.line + 1 : 0;
    throw new UsageError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${e.reason ?? e.message}`);
  }
  for (const doc of docs) {
    if (doc === null || doc === void 0) continue;
    if (typeof doc === "object" && !Array.isArray(doc) && doc.kind === "List" && Array.isArray(doc.items)) {
      for (const item of doc.items) out.push({ doc: item, source });
    } else out.push({ doc, source });
  }
  return out;
}
function readPath(path, recursive, top) {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`the path "${path}" does not exist`);
  }
  if (st.isDirectory()) {
    const out = [];
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const s = statSync(full);
      if (s.isDirectory()) {
        if (recursive) out.push(...readPath(full, recursive, false));
      } else if (/\.(ya?ml|json)$/.test(name)) out.push(...readPath(full, recursive, false));
    }
    if (top && out.length === 0) throw new UsageError(`error reading [${path}]: recognized file extensions are [.json .yaml .yml]`);
    return out;
  }
  if (st.size > MAX_BYTES) throw new UsageError(`error reading "${path}": file is larger than ${MAX_BYTES} bytes`);
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`open ${path}: ${err.code === "EACCES" ? "permission denied" : err.message}`);
  }
  if (text.includes("\0")) throw new UsageError(`error parsing ${path}: error converting YAML to JSON: yaml: control characters are not allowed`);
  return parseDocs(text, path);
}
async function readManifests(files, stdin, recursive = false) {
  const out = [];
  for (const f of files) {
    if (f === "-") {
      const text = stdin ? await stdin() : "";
      out.push(...parseDocs(text, "STDIN"));
    } else if (/^https?:\/\//.test(f)) {
      const host = f.replace(/^https?:\/\//, "").split("/")[0];
      throw new UsageError(`unable to read URL "${f}", server reported Get "${f}": dial tcp: lookup ${host}: no such host (kubesim runs offline: save the manifest to a file and use -f FILE)`);
    } else out.push(...readPath(f, recursive, true));
  }
  if (files.length > 0 && out.length === 0) throw new UsageError("no objects passed to apply");
  return out;
}

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
    if (legacy && opts.clusterVersion >= versionNumber(legacy.deprecatedIn || "0.0")) {
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
  readManifests,
  decodeObject
};
