import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  METADATA_FLAGS,
  editMetadata
} from "./chunk-JZQD3WYK.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-6OZ7EJPD.mjs";
import "./chunk-BB64KBY4.mjs";
import "./chunk-72ZWYUBZ.mjs";
import "./chunk-QGLCBEXV.mjs";
import "./chunk-OUAFUQHJ.mjs";
import "./chunk-WT323U47.mjs";
import "./chunk-EJADYZSX.mjs";
import "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import "./chunk-IBKOI352.mjs";

// src/commands/annotate/index.ts
var command = {
  use: "annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  short: "Update the annotations on a resource.",
  examples: "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n  kubesim annotate pods foo description='my frontend'",
  flags: METADATA_FLAGS,
  run: (ctx, parsed) => editMetadata(ctx, parsed, "annotations")
};
export {
  command
};
