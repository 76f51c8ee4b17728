import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  yaml
} from "./chunk-DGKIULUN.mjs";
import {
  fetchTargets
} from "./chunk-6OZ7EJPD.mjs";
import "./chunk-BB64KBY4.mjs";
import "./chunk-72ZWYUBZ.mjs";
import "./chunk-QGLCBEXV.mjs";
import "./chunk-OUAFUQHJ.mjs";
import {
  reportError
} from "./chunk-WT323U47.mjs";
import {
  parseTargets
} from "./chunk-EJADYZSX.mjs";
import "./chunk-5SB2OD6E.mjs";
import {
  kindString
} from "./chunk-54XMLGHN.mjs";
import {
  ApiError,
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/patch/index.ts
import { readFileSync } from "node:fs";

// src/api/patch.ts
var MERGE_KEYS = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  env: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
  ports: "containerPort",
  imagePullSecrets: "name",
  hostAliases: "ip",
  conditions: "type",
  ownerReferences: "uid",
  topologySpreadConstraints: "topologyKey",
  resourceClaims: "name"
};
var isMap = (v) => !!v && typeof v === "object" && !Array.isArray(v);
function jsonMergePatch(target, patch) {
  if (!isMap(patch)) return patch;
  const out = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMergePatch(out[k], v);
  }
  return out;
}
function mergeList(key, target, patch) {
  const mergeKey = MERGE_KEYS[key];
  if (!mergeKey || !Array.isArray(target) || !patch.every(isMap)) return patch.filter((p) => !(isMap(p) && p.$patch));
  const out = target.map((t) => structuredClone(t));
  for (const item of patch) {
    const id = item[mergeKey];
    const i = out.findIndex((t) => isMap(t) && t[mergeKey] === id);
    if (item.$patch === "delete") {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = strategicMergePatch(out[i], item);
    else out.push(strategicMergePatch({}, item));
  }
  return out;
}
function strategicMergePatch(target, patch) {
  if (!isMap(patch)) return patch;
  if (patch.$patch === "replace") {
    const { $patch, ...rest } = patch;
    void $patch;
    return rest;
  }
  if (patch.$patch === "delete") return void 0;
  const out = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith("$setElementOrder/") || k === "$retainKeys") continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(k, out[k], v);
    else if (isMap(v)) {
      const merged = strategicMergePatch(out[k], v);
      if (merged === void 0) delete out[k];
      else out[k] = merged;
    } else out[k] = v;
  }
  return out;
}
function pointer(path) {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new ApiError("BadRequest", 400, `the server rejected our request due to an error in our request: invalid JSON pointer "${path}"`);
  return path.slice(1).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function parentOf(doc, parts, op, path) {
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(p)] : cur?.[p];
    if (cur === void 0) throw new ApiError("UnprocessableEntity", 422, `doc is missing path: "${path}": missing value`);
  }
  void op;
  return [cur, parts[parts.length - 1]];
}
function jsonPatch(doc, ops) {
  if (!Array.isArray(ops)) throw new ApiError("BadRequest", 400, "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  let out = structuredClone(doc);
  for (const op of ops) {
    const parts = pointer(op.path ?? "");
    const get = (p) => p.reduce((c, k) => Array.isArray(c) ? c[Number(k)] : c?.[k], out);
    switch (op.op) {
      case "add":
      case "replace": {
        if (parts.length === 0) {
          out = structuredClone(op.value);
          break;
        }
        const [parent, last] = parentOf(out, parts, op.op, op.path);
        if (op.op === "replace" && (Array.isArray(parent) ? Number(last) >= parent.length : !(last in parent))) {
          throw new ApiError("UnprocessableEntity", 422, `jsonpatch replace operation does not apply: doc is missing key: ${op.path}: missing value`);
        }
        if (Array.isArray(parent)) {
          const i = last === "-" ? parent.length : Number(last);
          if (op.op === "add") parent.splice(i, 0, structuredClone(op.value));
          else parent[i] = structuredClone(op.value);
        } else parent[last] = structuredClone(op.value);
        break;
      }
      case "remove": {
        const [parent, last] = parentOf(out, parts, op.op, op.path);
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else if (parent && last in parent) delete parent[last];
        else throw new ApiError("UnprocessableEntity", 422, `jsonpatch remove operation does not apply: doc is missing path: "${op.path}": missing value`);
        break;
      }
      case "move":
      case "copy": {
        const from = pointer(op.from ?? "");
        const value = structuredClone(get(from));
        if (op.op === "move") {
          const [p, l] = parentOf(out, from, op.op, op.from);
          if (Array.isArray(p)) p.splice(Number(l), 1);
          else delete p[l];
        }
        const [parent, last] = parentOf(out, parts, op.op, op.path);
        if (Array.isArray(parent)) parent.splice(last === "-" ? parent.length : Number(last), 0, value);
        else parent[last] = value;
        break;
      }
      case "test":
        if (JSON.stringify(get(parts)) !== JSON.stringify(op.value)) throw new ApiError("UnprocessableEntity", 422, `testing value ${op.path} failed: test failed`);
        break;
      default:
        throw new ApiError("UnprocessableEntity", 422, `Unexpected kind: ${op.op}`);
    }
  }
  return out;
}

// src/commands/patch/index.ts
var command = {
  use: "patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]",
  short: "Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.",
  examples: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubesim patch node k8s-node01 -p '{"spec":{"unschedulable":true}}'`,
  flags: [
    { name: "patch", short: "p", type: "string", default: "", help: "The patch to be applied to the resource JSON file." },
    { name: "patch-file", type: "string", default: "", help: "A file containing a patch to be applied to the resource." },
    { name: "type", type: "string", default: "strategic", help: "The type of patch being provided; one of [json merge strategic]" },
    { name: "output", short: "o", type: "string", default: "", help: "Output format." },
    { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged", help: 'Must be "none", "server", or "client".' },
    { name: "subresource", type: "string", default: "", help: "If specified, patch will operate on the subresource of the requested object." }
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    if (!f.patch && !f["patch-file"]) throw new UsageError("must specify --patch or --patch-file containing the contents of the patch", true);
    if (!["json", "merge", "strategic"].includes(f.type)) throw new UsageError(`--type must be one of [json merge strategic], not "${f.type}"`);
    const text = f["patch-file"] ? readFileSync(f["patch-file"], "utf8") : f.patch;
    let patch;
    try {
      patch = yaml.load(text, { schema: yaml.JSON_SCHEMA });
    } catch (err) {
      throw new UsageError(`unable to parse "${text}": yaml: ${err.message.split("\n")[0]}`);
    }
    const targets = parseTargets(parsed.args);
    if (targets.length === 0 || targets.some((t) => t.names.length === 0)) throw new UsageError("resource(s) were provided, but no name was specified", true);
    const cluster = ctx.cluster();
    const { groups, errors } = fetchTargets(cluster, targets, { namespace: ctx.namespace, allNamespaces: false });
    let code = 0;
    for (const e of errors) code = reportError(e, ctx.io, ctx.path);
    for (const g of groups) {
      for (const obj of g.objects) {
        try {
          const { _sim, ...plain } = obj;
          let next = f.type === "json" ? jsonPatch(plain, patch) : f.type === "merge" ? jsonMergePatch(plain, patch) : strategicMergePatch(plain, patch);
          if (_sim) next = { ...next, _sim };
          next.metadata = { ...next.metadata, resourceVersion: obj.metadata.resourceVersion, name: obj.metadata.name, namespace: obj.metadata.namespace };
          const saved = f["dry-run"] !== "none" ? obj : cluster.store.update(g.info.resource, next);
          const changed = saved.metadata.resourceVersion !== obj.metadata.resourceVersion;
          ctx.io.out(`${kindString(g.info, g.group)}/${obj.metadata.name} patched${changed || f["dry-run"] !== "none" ? "" : " (no change)"}
`);
        } catch (err) {
          code = reportError(err, ctx.io, ctx.path);
        }
      }
    }
    ctx.settle();
    return code;
  }
};
export {
  command
};
