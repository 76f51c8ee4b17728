import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import type { ReportJson } from '../../src/replay/report';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'tutorial');
const SEED = join(__dirname, '..', '..', '..', 'shared', 'seed', 'k8s-controllers-tutorial.zh.txt');

/**
 * Steps that match a state kubesim passed through at another moment: the
 * rollback caught half-way (30 to 32), the Job's pod between its second
 * failed pull and the next sync (47), and the CronJob's first Jobs (62, 67).
 */
const FIXTURE_TRANSIENTS = ['30 kubectl get rs', '31 kubectl get rs', '32 kubectl get rs', '47 kubectl describe pod pi-59srm', '62 kubectl get job', '67 kubectl get pod'];
const SEED_TRANSIENTS = ['32 kubectl get rs', '33 kubectl get rs', '34 kubectl get rs', '52 kubectl describe pod pi-59srm', '73 kubectl get job', '78 kubectl get pod'];

function transient(report: Report): string[] {
  return report.steps.filter((s) => s.status === 'transient').map((s) => `${s.index} ${s.command}`);
}

function differing(report: Report): string[] {
  return report.steps.filter((s) => s.status === 'differ').map((s) => `${s.index} ${s.command}`);
}

type Report = ReportJson & { notes: string[] };

describe('kubesim replay, end to end', () => {
  const sb = new Sandbox();
  const scratch = mkdtempSync(join(tmpdir(), 'kubesim-replay-e2e-'));
  afterAll(() => {
    sb.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('replays the tutorial fixtures without a difference', () => {
    const r = sb.run(['replay', FIXTURES, '--json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(differing(report)).toEqual([]);
    expect(report.totals.differ).toBe(0);
    expect(transient(report)).toEqual(FIXTURE_TRANSIENTS);
    expect(report.totals.steps).toBe(72);
    expect(r.code).toBe(0);
  });

  it('prints the human report with totals', () => {
    const r = sb.run(['replay', FIXTURES]);
    expect(r.stdout).toContain('Kubernetes 1.15, because the transcript shows the extensions API group');
    expect(r.stdout).toMatch(/^✓  2  kubectl create -f rs\.yml$/m);
    expect(r.stdout).toMatch(/^72 steps: \d+ ✓ match, 6 ≈ transient, 0 ✗ differ, \d+ ○ skipped$/m);
    expect(r.code).toBe(0);
  });

  it('runs the first Job with the image its describe shows', () => {
    const r = sb.run(['replay', FIXTURES, '--only', '44']);
    expect(r.stdout).toContain("ran job.yml with image perl instead of perl:5.36.0: the describe of pod pi-59srm (step 47) shows the image this run used");
  });

  it.skipIf(!existsSync(SEED))('replays the raw tutorial text with every skip explained', () => {
    const r = sb.run(['replay', SEED, '--json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(differing(report)).toEqual([]);
    expect(transient(report)).toEqual(SEED_TRANSIENTS);
    const unexplained = report.steps.filter((s) => s.status === 'skipped' && !(s.reason && s.reason.length > 10));
    expect(unexplained).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('reports a changed READY count as a difference', () => {
    const dir = join(scratch, 'tampered');
    cpSync(FIXTURES, dir, { recursive: true });
    const file = join(dir, '01-replicaset.txt');
    const text = readFileSync(file, 'utf8');
    const tampered = text.replace('frontend-gwqnq   1/1     Running   0          22s', 'frontend-gwqnq   0/1     Running   0          22s');
    expect(tampered).not.toBe(text);
    writeFileSync(file, tampered);

    const r = sb.run(['replay', dir, '--only', '5']);
    expect(r.stdout).toContain('✗ 5  kubectl get pod');
    expect(r.stdout).toMatch(/- frontend-gwqnq +0\/1 +Running +0 +22s/);
    expect(r.stdout).toMatch(/\^\^\^ READY/);
    expect(r.stdout).toContain('1 step: 0 ✓ match, 0 ≈ transient, 1 ✗ differ, 0 ○ skipped');
    expect(r.code).toBe(1);

    const allowed = sb.run(['replay', dir, '--only', '5', '--allow-diff']);
    expect(allowed.stdout).toContain('1 step: 0 ✓ match, 0 ≈ transient, 1 ✗ differ, 0 ○ skipped');
    expect(allowed.code).toBe(0);
  });

  it('rejects a bad --only range', () => {
    const r = sb.run(['replay', FIXTURES, '--only', '9..3']);
    expect(r.stderr).toBe('error: invalid --only "9..3": use N, N..M, N.. or ..M\n');
    expect(r.code).toBe(1);
  });

  it('names a missing tutorial', () => {
    const r = sb.run(['replay', join(scratch, 'nope.txt')]);
    expect(r.stderr).toBe(`error: cannot read "${join(scratch, 'nope.txt')}": no such file or directory\n`);
    expect(r.code).toBe(1);
  });
});
