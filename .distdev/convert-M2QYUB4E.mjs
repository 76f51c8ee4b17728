import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  readManifests
} from "./chunk-M4B3NMP7.mjs";
import "./chunk-DGKIULUN.mjs";
import {
  decodeObject
} from "./chunk-NKO3TLXE.mjs";
import {
  LEGACY_VERSION_ANNOTATION
} from "./chunk-S655UEAA.mjs";
import "./chunk-AV6ELG4C.mjs";
import {
  toKubectlJson,
  toKubectlYaml
} from "./chunk-OUAFUQHJ.mjs";
import "./chunk-5SB2OD6E.mjs";
import {
  apiVersionOf
} from "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/convert/index.ts
var command = {
  use: "convert -f FILENAME [--output-version=GROUP/VERSION]",
  short: "Convert config files between different API versions.",
  flags: [
    { name: "filename", short: "f", type: "stringArray", default: [], help: "Filename, directory, or URL to files to need to get converted." },
    { name: "recursive", short: "R", type: "bool", default: false, help: "Process the directory used in -f, --filename recursively." },
    { name: "output-version", type: "string", default: "", help: "Output the formatted object with the given group version (for ex: 'apps/v1')." },
    { name: "output", short: "o", type: "string", default: "yaml", help: "Output format. One of: (json, yaml)." },
    { name: "local", type: "bool", default: true, help: "If true, convert will NOT try to contact api-server but run locally." }
  ],
  async run(ctx) {
    const f = ctx.flags;
    if (f.filename.length === 0) throw new UsageError("must specify one of -f and -k", true);
    if (f.output !== "yaml" && f.output !== "json") throw new UsageError(`unable to match a printer suitable for the output format "${f.output}", allowed formats are: json,yaml`);
    const docs = await readManifests(f.filename, ctx.io.stdin, f.recursive);
    const out = docs.map((d) => {
      const dec = decodeObject(d.doc, { clusterVersion: 132, strictVersions: false, source: d.source });
      const obj = dec.obj;
      if (obj.metadata.annotations) {
        delete obj.metadata.annotations[LEGACY_VERSION_ANNOTATION];
        if (Object.keys(obj.metadata.annotations).length === 0) delete obj.metadata.annotations;
      }
      if (f["output-version"] && f["output-version"] !== apiVersionOf(dec.info)) {
        throw new UsageError(`${dec.info.kind} "${obj.metadata.name}" cannot be converted to ${f["output-version"]}; kubesim converts to ${apiVersionOf(dec.info)}`);
      }
      obj.metadata.creationTimestamp ??= null;
      if (obj.status === void 0 && ["Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "CronJob", "Pod"].includes(dec.info.kind)) obj.status = {};
      return obj;
    });
    const value = out.length === 1 ? out[0] : { apiVersion: "v1", items: out, kind: "List", metadata: { resourceVersion: "" } };
    ctx.io.out(f.output === "json" ? toKubectlJson(value) : toKubectlYaml(value));
  }
};
export {
  command
};
