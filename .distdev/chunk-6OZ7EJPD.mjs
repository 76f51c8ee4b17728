import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  groupFor
} from "./chunk-BB64KBY4.mjs";
import {
  matches,
  parseSelector
} from "./chunk-5SB2OD6E.mjs";
import {
  resourceString
} from "./chunk-54XMLGHN.mjs";
import {
  notFound
} from "./chunk-IBKOI352.mjs";

// src/commands/shared/fetch.ts
function fieldMatcher(text) {
  if (!text) return () => true;
  const reqs = text.split(",").map((part) => {
    const m = /^([^!=]+)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) throw new Error(`invalid selector: '${text}'; can't understand '${part}'`);
    return { path: m[1], neg: m[2] === "!=", value: m[3] };
  });
  const get = (o, path) => {
    let v = o;
    for (const p of path.split(".")) v = v?.[p];
    return v === void 0 || v === null ? "" : String(v);
  };
  return (o) => reqs.every((r) => get(o, r.path) === r.value !== r.neg);
}
function fetchTargets(cluster, targets, opts) {
  const store = cluster.store;
  const sel = opts.selector ? parseSelector(opts.selector) : null;
  const field = fieldMatcher(opts.fieldSelector);
  const errors = [];
  const groups = [];
  for (const t of targets) {
    const group = groupFor(t.info, cluster.settings.version, t.group);
    const ns = t.info.namespaced ? opts.namespace : "";
    const objects = [];
    if (t.names.length > 0) {
      for (const name of t.names) {
        const o = store.get(t.info.resource, ns, name);
        if (!o) errors.push(notFound(resourceString(t.info, group), name));
        else objects.push(o);
      }
    } else {
      const list = t.info.namespaced && !opts.allNamespaces ? store.list(t.info.resource, ns) : store.list(t.info.resource);
      for (const o of list) if ((!sel || matches(sel, o.metadata.labels)) && field(o)) objects.push(o);
    }
    groups.push({ info: t.info, group, objects });
  }
  return { groups, errors };
}

export {
  fetchTargets
};
