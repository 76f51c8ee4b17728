/**
 * `kubesim daemon start|stop|status|run`: the per-cluster background process
 * that settles the cluster whenever a timer falls due, so CronJobs fire
 * and containers finish while nobody types. `start` spawns
 * `kubesim --cluster NAME daemon run` detached, logging to daemon.log in
 * the cluster's folder. The CLI works the same without it.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { CommandDef } from '../types.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../../api/errors.js';
import { clusterExists } from '../../engine/home.js';
import { logFilePath, pidFilePath, readDaemonState } from '../../daemon/pid-file.js';
import { rmSync } from 'node:fs';

/** How long start and stop wait for the daemon to come up or go away. */
const SETTLE_TIMEOUT_MS = 10_000;

function requireCluster(ctx: CommandContext): string {
  const name = ctx.clusterName;
  if (!clusterExists(name)) throw new UsageError(`context "${name}" does not exist; create it with 'kubesim cluster create ${name}'`);
  return name;
}

async function waitFor(check: () => boolean): Promise<boolean> {
  const until = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

const start: CommandDef = {
  use: 'daemon start',
  short: 'Start the background process for the current cluster (harmless when it already runs).',
  flags: [],
  async run(ctx) {
    const name = requireCluster(ctx);
    const before = readDaemonState(name);
    if (before.state === 'running') {
      ctx.io.out(`daemon for cluster "${name}" is already running (pid ${before.pid})\n`);
      return 0;
    }
    if (before.state === 'stale') {
      rmSync(pidFilePath(name), { force: true });
      ctx.io.err(`removed a stale pid file (pid ${before.pid} is not running)\n`);
    }
    const log = openSync(logFilePath(name), 'a', 0o600);
    const child = spawn(process.execPath, [process.argv[1], '--cluster', name, 'daemon', 'run'], {
      detached: true,
      stdio: ['ignore', log, log],
      env: process.env,
    });
    child.unref();
    closeSync(log);
    const up = await waitFor(() => readDaemonState(name).state === 'running');
    const now = readDaemonState(name);
    if (!up || now.state !== 'running') throw new UsageError(`daemon for cluster "${name}" did not start; see ${logFilePath(name)}`);
    ctx.io.out(`daemon for cluster "${name}" started (pid ${now.pid})\n`);
    return 0;
  },
};

const stop: CommandDef = {
  use: 'daemon stop',
  short: 'Stop the background process of the current cluster.',
  flags: [],
  async run(ctx) {
    const name = requireCluster(ctx);
    const state = readDaemonState(name);
    if (state.state !== 'running') {
      if (state.state === 'stale') rmSync(pidFilePath(name), { force: true });
      ctx.io.out(`daemon for cluster "${name}" is not running\n`);
      return 0;
    }
    process.kill(state.pid, 'SIGTERM');
    const gone = await waitFor(() => readDaemonState(name).state !== 'running');
    if (!gone) throw new UsageError(`daemon for cluster "${name}" (pid ${state.pid}) did not stop within ${SETTLE_TIMEOUT_MS / 1000}s`);
    rmSync(pidFilePath(name), { force: true });
    ctx.io.out(`daemon for cluster "${name}" stopped\n`);
    return 0;
  },
};

const status: CommandDef = {
  use: 'daemon status',
  short: 'Show whether the background process of the current cluster runs.',
  flags: [],
  run(ctx) {
    const name = requireCluster(ctx);
    const state = readDaemonState(name);
    if (state.state === 'running') ctx.io.out(`daemon for cluster "${name}" is running (pid ${state.pid})\n`);
    else if (state.state === 'stale') ctx.io.out(`daemon for cluster "${name}" is not running (stale pid file for pid ${state.pid})\n`);
    else ctx.io.out(`daemon for cluster "${name}" is not running\n`);
    return state.state === 'running' ? 0 : 3;
  },
};

const runForeground: CommandDef = {
  use: 'daemon run',
  short: 'Run the daemon in the foreground (what `daemon start` spawns).',
  flags: [],
  async run(ctx) {
    const name = requireCluster(ctx);
    const { runDaemon } = await import('../../daemon/daemon.js');
    return runDaemon(name);
  },
};

export const command: CommandDef = {
  use: 'daemon (start|stop|status|run)',
  short: 'Start, stop or inspect the background process that keeps a cluster ticking.',
  flags: [],
  subcommands: {
    start: async () => ({ command: start }),
    stop: async () => ({ command: stop }),
    status: async () => ({ command: status }),
    run: async () => ({ command: runForeground }),
  },
};
