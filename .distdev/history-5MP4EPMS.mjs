import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  RESOURCE_FLAGS,
  rolloutTargets,
  supportFor
} from "./chunk-U7LSR4Q7.mjs";
import {
  displayName
} from "./chunk-FN4A3ZEF.mjs";
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
import {
  reportError
} from "./chunk-WT323U47.mjs";
import "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import "./chunk-IBKOI352.mjs";

// src/commands/rollout/history.ts
var command = {
  use: "rollout history (TYPE NAME | TYPE/NAME) [flags]",
  short: "View rollout history.",
  examples: "  # View the rollout history of a deployment\n  kubesim rollout history deployment/abc\n\n  # View the details of daemonset revision 3\n  kubesim rollout history daemonset/abc --revision=3",
  flags: [...RESOURCE_FLAGS, { name: "revision", type: "int", default: 0, help: "See the details, including podTemplate of the revision specified" }],
  async run(ctx, parsed) {
    if (ctx.flags.revision < 0) throw new Error(`revision must be a positive integer: ${ctx.flags.revision}`);
    const { items, errors } = await rolloutTargets(ctx, parsed);
    let code = 0;
    for (const e of errors) code = reportError(e, ctx.io, ctx.path);
    const cluster = ctx.cluster();
    for (const item of items) {
      try {
        const text = supportFor(item, "history", "history")(cluster, item.obj, ctx.flags.revision);
        const head = ctx.flags.revision > 0 ? `${displayName(item)} with revision #${ctx.flags.revision}` : `${displayName(item)} `;
        ctx.io.out(`${head}
${text}
`);
      } catch (err) {
        code = reportError(err, ctx.io, ctx.path);
      }
    }
    return code;
  }
};
export {
  command
};
