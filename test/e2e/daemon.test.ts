import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Sandbox } from '../helpers/cli.js';

const BIN = join(__dirname, '..', '..', 'bin', 'kubesim');

/** Reads job names and conditions straight from the state file, without settling the cluster. */
function readJobs(dbPath: string): { name: string; complete: boolean }[] {
  const Driver = createRequire(__filename)('better-sqlite3');
  const db = new Driver(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT name, data FROM objects WHERE resource = 'jobs' ORDER BY name").all() as { name: string; data: string }[];
    return rows.map((r) => ({ name: r.name, complete: (JSON.parse(r.data).status?.conditions ?? []).some((c: any) => c.type === 'Complete') }));
  } finally {
    db.close();
  }
}

async function poll<T>(read: () => T, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = read();
  }
  return value;
}

describe('daemon', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('live', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'live', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => {
    on('daemon', 'stop');
    sb.cleanup();
  });

  it('starts once and reports the running process', () => {
    const first = on('daemon', 'start');
    expect(first.stdout).toMatch(/^daemon for cluster "live" started \(pid \d+\)\n$/);
    const pid = first.stdout.match(/pid (\d+)/)![1];
    expect(on('daemon', 'start').stdout).toBe(`daemon for cluster "live" is already running (pid ${pid})\n`);
    expect(on('daemon', 'status').stdout).toBe(`daemon for cluster "live" is running (pid ${pid})\n`);
  });

  it('fires a CronJob on the wall clock with no command running', async () => {
    expect(on('create', 'cronjob', 'tick', '--image=busybox:1.36', '--schedule=*/1 * * * *', '--', 'echo', 'tick').code).toBe(0);
    // Bring the next minute boundary to about three seconds away, so the test does not wait a minute.
    const now = Date.parse(on('clock', 'show').stdout.split(' ')[0]);
    const untilBoundary = 60_000 - (now % 60_000);
    if (untilBoundary > 3_000) expect(on('clock', 'advance', `${(untilBoundary - 3_000) / 1000}s`).code).toBe(0);
    expect(readJobs(sb.dbPath('live'))).toEqual([]);
    const jobs = await poll(() => readJobs(sb.dbPath('live')), (j) => j.length > 0 && j[0].complete, 20_000);
    expect(jobs.map((j) => j.complete)).toEqual([true]);
    expect(jobs[0].name).toMatch(/^tick-\d{8}$/);
    expect(readFileSync(join(sb.home, 'clusters', 'live', 'daemon.log'), 'utf8')).toMatch(/settled to .*: \d+ reconciles/);
  });

  it('keeps running when a racing command is killed', async () => {
    const racer = spawn(process.execPath, [BIN, '--cluster', 'live', 'clock', 'advance', '10m'], { env: { ...process.env, KUBESIM_HOME: sb.home }, stdio: 'ignore' });
    const exited = new Promise((resolve) => racer.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 400));
    racer.kill('SIGKILL');
    await exited;
    expect(on('daemon', 'status').code).toBe(0);
    const cronjob = on('get', 'cronjob', 'tick');
    expect(cronjob.code).toBe(0);
    expect(cronjob.stdout).toMatch(/^NAME +SCHEDULE/);
  }, 120_000);

  it('detects a stale pid file after kill -9 and restarts', () => {
    const pid = Number(on('daemon', 'status').stdout.match(/pid (\d+)/)![1]);
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && on('daemon', 'status').stdout.includes('is running')) {
      // Wait for the killed process to disappear.
    }
    expect(on('daemon', 'status').stdout).toBe(`daemon for cluster "live" is not running (stale pid file for pid ${pid})\n`);
    const restarted = on('daemon', 'start');
    expect(restarted.stderr).toBe(`removed a stale pid file (pid ${pid} is not running)\n`);
    expect(restarted.stdout).toMatch(/started \(pid \d+\)/);
  });

  it('stops on daemon stop', () => {
    expect(on('daemon', 'stop').stdout).toBe('daemon for cluster "live" stopped\n');
    const status = on('daemon', 'status');
    expect(status.stdout).toBe('daemon for cluster "live" is not running\n');
    expect(status.code).toBe(3);
    expect(readFileSync(join(sb.home, 'clusters', 'live', 'daemon.log'), 'utf8')).toMatch(/received SIGTERM; stopping\n.*stopped\n$/);
  });

  it('exits when its cluster is deleted', async () => {
    expect(sb.run(['cluster', 'create', 'gone', '--seed', '1']).code).toBe(0);
    const pid = Number(sb.on('gone', ['daemon', 'start']).stdout.match(/pid (\d+)/)![1]);
    expect(sb.run(['cluster', 'delete', 'gone']).code).toBe(0);
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(await poll(alive, (a) => !a, 10_000)).toBe(false);
  });
});
