/**
 * The daemon's pid file (`daemon.pid` in the cluster's folder): created
 * exclusively by the running daemon, and checked against the live process
 * so that a file left behind by a killed daemon is recognised as stale.
 */
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { clusterDir } from '../engine/home.js';

export function pidFilePath(cluster: string): string {
  return join(clusterDir(cluster), 'daemon.pid');
}

export function logFilePath(cluster: string): string {
  return join(clusterDir(cluster), 'daemon.log');
}

/** Whether a process with this pid exists and (on Linux) is a kubesim daemon. */
export function isDaemonProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const cmdline = `/proc/${pid}/cmdline`;
  if (!existsSync(cmdline)) return true;
  try {
    const argv = readFileSync(cmdline, 'utf8').split('\0');
    return argv.includes('daemon') && argv.includes('run');
  } catch {
    return true;
  }
}

export type DaemonState = { state: 'running'; pid: number } | { state: 'stopped' } | { state: 'stale'; pid: number };

/** Reads the pid file and classifies it: running, stopped (no file), or stale (the process is gone). */
export function readDaemonState(cluster: string): DaemonState {
  let text: string;
  try {
    text = readFileSync(pidFilePath(cluster), 'utf8').trim();
  } catch {
    return { state: 'stopped' };
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return { state: 'stale', pid: 0 };
  return isDaemonProcess(pid) ? { state: 'running', pid } : { state: 'stale', pid };
}

/**
 * Claims the pid file for this process. Returns false when a live daemon
 * owns it; a stale file is replaced.
 */
export function claimPidFile(cluster: string): boolean {
  const file = pidFilePath(cluster);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (readDaemonState(cluster).state === 'running') return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

/** Removes the pid file if it still names this process. */
export function releasePidFile(cluster: string): void {
  try {
    if (readFileSync(pidFilePath(cluster), 'utf8').trim() === String(process.pid)) rmSync(pidFilePath(cluster), { force: true });
  } catch {
    // Already gone.
  }
}
