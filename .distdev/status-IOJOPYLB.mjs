import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  RESOURCE_FLAGS,
  rolloutTargets,
  supportFor
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
import {
  reportError
} from "./chunk-WT323U47.mjs";
import "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import {
  ExitError
} from "./chunk-IBKOI352.mjs";

// src/commands/rollout/status.ts
var MAX_SLEEP_MS = 1e3;
function nextDue(cluster) {
  const row = cluster.store.db.prepare("SELECT min(due) AS due FROM timers").get();
  return row.due ?? void 0;
}
async function waitForChange(cluster, deadline) {
  const due = nextDue(cluster);
  if (cluster.settings.clock === "manual") {
    if (due === void 0 || cluster.simNow >= deadline) return false;
    const target = Math.min(due, deadline);
    if (target > cluster.clockNow()) cluster.advanceClock(target - cluster.clockNow());
    cluster.settle();
    return true;
  }
  const now = cluster.clockNow();
  if (now >= deadline) return false;
  const wait = Math.max(10, Math.min(MAX_SLEEP_MS, (due ?? Infinity) - now, deadline - now));
  await new Promise((r) => setTimeout(r, wait));
  cluster.settle();
  return true;
}
async function watchOne(ctx, cluster, item, timeoutMs) {
  const viewer = supportFor(item, "status", "rollout status");
  const revision = ctx.flags.revision;
  const deadline = timeoutMs > 0 ? cluster.clockNow() + timeoutMs : Infinity;
  let seen = "";
  for (; ; ) {
    const obj = cluster.store.get(item.info.resource, item.obj.metadata.namespace ?? "", item.obj.metadata.name);
    if (!obj) throw new Error("object has been deleted");
    if (obj.metadata.resourceVersion !== seen) {
      seen = obj.metadata.resourceVersion;
      const { message, done } = viewer(obj, revision);
      ctx.io.out(message);
      if (done || !ctx.flags.watch) return;
    }
    if (!await waitForChange(cluster, deadline)) throw new Error("timed out waiting for the condition");
  }
}
var command = {
  use: "rollout status (TYPE NAME | TYPE/NAME) [flags]",
  short: "Show the status of the rollout.",
  examples: "  # Watch the rollout status of a deployment\n  kubesim rollout status deployment/nginx",
  flags: [
    ...RESOURCE_FLAGS,
    { name: "watch", short: "w", type: "bool", default: true, help: "Watch the status of the rollout until it's done." },
    { name: "revision", type: "int", default: 0, help: "Pin to a specific revision for showing its status. Defaults to 0 (last revision)." },
    { name: "timeout", type: "duration", default: 0, help: "The length of time to wait before ending watch, zero means never." }
  ],
  async run(ctx, parsed) {
    if (ctx.flags.revision < 0) throw new Error(`revision must be a positive integer: ${ctx.flags.revision}`);
    const { items, errors } = await rolloutTargets(ctx, parsed);
    for (const e of errors) return reportError(e, ctx.io, ctx.path);
    const cluster = ctx.cluster();
    for (const item of items) {
      try {
        await watchOne(ctx, cluster, item, ctx.flags.timeout);
      } catch (err) {
        throw new ExitError(reportError(err, ctx.io, ctx.path));
      }
    }
    if (items.length === 0) ctx.io.err(`No resources found in ${ctx.namespace} namespace.
`);
    return 0;
  }
};
export {
  command
};
