import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  findResource,
  isExtensionsKind
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/shared/targets.ts
var ALL_RESOURCES = ["pods", "replicationcontrollers", "services", "daemonsets", "deployments", "replicasets", "statefulsets", "horizontalpodautoscalers", "cronjobs", "jobs"];
function resolveType(text) {
  const info = findResource(text);
  if (!info) throw new UsageError(`the server doesn't have a resource type "${text}"`);
  const dot = text.indexOf(".");
  let group;
  if (dot > 0) {
    const g = text.slice(dot + 1).replace(/^v\d\w*\./, "");
    group = g === "extensions" && isExtensionsKind(info.kind) ? "extensions" : info.group;
  }
  return { info, group };
}
function parseTargets(args) {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes("/"))) {
    const out2 = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      if (slash < 0) throw new UsageError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubesim get resource/<resource_name>' instead of 'kubesim get resource resource/<resource_name>'`);
      const { info, group } = resolveType(a.slice(0, slash));
      const name = a.slice(slash + 1);
      if (!name) throw new UsageError(`arguments in resource/name form must have a single resource and name`);
      out2.push({ info, group, names: [name] });
    }
    return out2;
  }
  const [types, ...names] = args;
  const out = [];
  for (const t of types.split(",").filter(Boolean)) {
    if (t === "all") {
      for (const r of ALL_RESOURCES) out.push({ info: findResource(r), names: [...names] });
      continue;
    }
    const { info, group } = resolveType(t);
    out.push({ info, group, names: [...names] });
  }
  return out;
}

export {
  resolveType,
  parseTargets
};
