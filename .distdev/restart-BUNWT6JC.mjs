import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  runToggle
} from "./chunk-TB5P2BQI.mjs";
import {
  RESOURCE_FLAGS
} from "./chunk-U7LSR4Q7.mjs";
import "./chunk-FN4A3ZEF.mjs";
import "./chunk-BCHHFCIZ.mjs";
import "./chunk-6IGW6BS7.mjs";
import "./chunk-HU757UHR.mjs";
import "./chunk-7SA2M2QX.mjs";
import "./chunk-OULENHR4.mjs";
import "./chunk-S655UEAA.mjs";
import "./chunk-25GV3KET.mjs";
import "./chunk-5ZUNRU74.mjs";
import "./chunk-SS4MT4K6.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-DGKIULUN.mjs";
import "./chunk-WT323U47.mjs";
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
