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

// src/commands/label/index.ts
var command = {
  use: "label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]",
  short: "Update the labels on a resource.",
  examples: "  # Update pod 'foo' with the label 'unhealthy' and the value 'true'\n  kubesim label pods foo unhealthy=true",
  flags: METADATA_FLAGS,
  run: (ctx, parsed) => editMetadata(ctx, parsed, "labels")
};
export {
  command
};
