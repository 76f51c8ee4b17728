import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  RESOURCE_FLAGS,
  rolloutTargets,
  supportFor
} from "./chunk-7U7XWF7B.mjs";
import {
  displayName
} from "./chunk-UQASQK5I.mjs";
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
import {
  reportError
} from "./chunk-WT323U47.mjs";
import "./chunk-EJADYZSX.mjs";
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
        const text = supportFor(item, "history")(cluster, item.obj, ctx.flags.revision);
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
