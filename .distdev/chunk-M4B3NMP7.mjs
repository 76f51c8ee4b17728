import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  yaml
} from "./chunk-DGKIULUN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/shared/manifests.ts
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
var MAX_BYTES = 64 * 1024 * 1024;
function parseDocs(text, source) {
  const out = [];
  let docs;
  try {
    docs = yaml.loadAll(text, void 0, { schema: yaml.JSON_SCHEMA });
  } catch (err) {
    const e = err;
    const line = e.mark ? e.mark.line + 1 : 0;
    throw new UsageError(`error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${e.reason ?? e.message}`);
  }
  for (const doc of docs) {
    if (doc === null || doc === void 0) continue;
    if (typeof doc === "object" && !Array.isArray(doc) && doc.kind === "List" && Array.isArray(doc.items)) {
      for (const item of doc.items) out.push({ doc: item, source });
    } else out.push({ doc, source });
  }
  return out;
}
function readPath(path, recursive, top) {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`the path "${path}" does not exist`);
  }
  if (st.isDirectory()) {
    const out = [];
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const s = statSync(full);
      if (s.isDirectory()) {
        if (recursive) out.push(...readPath(full, recursive, false));
      } else if (/\.(ya?ml|json)$/.test(name)) out.push(...readPath(full, recursive, false));
    }
    if (top && out.length === 0) throw new UsageError(`error reading [${path}]: recognized file extensions are [.json .yaml .yml]`);
    return out;
  }
  if (st.size > MAX_BYTES) throw new UsageError(`error reading "${path}": file is larger than ${MAX_BYTES} bytes`);
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`open ${path}: ${err.code === "EACCES" ? "permission denied" : err.message}`);
  }
  if (text.includes("\0")) throw new UsageError(`error parsing ${path}: error converting YAML to JSON: yaml: control characters are not allowed`);
  return parseDocs(text, path);
}
async function readManifests(files, stdin, recursive = false) {
  const out = [];
  for (const f of files) {
    if (f === "-") {
      const text = stdin ? await stdin() : "";
      out.push(...parseDocs(text, "STDIN"));
    } else if (/^https?:\/\//.test(f)) {
      const host = f.replace(/^https?:\/\//, "").split("/")[0];
      throw new UsageError(`unable to read URL "${f}", server reported Get "${f}": dial tcp: lookup ${host}: no such host (kubesim runs offline: save the manifest to a file and use -f FILE)`);
    } else out.push(...readPath(f, recursive, true));
  }
  if (files.length > 0 && out.length === 0) throw new UsageError("no objects passed to apply");
  return out;
}

export {
  readManifests
};
