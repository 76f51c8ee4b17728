import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  claimPidFile,
  releasePidFile
} from "./chunk-ER2CBD7L.mjs";
import {
  openCluster
} from "./chunk-F2Z6TYG3.mjs";
import "./chunk-KP5HNRA6.mjs";
import "./chunk-MJMZ3C2B.mjs";
import "./chunk-HD4RLGLX.mjs";
import "./chunk-DJ5PGMHB.mjs";
import {
  isoTime
} from "./chunk-BCHHFCIZ.mjs";
import "./chunk-S655UEAA.mjs";
import "./chunk-AV6ELG4C.mjs";
import "./chunk-OVYCYR4N.mjs";
import "./chunk-HU757UHR.mjs";
import "./chunk-5SB2OD6E.mjs";
import "./chunk-54XMLGHN.mjs";
import "./chunk-IBKOI352.mjs";

// src/daemon/daemon.ts
var RECHECK_MS = 2e3;
function log(message) {
  process.stdout.write(`${(/* @__PURE__ */ new Date()).toISOString()} ${message}
`);
}
async function runDaemon(clusterName) {
  if (!claimPidFile(clusterName)) {
    log(`another daemon is already running for cluster "${clusterName}"`);
    return 1;
  }
  let stopping = false;
  let wake;
  const stop = (signal) => {
    if (!stopping) log(`received ${signal}; stopping`);
    stopping = true;
    wake?.();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  try {
    const cluster = openCluster(clusterName);
    if (!cluster) {
      log(`cluster "${clusterName}" does not exist`);
      return 1;
    }
    log(`started for cluster "${clusterName}" (pid ${process.pid}, ${cluster.settings.clock} clock)`);
    const nextDue = cluster.store.db.prepare("SELECT min(due) AS due FROM timers");
    while (!stopping) {
      const reconciles = cluster.settle();
      if (reconciles > 0) log(`settled to ${isoTime(cluster.simNow)}: ${reconciles} reconciles`);
      const due = nextDue.get().due;
      const wait = due === null ? RECHECK_MS : Math.max(0, Math.min(due - cluster.clockNow(), RECHECK_MS));
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = void 0;
    }
    cluster.store.db.close();
    log("stopped");
    return 0;
  } finally {
    releasePidFile(clusterName);
  }
}
export {
  RECHECK_MS,
  runDaemon
};
