import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  parseDuration
} from "./chunk-SMSUD63N.mjs";
import {
  readManifests
} from "./chunk-M4B3NMP7.mjs";
import "./chunk-DGKIULUN.mjs";
import {
  decodeObject
} from "./chunk-NKO3TLXE.mjs";
import "./chunk-S655UEAA.mjs";
import "./chunk-AV6ELG4C.mjs";
import {
  fetchTargets
} from "./chunk-6OZ7EJPD.mjs";
import {
  OUTPUT_FLAGS,
  TemplateOutputError,
  renderGroups
} from "./chunk-BB64KBY4.mjs";
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
import "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/get/watch.ts
var POLL_MS = 500;
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
async function watch(ctx, targets, fetch, print, listFirst) {
  const cluster = ctx.cluster();
  const timeoutText = String(ctx.flags["request-timeout"] ?? "0");
  const timeout = timeoutText === "0" ? Infinity : parseDuration(timeoutText);
  const deadline = Date.now() + timeout;
  const events = ctx.flags["output-watch-events"];
  let seen = /* @__PURE__ */ new Map();
  let headerDone = false;
  const emit = (changed, groupIndex, groups2) => {
    if (changed.length === 0) return;
    const g = groups2[groupIndex];
    const text = renderGroups([{ ...g, objects: changed.map((c) => c.obj) }], { ...print, noHeaders: print.noHeaders || headerDone }, { now: cluster.simNow, version: cluster.settings.version });
    headerDone = true;
    if (events && (print.output === "" || print.output === "wide")) {
      const lines = text.split("\n").filter(Boolean);
      const offset = lines.length - changed.length;
      ctx.io.out(lines.map((l, i) => i < offset ? `EVENT      ${l}` : `${changed[i - offset].type.padEnd(11)}${l}`).join("\n") + "\n");
    } else ctx.io.out(text);
  };
  const snapshot = () => fetchTargets(cluster, targets, fetch).groups;
  let groups = snapshot();
  groups.forEach((g, i) => {
    for (const o of g.objects) seen.set(`${i}/${o.metadata.namespace}/${o.metadata.name}`, o);
    if (listFirst) emit(g.objects.map((o) => ({ obj: o, type: "ADDED" })), i, groups);
  });
  let stop = false;
  process.once("SIGINT", () => stop = true);
  while (!stop && Date.now() < deadline) {
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
    cluster.settle();
    groups = snapshot();
    const next = /* @__PURE__ */ new Map();
    groups.forEach((g, i) => {
      const changed = [];
      for (const o of g.objects) {
        const key = `${i}/${o.metadata.namespace}/${o.metadata.name}`;
        next.set(key, o);
        const before = seen.get(key);
        if (!before) changed.push({ obj: o, type: "ADDED" });
        else if (before.metadata.resourceVersion !== o.metadata.resourceVersion) changed.push({ obj: o, type: "MODIFIED" });
      }
      for (const [key, o] of seen) if (key.startsWith(`${i}/`) && !next.has(key)) changed.push({ obj: o, type: "DELETED" });
      emit(changed, i, groups);
    });
    seen = next;
  }
  return 0;
}

// src/commands/get/index.ts
var command = {
  use: "get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]",
  short: "Display one or many resources.",
  examples: "  # List all pods in ps output format\n  kubesim get pods\n\n  # List a single replica set with specified NAME in ps output format\n  kubesim get replicaset web",
  flags: [
    ...OUTPUT_FLAGS,
    { name: "selector", short: "l", type: "string", default: "", help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2)." },
    { name: "field-selector", type: "string", default: "", help: "Selector (field query) to filter on, supports '=', '==', and '!='." },
    { name: "all-namespaces", short: "A", type: "bool", default: false, help: "If present, list the requested object(s) across all namespaces." },
    { name: "filename", short: "f", type: "stringArray", default: [], help: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "recursive", short: "R", type: "bool", default: false, help: "Process the directory used in -f, --filename recursively." },
    { name: "watch", short: "w", type: "bool", default: false, help: "After listing/getting the requested object, watch for changes." },
    { name: "watch-only", type: "bool", default: false, help: "Watch for changes to the requested object(s), without listing/getting first." },
    { name: "output-watch-events", type: "bool", default: false, help: "Output watch event objects when --watch or --watch-only is used." },
    { name: "chunk-size", type: "int", default: 500, help: "Return large lists in chunks rather than all at once." },
    { name: "ignore-not-found", type: "bool", default: false, help: "If the requested object does not exist the command will return exit code 0." }
  ],
  async run(ctx, parsed) {
    const flags = ctx.flags;
    let targets;
    if (flags.filename.length > 0) {
      const cluster2 = ctx.cluster();
      const docs = await readManifests(flags.filename, ctx.io.stdin, flags.recursive);
      targets = docs.map((d) => {
        const dec = decodeObject(d.doc, { clusterVersion: cluster2.settings.version, strictVersions: false, source: d.source });
        return { info: dec.info, group: dec.group, names: [dec.obj.metadata.name] };
      });
    } else {
      if (parsed.args.length === 0) {
        throw new UsageError(
          `You must specify the type of resource to get. Use "kubesim api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubesim explain <resource>" for a detailed description of that resource (e.g. kubesim explain pods).
See 'kubesim get -h' for help and examples`
        );
      }
      targets = parseTargets(parsed.args);
    }
    const cluster = ctx.cluster();
    const namespace = ctx.namespace;
    if (flags.watch || flags["watch-only"]) {
      const kinds2 = new Set(targets.map((t) => t.info.resource));
      return watch(
        ctx,
        targets,
        { namespace, allNamespaces: flags["all-namespaces"], selector: flags.selector, fieldSelector: flags["field-selector"] },
        {
          output: flags.output,
          showLabels: flags["show-labels"],
          noHeaders: flags["no-headers"],
          labelColumns: flags["label-columns"],
          withKind: kinds2.size > 1,
          allNamespaces: flags["all-namespaces"],
          single: false
        },
        !flags["watch-only"]
      );
    }
    const result = fetchTargets(cluster, targets, {
      namespace,
      allNamespaces: flags["all-namespaces"],
      selector: flags.selector,
      fieldSelector: flags["field-selector"]
    });
    const kinds = new Set(targets.map((t) => t.info.resource));
    const withKind = kinds.size > 1 || parsed.args[0]?.split(",").includes("all") || flags["show-kind"];
    const named = targets.some((t) => t.names.length > 0);
    let text;
    try {
      text = renderGroups(
        result.groups,
        {
          output: flags.output,
          showLabels: flags["show-labels"],
          noHeaders: flags["no-headers"],
          labelColumns: flags["label-columns"],
          withKind: !!withKind,
          allNamespaces: flags["all-namespaces"],
          single: targets.length === 1 && targets[0].names.length === 1,
          template: flags.template,
          allowMissingKeys: flags["allow-missing-template-keys"],
          sortBy: flags["sort-by"]
        },
        { now: cluster.simNow, version: cluster.settings.version }
      );
    } catch (err) {
      if (err instanceof TemplateOutputError) ctx.io.out(err.stdout);
      throw err;
    }
    ctx.io.out(text);
    let code = 0;
    for (const e of result.errors) {
      if (flags["ignore-not-found"] && e.reason === "NotFound") continue;
      code = reportError(e, ctx.io, ctx.path);
    }
    const empty = result.groups.every((g) => g.objects.length === 0);
    if (empty && !named && result.errors.length === 0 && (flags.output === "" || flags.output === "wide")) {
      const allNamespaced = targets.every((t) => t.info.namespaced);
      if (cluster.settings.version < 116) ctx.io.err("No resources found.\n");
      else if (flags["all-namespaces"] || !allNamespaced) ctx.io.err("No resources found\n");
      else ctx.io.err(`No resources found in ${namespace} namespace.
`);
    }
    return code;
  }
};
export {
  command
};
