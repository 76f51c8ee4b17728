import { createRequire as __kubesimCreateRequire } from 'node:module'; const require = __kubesimCreateRequire(import.meta.url);
import {
  clusterDir
} from "./chunk-MJMZ3C2B.mjs";

// src/daemon/pid-file.ts
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
function pidFilePath(cluster) {
  return join(clusterDir(cluster), "daemon.pid");
}
function logFilePath(cluster) {
  return join(clusterDir(cluster), "daemon.log");
}
function isDaemonProcess(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === "EPERM";
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true;
  try {
    const argv = readFileSync(cmdline, "utf8").split("\0");
    return argv.includes("daemon") && argv.includes("run");
  } catch {
    return true;
  }
}
function readDaemonState(cluster) {
  let text;
  try {
    text = readFileSync(pidFilePath(cluster), "utf8").trim();
  } catch {
    return { state: "stopped" };
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return { state: "stale", pid: 0 };
  return isDaemonProcess(pid) ? { state: "running", pid } : { state: "stale", pid };
}
function claimPidFile(cluster) {
  const file = pidFilePath(cluster);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 384);
      writeSync(fd, `${process.pid}
`);
      closeSync(fd);
      return true;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      if (readDaemonState(cluster).state === "running") return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}
function releasePidFile(cluster) {
  try {
    if (readFileSync(pidFilePath(cluster), "utf8").trim() === String(process.pid)) rmSync(pidFilePath(cluster), { force: true });
  } catch {
  }
}

export {
  pidFilePath,
  logFilePath,
  readDaemonState,
  claimPidFile,
  releasePidFile
};
