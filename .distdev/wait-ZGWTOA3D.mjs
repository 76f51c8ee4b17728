import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  groupFor
} from "./chunk-BB64KBY4.mjs";
import "./chunk-72ZWYUBZ.mjs";
import "./chunk-QGLCBEXV.mjs";
import "./chunk-OUAFUQHJ.mjs";
import {
  stepClock
} from "./chunk-TFBWAUJ7.mjs";
import {
  parseTargets
} from "./chunk-EJADYZSX.mjs";
import {
  matches,
  parseSelector
} from "./chunk-5SB2OD6E.mjs";
import {
  kindString,
  resourceString
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError,
  notFound
} from "./chunk-IBKOI352.mjs";

// src/commands/wait/conditions.ts
function readJsonPath(obj, path) {
  const steps = path.replace(/^\./, "").split(/\.|(?=\[)/).filter(Boolean);
  let value = obj;
  for (const step of steps) {
    if (value === void 0 || value === null) return void 0;
    const index = /^\[(\d+)\]$/.exec(step);
    value = index ? value[Number(index[1])] : value[step];
  }
  return value;
}
function parseJsonPath(expression) {
  const m = /^\{([^}]*)\}(?:=(.*))?$/.exec(expression.replace(/^'(.*)'$/, "$1"));
  if (!m || !/^(\.[\w-]+|\[\d+\])+$/.test(m[1])) {
    throw new UsageError(`unrecognized condition: "jsonpath=${expression}"; kubesim supports simple paths such as {.status.phase}=Running`);
  }
  const [, path, expected] = m;
  return {
    kind: "jsonpath",
    met: (obj) => {
      if (!obj) return false;
      const value = readJsonPath(obj, path);
      if (expected === void 0) return value !== void 0;
      return value !== void 0 && value !== null && typeof value !== "object" && String(value) === expected;
    }
  };
}
function parseWaitFor(text) {
  const lower = text.toLowerCase();
  if (lower === "delete") return { kind: "delete", met: (obj) => obj === void 0 };
  if (lower === "create") return { kind: "create", met: (obj) => obj !== void 0 };
  if (lower.startsWith("condition=")) {
    const rest = text.slice("condition=".length);
    const eq = rest.indexOf("=");
    const type = eq < 0 ? rest : rest.slice(0, eq);
    const value = eq < 0 ? "true" : rest.slice(eq + 1);
    if (!type) throw new UsageError(`unrecognized condition: "${text}"`);
    return {
      kind: "condition",
      met: (obj) => (obj?.status?.conditions ?? []).some(
        (c) => String(c.type).toLowerCase() === type.toLowerCase() && String(c.status).toLowerCase() === value.toLowerCase()
      )
    };
  }
  if (lower.startsWith("jsonpath=")) return parseJsonPath(text.slice("jsonpath=".length));
  throw new UsageError(`unrecognized condition: "${text}"`);
}

// src/commands/wait/index.ts
var WEEK_MS = 7 * 24 * 36e5;
var command = {
  use: "wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]",
  short: "Experimental: Wait for a specific condition on one or many resources.",
  examples: '  # Wait for the job "pi" to complete, with a timeout of 60 seconds\n  kubesim wait --for=condition=complete job/pi --timeout=60s',
  flags: [
    { name: "for", type: "string", default: "", help: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]." },
    { name: "timeout", type: "duration", default: 3e4, help: "The length of time to wait before giving up. Zero means check once and don't wait, negative means wait for a week." },
    { name: "selector", short: "l", type: "string", default: "", help: "Selector (label query) to filter on." },
    { name: "all", type: "bool", default: false, help: "Select all resources in the namespace of the specified resource types" },
    { name: "all-namespaces", short: "A", type: "bool", default: false, help: "If present, list the requested object(s) across all namespaces." }
  ],
  async run(ctx, parsed) {
    const f = ctx.flags;
    if (!f.for) throw new UsageError("--for must be specified", true);
    const condition = parseWaitFor(f.for);
    const targets = parseTargets(parsed.args);
    if (targets.length === 0) throw new UsageError("resource(s) were provided, but no name was specified", true);
    const cluster = ctx.cluster();
    const timeout = f.timeout < 0 ? WEEK_MS : f.timeout;
    const deadline = cluster.clockNow() + timeout;
    const ns = ctx.namespace;
    const selector = f.selector ? parseSelector(f.selector) : void 0;
    const waits = [];
    for (const t of targets) {
      const group = groupFor(t.info, cluster.settings.version, t.group);
      const objNs = t.info.namespaced ? ns : "";
      const describe = (name) => ({ resource: t.info.resource, ns: objNs, name, label: `${kindString(t.info, group)}/${name}`, plural: `${resourceString(t.info, group)}/${name}` });
      if (t.names.length > 0) {
        for (const name of t.names) {
          if (!cluster.store.get(t.info.resource, objNs, name) && condition.kind !== "delete" && condition.kind !== "create") {
            throw notFound(resourceString(t.info, group), name);
          }
          waits.push(describe(name));
        }
      } else {
        if (!selector && !f.all) throw new UsageError("resource(s) were provided, but no name was specified", true);
        const list = t.info.namespaced && !f["all-namespaces"] ? cluster.store.list(t.info.resource, objNs) : cluster.store.list(t.info.resource);
        const found = list.filter((o) => !selector || matches(selector, o.metadata.labels));
        if (found.length === 0 && condition.kind !== "delete") throw new UsageError("no matching resources found");
        for (const o of found) waits.push(describe(o.metadata.name));
      }
    }
    for (const w of waits) {
      for (; ; ) {
        if (condition.met(cluster.store.get(w.resource, w.ns, w.name))) {
          ctx.io.out(`${w.label} condition met
`);
          break;
        }
        if (cluster.clockNow() >= deadline || !await stepClock(cluster, { deadline })) {
          ctx.io.err(`error: timed out waiting for the condition on ${w.plural}
`);
          return 1;
        }
      }
    }
    return 0;
  }
};
export {
  command
};
