/**
 * The background ticker: settles one cluster at each due timer and sleeps
 * in between. The sleep ends early every RECHECK_MS to pick up timers that
 * CLI commands added meanwhile, and at once on SIGTERM/SIGINT. A settle
 * runs to completion before a signal is handled, so the daemon stops
 * between steps, never inside one.
 */
import { openCluster } from '../engine/open.js';
import { clusterExists } from '../engine/home.js';
import { isoTime } from '../store/store.js';
import { claimPidFile, releasePidFile } from './pid-file.js';

/** How often an idle daemon looks for timers added by other processes. */
export const RECHECK_MS = 2000;

function log(message: string): void {
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);
}

/** Runs the daemon in this process until SIGTERM or SIGINT; returns the exit code. */
export async function runDaemon(clusterName: string): Promise<number> {
  if (!claimPidFile(clusterName)) {
    log(`another daemon is already running for cluster "${clusterName}"`);
    return 1;
  }
  let stopping = false;
  let wake: (() => void) | undefined;
  const stop = (signal: string) => {
    if (!stopping) log(`received ${signal}; stopping`);
    stopping = true;
    wake?.();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  try {
    const cluster = openCluster(clusterName);
    if (!cluster) {
      log(`cluster "${clusterName}" does not exist`);
      return 1;
    }
    log(`started for cluster "${clusterName}" (pid ${process.pid}, ${cluster.settings.clock} clock)`);
    while (!stopping) {
      if (!clusterExists(clusterName)) {
        log(`cluster "${clusterName}" was deleted; stopping`);
        break;
      }
      try {
        const reconciles = cluster.settle();
        if (reconciles > 0) log(`settled to ${isoTime(cluster.simNow)}: ${reconciles} reconciles`);
      } catch (err) {
        // A busy database or a failed settle is retried on the next round; the commands settle on their own meanwhile.
        log(`settle failed: ${(err as Error).message}`);
      }
      const due = cluster.nextTimerDue() ?? null;
      const wait = due === null ? RECHECK_MS : Math.max(0, Math.min(due - cluster.clockNow(), RECHECK_MS));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
    cluster.store.db.close();
    log('stopped');
    return 0;
  } finally {
    releasePidFile(clusterName);
  }
}
