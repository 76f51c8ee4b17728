import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  METADATA_FLAGS,
  editMetadata
} from "./chunk-NB3TM5U6.mjs";
import "./chunk-25GV3KET.mjs";
import "./chunk-5ZUNRU74.mjs";
import "./chunk-SS4MT4K6.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-DGKIULUN.mjs";
import "./chunk-WT323U47.mjs";
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
