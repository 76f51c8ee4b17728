/**
 * Crashes: kill -9 a CLI command or the daemon at a random moment during a
 * large settle. Every time the SQLite file passes PRAGMA integrity_check,
 * and the next command restores every invariant with no duplicate pods and
 * no lost objects.
 *
 * `npm test` runs 5 CLI kills and 1 daemon kill to stay quick;
 * KUBESIM_RELIABILITY_FULL=1 runs the full 45 + 5 = 50.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { brokenInvariants, integrityCheck, readObjects } from './invariants.js';

const FULL = !!process.env.KUBESIM_RELIABILITY_FULL;
const CLI_RUNS = FULL ? 45 : 5;
const DAEMON_RUNS = FULL ? 5 : 1;
const BIN = join(__dirname, '..', '..', 'bin', 'kubesim');

const sb = new Sandbox();
afterAll(() => sb.cleanup());

let seed = 12345;
/** Returns a repeatable pseudo-random integer below n. */
function rand(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}

function deployment(replicas: number, image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: big}
  template:
    metadata:
      labels: {app: big}
    spec:
      containers:
      - name: web
        image: ${image}
`;
}

/** Starts a CLI command and kills it with SIGKILL after `delayMs`; resolves when it is gone. */
function runAndKill(args: string[], input: string | undefined, delayMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, KUBESIM_HOME: sb.home, KUBESIM_DEBUG: '' } });
    if (input !== undefined) child.stdin.end(input);
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ?? `exit ${code}`);
    });
  });
}

function livePods(cluster: string): string[] {
  return readObjects(sb.dbPath(cluster))
    .filter((o) => o.resource === 'pods' && o.obj.metadata.namespace === 'default' && !o.obj.metadata.deletionTimestamp)
    .map((o) => o.obj.metadata.name);
}

/** Checks the state after a kill, lets the next command settle it, and checks the invariants. */
function expectRecovered(cluster: string, allowedReplicas: number[]): void {
  expect(integrityCheck(sb.dbPath(cluster))).toBe('ok');
  expect(sb.on(cluster, ['clock', 'advance', '10m']).code).toBe(0);
  expect(integrityCheck(sb.dbPath(cluster))).toBe('ok');
  expect(brokenInvariants(sb.dbPath(cluster))).toEqual([]);
  // kube-system's CoreDNS Deployment is not the test's.
  const deployments = readObjects(sb.dbPath(cluster)).filter((o) => o.resource === 'deployments' && o.obj.metadata.namespace === 'default');
  expect(deployments.map((d) => d.obj.metadata.name)).toEqual(['big']);
  const pods = livePods(cluster);
  expect(new Set(pods).size).toBe(pods.length);
  expect(pods.length).toBe(deployments[0].obj.spec.replicas);
  expect(allowedReplicas).toContain(deployments[0].obj.spec.replicas);
}

function specReplicas(cluster: string): number {
  return readObjects(sb.dbPath(cluster)).find((o) => o.resource === 'deployments' && o.obj.metadata.name === 'big')!.obj.spec.replicas;
}

describe('kill -9 during a large settle', () => {
  it('recovers from killed CLI commands', async () => {
    expect(sb.run(['cluster', 'create', 'crash', '--clock', 'manual', '--seed', '1', '--workers', '6']).code).toBe(0);
    expect(sb.on('crash', ['apply', '-f', '-'], { input: deployment(50, 'nginx:1.27') }).code).toBe(0);
    for (let run = 0; run < CLI_RUNS; run++) {
      const before = specReplicas('crash');
      const replicas = 50 + rand(250);
      const image = `nginx:1.${20 + rand(8)}`;
      const delay = 100 + rand(1500);
      const args = run % 2 === 0 ? ['--cluster', 'crash', 'apply', '-f', '-'] : ['--cluster', 'crash', 'scale', 'deployment', 'big', `--replicas=${replicas}`];
      const outcome = await runAndKill(args, run % 2 === 0 ? deployment(replicas, image) : undefined, delay);
      expect(['SIGKILL', 'exit 0']).toContain(outcome);
      // The killed write either committed or did not: the old or the new count.
      expectRecovered('crash', [before, replicas]);
    }
  }, 600_000);

  it('recovers from a killed daemon', async () => {
    expect(sb.run(['cluster', 'create', 'crashd', '--seed', '1', '--workers', '6']).code).toBe(0);
    for (let run = 0; run < DAEMON_RUNS; run++) {
      const started = sb.on('crashd', ['daemon', 'start']);
      expect(started.code).toBe(0);
      const pid = Number(/pid (\d+)/.exec(started.stdout)![1]);
      const replicas = 50 + rand(250);
      expect(sb.on('crashd', ['apply', '-f', '-'], { input: deployment(replicas, `nginx:1.${20 + rand(8)}`) }).code).toBe(0);
      // The kubelet's pulls fall due about 4 s later: kill the daemon while it settles them.
      await new Promise((r) => setTimeout(r, 3500 + rand(2500)));
      process.kill(pid, 'SIGKILL');
      expectRecovered('crashd', [replicas]);
    }
  }, 600_000);
});
