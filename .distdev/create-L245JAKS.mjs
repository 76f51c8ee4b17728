import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  writeDocs
} from "./chunk-7GQMCS4F.mjs";
import {
  changeCause
} from "./chunk-7SA2M2QX.mjs";
import {
  readManifests
} from "./chunk-OULENHR4.mjs";
import "./chunk-S655UEAA.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-DGKIULUN.mjs";
import "./chunk-WT323U47.mjs";
import "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/create/index.ts
var command = {
  use: "create -f FILENAME",
  short: "Create a resource from a file or from stdin.",
  examples: "  # Create a pod using the data in pod.json\n  kubesim create -f ./pod.json",
  flags: [
    { name: "filename", short: "f", type: "stringArray", default: [], help: "Filename, directory, or URL to files to use to create the resource" },
    { name: "recursive", short: "R", type: "bool", default: false, help: "Process the directory used in -f, --filename recursively." },
    { name: "record", type: "bool", default: false, help: "Record current kubectl command in the resource annotation (deprecated)." },
    { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged", help: 'Must be "none", "server", or "client".' },
    { name: "output", short: "o", type: "string", default: "", help: "Output format." },
    { name: "save-config", type: "bool", default: false, help: "If true, the configuration of current object will be saved in its annotation." },
    { name: "validate", type: "string", default: "strict", noOptDefault: "strict", help: "Must be one of: strict (or true), warn, ignore (or false)." }
  ],
  async run(ctx, parsed) {
    if (ctx.flags.filename.length === 0) {
      throw new UsageError("must specify one of -f and -k", true);
    }
    const docs = await readManifests(ctx.flags.filename, ctx.io.stdin, ctx.flags.recursive);
    const cluster = ctx.cluster();
    if (ctx.flags.record && cluster.settings.version >= 122) ctx.io.err("Flag --record has been deprecated, --record will be removed in the future\n");
    const cause = ctx.flags.record ? changeCause(ctx.path, parsed) : void 0;
    return writeDocs(ctx, docs, { mode: "create", changeCause: cause, dryRun: ctx.flags["dry-run"] });
  }
};
export {
  command
};
