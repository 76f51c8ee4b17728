import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  rolloutTargets,
  supportFor
} from "./chunk-U7LSR4Q7.mjs";
import {
  displayName,
  errorName
} from "./chunk-FN4A3ZEF.mjs";
import {
  reportError
} from "./chunk-WT323U47.mjs";

// src/commands/rollout/toggle.ts
var WORDS = {
  pause: { done: "paused", verbing: "pausing" },
  resume: { done: "resumed", verbing: "resuming" },
  restart: { done: "restarted", verbing: "restarting" }
};
async function runToggle(ctx, parsed, action) {
  const { items, errors } = await rolloutTargets(ctx, parsed);
  let code = 0;
  for (const e of errors) code = reportError(e, ctx.io, ctx.path);
  const cluster = ctx.cluster();
  for (const item of items) {
    try {
      const impl = supportFor(item, action, WORDS[action].verbing);
      let changed;
      try {
        changed = impl(item.obj, cluster.clockNow());
      } catch (err) {
        throw new Error(`${errorName(item)} ${err.message}`);
      }
      cluster.store.update(item.info.resource, changed);
      ctx.io.out(`${displayName(item)} ${WORDS[action].done}
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
