import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox, type Result } from '../helpers/cli.js';

const DEPLOYMENT = (replicas: number, image: string) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    '      - name: web',
    `        image: ${image}`,
    '',
  ].join('\n');

/** Replaces the random directory digits and the file times diff prints, which change on every run. */
function normalise(text: string): string {
  return text
    .replace(/\/(LIVE|MERGED)-\d+\b/g, '/$1-N')
    .replace(/^(---|\+\+\+) (\S+)\t.*$/gm, '$1 $2\tTIME');
}

/** `kubectl diff -f`: the live objects against what apply would make of the manifests. */
describe('diff', () => {
  const sb = new Sandbox();
  const tmp = join(sb.home, 'tmp');
  const file = (name: string) => join(sb.home, name);
  const diff = (args: string[], env: Record<string, string> = {}): Result => {
    const r = sb.run(['--cluster', 'c', 'diff', ...args], { env: { TMPDIR: tmp, ...env } });
    return { ...r, stdout: normalise(r.stdout).replaceAll(tmp, '$TMP') };
  };

  beforeAll(() => {
    mkdirSync(tmp);
    expect(sb.run(['cluster', 'create', 'c', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    writeFileSync(file('cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {a: "1"}\n');
    writeFileSync(file('web.yaml'), DEPLOYMENT(2, 'nginx:1.25'));
    writeFileSync(file('web-v2.yaml'), DEPLOYMENT(3, 'nginx:1.26'));
    writeFileSync(file('ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n');
    expect(sb.run(['--cluster', 'c', 'apply', '-f', file('web.yaml')]).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('shows a new object against an empty file and exits 1', () => {
    const before = sb.dump('c');
    const r = diff(['-f', file('cm.yaml')]);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      'diff -u -N $TMP/LIVE-N/v1.ConfigMap.default.cfg $TMP/MERGED-N/v1.ConfigMap.default.cfg',
      '--- $TMP/LIVE-N/v1.ConfigMap.default.cfg\tTIME',
      '+++ $TMP/MERGED-N/v1.ConfigMap.default.cfg\tTIME',
      '@@ -0,0 +1,9 @@',
      '+apiVersion: v1',
      '+data:',
      '+  a: "1"',
      '+kind: ConfigMap',
      '+metadata:',
    ]);
    expect(lines[9]).toMatch(/^\+ {2}creationTimestamp: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"$/);
    expect(lines.slice(10, 12)).toEqual(['+  name: cfg', '+  namespace: default']);
    expect(lines[12]).toMatch(/^\+ {2}uid: [0-9a-f-]{36}$/);
    expect(lines.length).toBe(14);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(sb.dump('c')).toBe(before);
  });

  it('exits 0 with no output when apply would change nothing', () => {
    const r = diff(['-f', file('web.yaml')]);
    expect(r).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('shows changed fields and the new generation, keeping the live last-applied annotation', () => {
    const before = sb.dump('c');
    const r = diff(['-f', file('web-v2.yaml')]);
    const body = r.stdout.split('\n');
    expect(body.slice(0, 3)).toEqual([
      'diff -u -N $TMP/LIVE-N/apps.v1.Deployment.default.web $TMP/MERGED-N/apps.v1.Deployment.default.web',
      '--- $TMP/LIVE-N/apps.v1.Deployment.default.web\tTIME',
      '+++ $TMP/MERGED-N/apps.v1.Deployment.default.web\tTIME',
    ]);
    expect(body.filter((l) => /^[-+] /.test(l))).toEqual([
      '-  generation: 1',
      '+  generation: 2',
      '-  replicas: 2',
      '+  replicas: 3',
      '-      - image: nginx:1.25',
      '+      - image: nginx:1.26',
    ]);
    expect(r.stdout).toContain('"replicas":2');
    expect(r.code).toBe(1);
    expect(sb.dump('c')).toBe(before);
  });

  it('names a cluster-scoped object with an empty namespace', () => {
    const r = diff(['-f', file('ns.yaml')]);
    expect(r.stdout.split('\n')[0]).toBe('diff -u -N $TMP/LIVE-N/v1.Namespace..team $TMP/MERGED-N/v1.Namespace..team');
    expect(r.code).toBe(1);
  });

  it('skips objects the label selector does not match', () => {
    writeFileSync(file('labelled.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {tier: web}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n');
    const r = diff(['-f', file('labelled.yaml'), '-l', 'tier=web']);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('diff '))).toEqual(['diff -u -N $TMP/LIVE-N/v1.ConfigMap.default.a $TMP/MERGED-N/v1.ConfigMap.default.a']);
    expect(r.code).toBe(1);
  });

  it('keeps fields the manifest dropped with --server-side', () => {
    writeFileSync(file('web-nolabels.yaml'), DEPLOYMENT(2, 'nginx:1.25').replace('  replicas: 2\n', ''));
    expect(diff(['-f', file('web-nolabels.yaml'), '--server-side'])).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(diff(['-f', file('web-nolabels.yaml')]).stdout.split('\n').filter((l) => /^[-+] /.test(l))).toEqual(['-  generation: 1', '+  generation: 2', '-  replicas: 2', '+  replicas: 1']);
  });

  it('removes both temporary directories', () => {
    diff(['-f', file('web-v2.yaml')]);
    diff(['-f', file('nothing-here.yaml')]);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('masks Secret data, marking values that change', () => {
    writeFileSync(file('secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: s1}\ndata: {pw: YWJj, same: eA==}\n');
    expect(sb.run(['--cluster', 'c', 'apply', '-f', file('secret.yaml')]).code).toBe(0);
    writeFileSync(file('secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: s1}\ndata: {pw: ZGVm, same: eA==, added: eQ==}\n');
    const r = diff(['-f', file('secret.yaml')]);
    expect(r.stdout.split('\n').slice(3, 9)).toEqual(['@@ -1,6 +1,7 @@', ' apiVersion: v1', ' data:', "-  pw: '*** (before)'", "+  added: '***'", "+  pw: '*** (after)'"]);
    expect(r.stdout).not.toContain('ZGVm');
    expect(r.code).toBe(1);
  });

  it('runs KUBECTL_EXTERNAL_DIFF with the directories first and only its plain extra words', () => {
    const r = diff(['-f', file('web-v2.yaml')], { KUBECTL_EXTERNAL_DIFF: 'echo  -x --y=1 a;b' });
    expect(r.stdout).toBe('$TMP/LIVE-N $TMP/MERGED-N -x --y=1\n');
    expect(r.code).toBe(0);
  });

  it('passes on the exit code 1 of an external program', () => {
    expect(diff(['-f', file('web.yaml')], { KUBECTL_EXTERNAL_DIFF: 'false' })).toEqual({ stdout: '', stderr: '', code: 1 });
  });

  it('reports an external program that cannot be found with exit code 2', () => {
    expect(diff(['-f', file('web.yaml')], { KUBECTL_EXTERNAL_DIFF: 'no-such-diff-program' })).toEqual({
      stdout: '',
      stderr: 'error: failed to run "no-such-diff-program": exec: "no-such-diff-program": executable file not found in $PATH\n',
      code: 2,
    });
  });

  it('reports a diff program failure with exit code 2', () => {
    const script = file('exit-3.sh');
    writeFileSync(script, '#!/bin/sh\necho trouble >&2\nexit 3\n', { mode: 0o755 });
    expect(diff(['-f', file('web.yaml')], { KUBECTL_EXTERNAL_DIFF: script })).toEqual({
      stdout: '',
      stderr: `trouble\nerror: failed to run "${script}": exit status 3\n`,
      code: 2,
    });
  });

  it.each([
    ['no file', [], 'error: must specify one of -f and -k\n'],
    ['an argument', ['x', '-f', 'a.yaml'], "error: Unexpected args: [x]\nSee 'kubectl diff -h' for help and examples\n"],
    ['an unknown flag', ['--bogus'], "error: unknown flag: --bogus\nSee 'kubectl diff -h' for help and examples\n"],
    ['--force-conflicts without --server-side', ['-f', 'a.yaml', '--force-conflicts'], 'error: --force-conflicts only works with --server-side\n'],
    ['a missing file', ['-f', '/no/such/file.yaml'], 'error: the path "/no/such/file.yaml" does not exist\n'],
  ])('exits 2 on %s', (_name, args, stderr) => {
    expect(diff(args as string[])).toEqual({ stdout: '', stderr, code: 2 });
  });
});
