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
import {
  LAST_APPLIED_ANNOTATION
} from "./chunk-HU757UHR.mjs";
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

// src/commands/rollout/undo.ts
var command = {
  use: "rollout undo (TYPE NAME | TYPE/NAME) [flags]",
  short: "Undo a previous rollout.",
  examples: "  # Roll back to the previous deployment\n  kubesim rollout undo deployment/abc\n\n  # Roll back to daemonset revision 3\n  kubesim rollout undo daemonset/abc --to-revision=3",
  flags: [
    ...RESOURCE_FLAGS,
    { name: "to-revision", type: "int", default: 0, help: "The revision to rollback to. Default to 0 (last revision)." },
    { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged", help: 'Must be "none", "server", or "client".' },
    { name: "output", short: "o", type: "string", default: "", help: "Output format. One of: (name)." }
  ],
  async run(ctx, parsed) {
    const { items, errors } = await rolloutTargets(ctx, parsed);
    let code = 0;
    for (const e of errors) code = reportError(e, ctx.io, ctx.path);
    const cluster = ctx.cluster();
    const dryRun = ctx.flags["dry-run"] === "client";
    for (const item of items) {
      try {
        if (cluster.settings.version >= 136 && item.obj.metadata.annotations?.[LAST_APPLIED_ANNOTATION]) {
          ctx.warn(`resource ${item.info.resource}/${item.obj.metadata.name} was previously managed with 'kubectl apply'. Rolling back will not update the kubectl.kubernetes.io/last-applied-configuration annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.`);
        }
        const result = supportFor(item, "rollback")(cluster, item.obj, ctx.flags["to-revision"], dryRun);
        ctx.io.out(`${displayName(item)} ${result}
`);
      } catch (err) {
        code = reportError(err, ctx.io, ctx.path);
      }
    }
    ctx.settle();
    return code;
  }
};
export {
  command
};
