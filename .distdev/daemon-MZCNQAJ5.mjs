import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  logFilePath,
  pidFilePath,
  readDaemonState
} from "./chunk-ER2CBD7L.mjs";
import {
  clusterExists
} from "./chunk-MJMZ3C2B.mjs";
import {
  UsageError
} from "./chunk-IBKOI352.mjs";

// src/commands/daemon/index.ts
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { rmSync } from "node:fs";
var SETTLE_TIMEOUT_MS = 1e4;
function requireCluster(ctx) {
  const name = ctx.clusterName;
  if (!clusterExists(name)) throw new UsageError(`context "${name}" does not exist; create it with 'kubesim cluster create ${name}'`);
  return name;
}
async function waitFor(check) {
  const until = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}
var start = {
  use: "daemon start",
  short: "Start the background process for the current cluster (harmless when it already runs).",
  flags: [],
  async run(ctx) {
    const name = requireCluster(ctx);
    const before = readDaemonState(name);
    if (before.state === "running") {
      ctx.io.out(`daemon for cluster "${name}" is already running (pid ${before.pid})
`);
      return 0;
    }
    if (before.state === "stale") {
      rmSync(pidFilePath(name), { force: true });
      ctx.io.err(`removed a stale pid file (pid ${before.pid} is not running)
`);
    }
    const log = openSync(logFilePath(name), "a", 384);
    const child = spawn(process.execPath, [process.argv[1], "--cluster", name, "daemon", "run"], {
      detached: true,
      stdio: ["ignore", log, log],
      env: process.env
    });
    child.unref();
    closeSync(log);
    const up = await waitFor(() => readDaemonState(name).state === "running");
    const now = readDaemonState(name);
    if (!up || now.state !== "running") throw new UsageError(`daemon for cluster "${name}" did not start; see ${logFilePath(name)}`);
    ctx.io.out(`daemon for cluster "${name}" started (pid ${now.pid})
`);
    return 0;
  }
};
var stop = {
  use: "daemon stop",
  short: "Stop the background process of the current cluster.",
  flags: [],
  async run(ctx) {
    const name = requireCluster(ctx);
    const state = readDaemonState(name);
    if (state.state !== "running") {
      if (state.state === "stale") rmSync(pidFilePath(name), { force: true });
      ctx.io.out(`daemon for cluster "${name}" is not running
`);
      return 0;
    }
    process.kill(state.pid, "SIGTERM");
    const gone = await waitFor(() => readDaemonState(name).state !== "running");
    if (!gone) throw new UsageError(`daemon for cluster "${name}" (pid ${state.pid}) did not stop within ${SETTLE_TIMEOUT_MS / 1e3}s`);
    rmSync(pidFilePath(name), { force: true });
    ctx.io.out(`daemon for cluster "${name}" stopped
`);
    return 0;
  }
};
var status = {
  use: "daemon status",
  short: "Show whether the background process of the current cluster runs.",
  flags: [],
  run(ctx) {
    const name = requireCluster(ctx);
    const state = readDaemonState(name);
    if (state.state === "running") ctx.io.out(`daemon for cluster "${name}" is running (pid ${state.pid})
`);
    else if (state.state === "stale") ctx.io.out(`daemon for cluster "${name}" is not running (stale pid file for pid ${state.pid})
`);
    else ctx.io.out(`daemon for cluster "${name}" is not running
`);
    return state.state === "running" ? 0 : 3;
  }
};
var runForeground = {
  use: "daemon run",
  short: "Run the daemon in the foreground (what `daemon start` spawns).",
  flags: [],
  async run(ctx) {
    const name = requireCluster(ctx);
    const { runDaemon } = await import("./daemon-JXP42K6V.mjs");
    return runDaemon(name);
  }
};
var command = {
  use: "daemon (start|stop|status|run)",
  short: "Start, stop or inspect the background process that keeps a cluster ticking.",
  flags: [],
  subcommands: {
    start: async () => ({ command: start }),
    stop: async () => ({ command: stop }),
    status: async () => ({ command: status }),
    run: async () => ({ command: runForeground })
  }
};
export {
  command
};
