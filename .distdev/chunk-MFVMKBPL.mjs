import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  rolloutTargets,
  supportFor
} from "./chunk-7U7XWF7B.mjs";
import {
  displayName,
  errorName
} from "./chunk-UQASQK5I.mjs";
import {
  reportError
} from "./chunk-WT323U47.mjs";

// src/commands/rollout/toggle.ts
var DONE = { pause: "paused", resume: "resumed", restart: "restarted" };
async function runToggle(ctx, parsed, action) {
  const { items, errors } = await rolloutTargets(ctx, parsed);
  let code = 0;
  for (const e of errors) code = reportError(e, ctx.io, ctx.path);
  const cluster = ctx.cluster();
  for (const item of items) {
    try {
      const impl = supportFor(item, action);
      let changed;
      try {
        changed = impl(item.obj, cluster.clockNow());
      } catch (err) {
        throw new Error(`${errorName(item)} ${err.message}`);
      }
      cluster.store.update(item.info.resource, changed);
      ctx.io.out(`${displayName(item)} ${DONE[action]}
`);
    } catch (err) {
      code = reportError(err, ctx.io, ctx.path);
    }
  }
  ctx.settle();
  return code;
}

export {
  runToggle
};
