import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  runToggle
} from "./chunk-MFVMKBPL.mjs";
import {
  RESOURCE_FLAGS
} from "./chunk-7U7XWF7B.mjs";
import "./chunk-UQASQK5I.mjs";
import "./chunk-7SA2M2QX.mjs";
import "./chunk-BCHHFCIZ.mjs";
import "./chunk-M4B3NMP7.mjs";
import "./chunk-DGKIULUN.mjs";
import "./chunk-NKO3TLXE.mjs";
import "./chunk-S655UEAA.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-XQQJKCT7.mjs";
import "./chunk-HU757UHR.mjs";
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

// src/commands/rollout/restart.ts
var command = {
  use: "rollout restart RESOURCE",
  short: "Restart a resource.",
  examples: "  kubesim rollout restart deployment/nginx",
  flags: [...RESOURCE_FLAGS],
  run: (ctx, parsed) => runToggle(ctx, parsed, "restart")
};
export {
  command
};
