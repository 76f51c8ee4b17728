import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  fetchTargets
} from "./chunk-25GV3KET.mjs";
import {
  parseTargets
} from "./chunk-SS4MT4K6.mjs";
import {
  validateLabelKey,
  validateLabels
} from "./chunk-AV6ELG4C.mjs";
import {
  reportError
} from "./chunk-WT323U47.mjs";
import {
  kindString
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError,
  formatCause
} from "./chunk-IBKOI352.mjs";

// src/commands/shared/metadata-edit.ts
function editMetadata(ctx, parsed, field) {
  const flags = ctx.flags;
  const resourceArgs = [];
  const changes = {};
  const removals = [];
  for (const a of parsed.args) {
    if (a.includes("=")) {
      const i = a.indexOf("=");
      changes[a.slice(0, i)] = a.slice(i + 1);
    } else if (a.endsWith("-") && resourceArgs.length > 0) removals.push(a.slice(0, -1));
    else resourceArgs.push(a);
  }
  const verb = field === "labels" ? "label" : "annotate";
  if (Object.keys(changes).length === 0 && removals.length === 0) throw new UsageError(`at least one ${field === "labels" ? "label" : "annotation"} update is required`, true);
  if (resourceArgs.length === 0) throw new UsageError("one or more resources must be specified as <resource> <name> or <resource>/<name>", true);
  if (field === "labels") {
    const causes = [...validateLabels(changes, "metadata.labels"), ...removals.flatMap((k) => validateLabelKey(k, "metadata.labels"))];
    if (causes.length) throw new UsageError(`invalid label spec: ${formatCause(causes[0])}`);
  }
  const targets = parseTargets(resourceArgs);
  const named = targets.some((t) => t.names.length > 0);
  if (!named && !flags.all && !flags.selector) throw new UsageError("resource(s) were provided, but no name was specified");
  const cluster = ctx.cluster();
  const { groups, errors } = fetchTargets(cluster, targets, { namespace: ctx.namespace, allNamespaces: flags["all-namespaces"] ?? false, selector: flags.selector });
  let code = 0;
  for (const e of errors) code = reportError(e, ctx.io, ctx.path);
  for (const g of groups) {
    for (const obj of g.objects) {
      try {
        const current = { ...obj.metadata[field] ?? {} };
        if (!flags.overwrite) {
          for (const [k, v] of Object.entries(changes)) {
            if (k in current && current[k] !== v) throw new UsageError(`'${k}' already has a value (${current[k]}), and --overwrite is false`);
          }
        }
        let added = false;
        let removed = false;
        for (const [k, v] of Object.entries(changes)) {
          if (current[k] !== v) added = true;
          current[k] = v;
        }
        for (const k of removals) {
          if (k in current) removed = true;
          delete current[k];
        }
        if (added || removed) {
          obj.metadata[field] = current;
          if (Object.keys(current).length === 0) delete obj.metadata[field];
          cluster.store.update(g.info.resource, obj);
        }
        const word = field === "labels" ? added ? "labeled" : removed ? "unlabeled" : "not labeled" : "annotated";
        ctx.io.out(`${kindString(g.info, g.group)}/${obj.metadata.name} ${word}
`);
      } catch (err) {
        code = reportError(err, ctx.io, ctx.path);
      }
    }
  }
  void verb;
  ctx.settle();
  return code;
}
var METADATA_FLAGS = [
  { name: "overwrite", type: "bool", default: false, help: "If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels." },
  { name: "all", type: "bool", default: false, help: "Select all resources, in the namespace of the specified resource types" },
  { name: "all-namespaces", short: "A", type: "bool", default: false, help: "If true, check the specified action in all namespaces." },
  { name: "selector", short: "l", type: "string", default: "", help: "Selector (label query) to filter on." },
  { name: "output", short: "o", type: "string", default: "", help: "Output format." },
  { name: "resource-version", type: "string", default: "", help: "If non-empty, the update will only succeed if this is the current resource-version for the object." }
];

export {
  editMetadata,
  METADATA_FLAGS
};
