import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/api/selectors.ts
function parseSelector(text) {
  const out = [];
  let i = 0;
  const s = text.trim();
  if (!s) return out;
  const fail = (why) => {
    throw new UsageError(`unable to parse requirement: ${why}`);
  };
  while (i < s.length) {
    while (s[i] === " ") i++;
    let negate = false;
    if (s[i] === "!") {
      negate = true;
      i++;
    }
    const keyMatch = /^[A-Za-z0-9][-A-Za-z0-9_./]*/.exec(s.slice(i));
    if (!keyMatch) fail(`found '${s.slice(i, i + 1) || "end of string"}', expected: identifier`);
    const key = keyMatch[0];
    i += key.length;
    while (s[i] === " ") i++;
    if (negate) {
      out.push({ key, op: "!", values: [] });
    } else if (i >= s.length || s[i] === ",") {
      out.push({ key, op: "exists", values: [] });
    } else {
      const rest = s.slice(i);
      const opMatch = /^(==|=|!=|in\b|notin\b)/.exec(rest);
      if (!opMatch) fail(`found '${rest[0]}', expected: in, notin, =, ==, !=, gt, lt`);
      const op = opMatch[1];
      i += op.length;
      while (s[i] === " ") i++;
      if (op === "in" || op === "notin") {
        if (s[i] !== "(") fail(`found '${s[i] ?? "end of string"}', expected: '('`);
        const close = s.indexOf(")", i);
        if (close < 0) fail(`found 'end of string', expected: ')'`);
        const values = s.slice(i + 1, close).split(",").map((v) => v.trim()).filter((v) => v !== "");
        out.push({ key, op, values });
        i = close + 1;
      } else {
        const valMatch = /^[A-Za-z0-9_.-]*/.exec(s.slice(i));
        const value = valMatch ? valMatch[0] : "";
        i += value.length;
        out.push({ key, op: op === "!=" ? "!=" : "=", values: [value] });
      }
    }
    while (s[i] === " ") i++;
    if (i < s.length) {
      if (s[i] !== ",") fail(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return out;
}
function fromLabelSelector(sel) {
  if (!sel) return null;
  const out = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) out.push({ key, op: "=", values: [value] });
  for (const e of sel.matchExpressions ?? []) {
    const op = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" }[e.operator];
    out.push({ key: e.key, op, values: e.values ?? [] });
  }
  return out;
}
function matches(selector, labels) {
  if (!selector) return false;
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case "=":
        if (!has || v !== r.values[0]) return false;
        break;
      case "!=":
        if (has && v === r.values[0]) return false;
        break;
      case "in":
        if (!has || !r.values.includes(v)) return false;
        break;
      case "notin":
        if (has && r.values.includes(v)) return false;
        break;
      case "exists":
        if (!has) return false;
        break;
      case "!":
        if (has) return false;
        break;
    }
  }
  return true;
}
function formatLabelSelector(sel) {
  if (!sel) return "<none>";
  const parts = [];
  for (const k of Object.keys(sel.matchLabels ?? {}).sort()) parts.push(`${k}=${sel.matchLabels[k]}`);
  for (const e of sel.matchExpressions ?? []) {
    switch (e.operator) {
      case "In":
        parts.push(`${e.key} in (${(e.values ?? []).join(",")})`);
        break;
      case "NotIn":
        parts.push(`${e.key} notin (${(e.values ?? []).join(",")})`);
        break;
      case "Exists":
        parts.push(e.key);
        break;
      case "DoesNotExist":
        parts.push(`!${e.key}`);
        break;
    }
  }
  const s = parts.join(",");
  return s === "" ? "<none>" : s;
}
function formatLabels(labels) {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels[k]}`).join(",");
}

export {
  parseSelector,
  fromLabelSelector,
  matches,
  formatLabelSelector,
  formatLabels
};
