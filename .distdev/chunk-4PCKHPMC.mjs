import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  CHANGE_CAUSE
} from "./chunk-7SA2M2QX.mjs";
import {
  decodeObject
} from "./chunk-NKO3TLXE.mjs";
import {
  reportError
} from "./chunk-WT323U47.mjs";
import {
  kindString,
  resourceString
} from "./chunk-54XMLGHN.mjs";
import {
  ApiError
} from "./chunk-IBKOI352.mjs";

// src/commands/shared/apply-merge.ts
var LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}
function lastAppliedValue(manifest) {
  const copy = structuredClone(manifest);
  if (copy.metadata?.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED];
    if (Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  }
  return JSON.stringify(sortKeys(copy)) + "\n";
}
var isMap = (v) => !!v && typeof v === "object" && !Array.isArray(v);
function mergeList(key, last, next, live) {
  if ((key === "containers" || key === "initContainers" || key === "env" || key === "volumes" || key === "volumeMounts") && Array.isArray(live)) {
    const by = key === "volumeMounts" ? "mountPath" : "name";
    return next.map((item) => {
      const liveItem = live.find((l) => l?.[by] === item?.[by]);
      const lastItem = last?.find((l) => l?.[by] === item?.[by]);
      return isMap(item) && isMap(liveItem) ? threeWayMerge(lastItem, item, liveItem) : item;
    });
  }
  return next;
}
function threeWayMerge(last, next, live) {
  const out = { ...isMap(live) ? live : {} };
  if (isMap(last)) {
    for (const k of Object.keys(last)) if (!(k in next)) delete out[k];
  }
  for (const [k, v] of Object.entries(next)) {
    if (isMap(v) && isMap(out[k])) out[k] = threeWayMerge(isMap(last) ? last[k] : void 0, v, out[k]);
    else if (Array.isArray(v)) out[k] = mergeList(k, isMap(last) ? last[k] : void 0, v, out[k]);
    else out[k] = v;
  }
  return out;
}

// src/commands/shared/write.ts
function withSource(err, verb, source, resource, name) {
  if (err instanceof ApiError && err.reason !== "Invalid") {
    return new ApiError(err.reason, err.code, `error when ${verb} "${source}": ${err.message}`, err.causes);
  }
  void resource;
  void name;
  return err;
}
function writeDocs(ctx, docs, opts) {
  const cluster = ctx.cluster();
  const store = cluster.store;
  let code = 0;
  for (const d of docs) {
    let verb = opts.mode === "create" ? "creating" : "applying";
    let resource = "";
    let name = "";
    try {
      const dec = decodeObject(d.doc, { clusterVersion: cluster.settings.version, strictVersions: cluster.settings.strictVersions, source: d.source });
      for (const w of dec.warnings) ctx.warn(w);
      const obj = dec.obj;
      resource = dec.info.resource;
      name = obj.metadata.name;
      if (dec.info.namespaced) {
        const requested = ctx.flags.namespace;
        if (requested && obj.metadata.namespace && requested !== obj.metadata.namespace) {
          throw new Error(`the namespace from the provided object "${obj.metadata.namespace}" does not match the namespace "${requested}". You must pass '--namespace=${obj.metadata.namespace}' to perform this operation.`);
        }
        obj.metadata.namespace ||= ctx.namespace;
      }
      if (opts.changeCause) obj.metadata.annotations = { ...obj.metadata.annotations ?? {}, [CHANGE_CAUSE]: opts.changeCause };
      const label = kindString(dec.info, dec.group);
      const ns = obj.metadata.namespace ?? "";
      if (opts.mode === "create") {
        if (opts.dryRun === "none" || !opts.dryRun) store.create(resource, obj);
        ctx.io.out(`${label}/${name} created${opts.dryRun === "client" ? " (dry run)" : opts.dryRun === "server" ? " (server dry run)" : ""}
`);
        continue;
      }
      const manifest = structuredClone(d.doc);
      if (opts.changeCause) {
        manifest.metadata ??= {};
        manifest.metadata.annotations = { ...manifest.metadata.annotations ?? {}, [CHANGE_CAUSE]: opts.changeCause };
      }
      const applied = lastAppliedValue(manifest);
      const live = store.get(resource, ns, name);
      if (!live) {
        verb = "creating";
        obj.metadata.annotations = { ...obj.metadata.annotations ?? {}, [LAST_APPLIED]: applied };
        store.create(resource, obj);
        ctx.io.out(`${label}/${name} created
`);
        continue;
      }
      verb = "patching";
      const lastText = live.metadata.annotations?.[LAST_APPLIED];
      const last = lastText ? JSON.parse(lastText) : void 0;
      const desired = structuredClone(obj);
      desired.metadata.annotations = { ...desired.metadata.annotations ?? {}, [LAST_APPLIED]: applied };
      const merged = threeWayMerge(last ? decodeLast(last, cluster.settings.version) : void 0, strip(desired), live);
      merged.metadata.resourceVersion = live.metadata.resourceVersion;
      const saved = store.update(resource, merged);
      const changed = saved.metadata.resourceVersion !== live.metadata.resourceVersion;
      ctx.io.out(`${label}/${name} ${changed ? "configured" : "unchanged"}
`);
    } catch (err) {
      code = reportError(withSource(err, verb, d.source, resource ? resourceString({ resource }) : "", name), ctx.io, ctx.path) || 1;
    }
  }
  ctx.settle();
  return code;
}
function strip(obj) {
  delete obj.status;
  return obj;
}
function decodeLast(last, version) {
  try {
    return decodeObject(last, { clusterVersion: version, strictVersions: false, source: "" }).obj;
  } catch {
    return last;
  }
}

export {
  writeDocs
};
