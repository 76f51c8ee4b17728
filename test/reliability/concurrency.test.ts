/**
 * Concurrency: eight processes mutate one cluster at once (scale, label,
 * set image, apply, delete and recreate) while its daemon runs. No command
 * fails, in particular not on a database lock; no acknowledged update is
 * lost; and the cluster invariants hold once it settles.
 *
 * `npm test` runs 8 x 25 mutations to stay quick; KUBESIM_RELIABILITY_FULL=1
 * runs the full 8 x 200.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { brokenInvariants, readObjects } from './invariants.js';

const WORKERS = 8;
const MUTATIONS = process.env.KUBESIM_RELIABILITY_FULL ? 200 : 25;
const BIN = join(__dirname, '..', '..', 'bin', 'kubesim');
const WORKER = join(__dirname, 'mutation-worker.mjs');

interface LogEntry {
  op: string;
  args: string[];
  code: number;
  stderr: string;
  start: number;
  end: number;
  replicas?: number;
}

interface WorkerResult {
  own: string;
  expected: { replicas: number; image: string; tier: string };
  log: LogEntry[];
}

const sb = new Sandbox();
afterAll(() => sb.cleanup());

function runWorker(id: number): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, BIN, 'conc', String(id), String(MUTATIONS), '1'], {
      env: { ...process.env, KUBESIM_HOME: sb.home, KUBESIM_DEBUG: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker ${id} exited ${code}: ${err}`))));
  });
}

const SHARED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shared
spec:
  replicas: 1
  selector:
    matchLabels: {app: shared}
  template:
    metadata:
      labels: {app: shared}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

describe('concurrent writers', () => {
  let results: WorkerResult[] = [];

  it('run without failed commands', async () => {
    expect(sb.run(['cluster', 'create', 'conc', '--seed', '1']).code).toBe(0);
    expect(sb.on('conc', ['apply', '-f', '-'], { input: SHARED }).code).toBe(0);
    expect(sb.on('conc', ['daemon', 'start']).code).toBe(0);
    try {
      results = await Promise.all(Array.from({ length: WORKERS }, (_, i) => runWorker(i)));
    } finally {
      sb.on('conc', ['daemon', 'stop']);
    }
    const failures = results.flatMap((r) => r.log.filter((e) => e.code !== 0).map((e) => `${e.args.join(' ')} -> ${e.code}: ${e.stderr}`));
    expect(failures).toEqual([]);
    expect(results.reduce((n, r) => n + r.log.length, 0)).toBeGreaterThanOrEqual(WORKERS * MUTATIONS);
  }, 600_000);

  it('print no lock errors', () => {
    const locked = results.flatMap((r) => r.log.filter((e) => /lock|busy/i.test(e.stderr)));
    expect(locked).toEqual([]);
  });

  it('lose no acknowledged scale', () => {
    const scales = results.flatMap((r) => r.log.filter((e) => e.op === 'scale-shared' && e.code === 0));
    const shared = readObjects(sb.dbPath('conc')).find((o) => o.resource === 'deployments' && o.obj.metadata.name === 'shared')!.obj;
    if (scales.length === 0) return;
    // A scale that ended before the last one started was superseded; one that overlapped it may win.
    const lastStart = Math.max(...scales.map((s) => s.start));
    const candidates = new Set(scales.filter((s) => s.end >= lastStart).map((s) => s.replicas));
    expect(candidates.has(shared.spec.replicas)).toBe(true);
  });

  it("keep each writer's own last update", () => {
    const objects = readObjects(sb.dbPath('conc'));
    for (const r of results) {
      const d = objects.find((o) => o.resource === 'deployments' && o.obj.metadata.name === r.own)!.obj;
      expect({ name: r.own, replicas: d.spec.replicas, image: d.spec.template.spec.containers[0].image, tier: d.metadata.labels?.tier ?? '' }).toEqual({
        name: r.own,
        ...r.expected,
      });
    }
  });

  it('restore every invariant once settled', () => {
    expect(sb.on('conc', ['clock', 'advance', '10m']).code).toBe(0);
    expect(brokenInvariants(sb.dbPath('conc'))).toEqual([]);
  });
});
