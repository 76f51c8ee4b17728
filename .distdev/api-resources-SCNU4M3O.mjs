import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  formatTable
} from "./chunk-QGLCBEXV.mjs";
import {
  RESOURCES,
  apiVersionOf
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/api-resources/index.ts
var GROUP_ORDER = ["", "apps", "autoscaling", "batch", "storage.k8s.io", "discovery.k8s.io"];
var CATEGORIES = {
  pods: "all",
  replicationcontrollers: "all",
  services: "all",
  daemonsets: "all",
  deployments: "all",
  replicasets: "all",
  statefulsets: "all",
  horizontalpodautoscalers: "all",
  cronjobs: "all",
  jobs: "all"
};
var command = {
  use: "api-resources",
  short: "Print the supported API resources on the server.",
  flags: [
    { name: "output", short: "o", type: "string", default: "", help: "Output format. One of: (wide, name)." },
    { name: "namespaced", type: "bool", default: true, help: "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default." },
    { name: "api-group", type: "string", default: "", help: "Limit to resources in the specified API group." },
    { name: "no-headers", type: "bool", default: false, help: "When using the default or custom-column output format, don't print headers." },
    { name: "sort-by", type: "string", default: "", help: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: "verbs", type: "stringArray", default: [], help: "Limit to resources that support the specified verbs." },
    { name: "cached", type: "bool", default: false, help: "Use the cached list of resources if available." }
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    if (f.output && f.output !== "wide" && f.output !== "name") throw new UsageError(`--output ${f.output} is not available`);
    let list = [...RESOURCES].sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.resource.localeCompare(b.resource));
    if (parsed.set.has("namespaced")) list = list.filter((r) => r.namespaced === f.namespaced);
    if (parsed.set.has("api-group")) list = list.filter((r) => r.group === f["api-group"]);
    if (f.verbs.length) list = list.filter((r) => f.verbs.every((v) => r.verbs.includes(v)));
    if (f["sort-by"] === "name") list.sort((a, b) => a.resource.localeCompare(b.resource));
    if (f["sort-by"] === "kind") list.sort((a, b) => a.kind.localeCompare(b.kind));
    if (f.output === "name") {
      ctx.io.out(list.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource) + "\n").join(""));
      return;
    }
    const header = ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"];
    if (f.output === "wide") header.push("VERBS", "CATEGORIES");
    const rows = list.map((r) => {
      const row = [r.resource, r.shortNames.join(","), apiVersionOf(r), String(r.namespaced), r.kind];
      if (f.output === "wide") row.push(`[${r.verbs.join(" ")}]`, CATEGORIES[r.resource] ?? "");
      return row;
    });
    ctx.io.out(formatTable(header, rows, { noHeaders: f["no-headers"] }));
  }
};
export {
  command
};
