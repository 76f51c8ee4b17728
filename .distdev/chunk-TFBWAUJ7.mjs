import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);

// src/commands/shared/clock-step.ts
var WALL_POLL_MS = 1e3;
function nextTimerDue(cluster) {
  const row = cluster.store.db.prepare("SELECT min(due) AS due FROM timers").get();
  return row.due ?? void 0;
}
async function stepClock(cluster, opts = {}) {
  let next = nextTimerDue(cluster) ?? Infinity;
  if (opts.extra !== void 0) next = Math.min(next, opts.extra);
  if (opts.deadline !== void 0) next = Math.min(next, opts.deadline);
  if (cluster.settings.clock === "manual") {
    if (next === Infinity) return false;
    const now = cluster.clockNow();
    if (next > now) cluster.advanceClock(next - now);
    cluster.settle();
    return true;
  }
  const wait = Math.max(0, Math.min(next - cluster.clockNow(), WALL_POLL_MS));
  await new Promise((resolve) => setTimeout(resolve, wait));
  cluster.settle();
  return true;
}

export {
  stepClock
};
