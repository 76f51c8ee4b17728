import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  readManifests
} from "./chunk-M4B3NMP7.mjs";
import {
  decodeObject
} from "./chunk-NKO3TLXE.mjs";
import {
  fetchTargets
} from "./chunk-6OZ7EJPD.mjs";
import {
  parseTargets
} from "./chunk-EJADYZSX.mjs";
import {
  kindString,
  resourceString
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError,
  notFound
} from "./chunk-IBKOI352.mjs";

// src/commands/shared/resolve.ts
function displayName(r) {
  return `${kindString(r.info, r.group)}/${r.obj.metadata.name}`;
}
function errorName(r) {
  return `${resourceString(r.info, r.group)} "${r.obj.metadata.name}"`;
}
async function resolveObjects(ctx, args, opts) {
  const cluster = ctx.cluster();
  const items = [];
  const errors = [];
  if (opts.filenames && opts.filenames.length > 0) {
    const docs = await readManifests(opts.filenames, ctx.io.stdin, opts.recursive ?? false);
    for (const d of docs) {
      const dec = decodeObject(d.doc, { clusterVersion: cluster.settings.version, strictVersions: false, source: d.source });
      const ns = dec.info.namespaced ? dec.obj.metadata.namespace || ctx.namespace : "";
      const obj = cluster.store.get(dec.info.resource, ns, dec.obj.metadata.name);
      if (!obj) errors.push(notFound(resourceString(dec.info, dec.group), dec.obj.metadata.name));
      else items.push({ info: dec.info, group: dec.group, obj });
    }
    return { items, errors };
  }
  if (args.length === 0) throw new UsageError("required resource not specified");
  const targets = parseTargets(args);
  const named = targets.some((t) => t.names.length > 0);
  if (!named && !opts.all && !opts.selector) throw new UsageError("resource(s) were provided, but no name was specified");
  const result = fetchTargets(cluster, targets, { namespace: ctx.namespace, allNamespaces: opts.allNamespaces ?? false, selector: opts.selector });
  for (const g of result.groups) for (const obj of g.objects) items.push({ info: g.info, group: g.group, obj });
  return { items, errors: result.errors };
}
function dryRunSuffix(mode) {
  if (mode === "client") return " (dry run)";
  if (mode === "server") return " (server dry run)";
  return "";
}

export {
  displayName,
  errorName,
  resolveObjects,
  dryRunSuffix
};
