/**
 * Bad input: malformed, hostile and mistyped manifests and command lines.
 * Each rejected input exits 1 with kubectl's message and leaves every table
 * of the store as it was; inputs a real API server accepts are accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Sandbox } from '../helpers/cli.js';
import { ACCEPTED, REJECTED } from './bad-input-cases.js';

const FIXTURES = join(__dirname, '..', 'fixtures', 'bad-input');
const BIN = join(__dirname, '..', '..', 'bin', 'kubesim');

const sb = new Sandbox();
const scratch = mkdtempSync(join(tmpdir(), 'kubesim-bad-input-'));
let fresh = 0;

function run(args: string[], cwd = FIXTURES) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, KUBESIM_HOME: sb.home, KUBESIM_DEBUG: '' },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Creates a new cluster for an input that changes the store. */
function freshCluster(): string {
  const name = `fresh-${++fresh}`;
  run(['cluster', 'create', name, '--clock', 'manual', '--seed', '1']);
  return name;
}

beforeAll(() => {
  expect(run(['cluster', 'create', 'bad', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  expect(run(['cluster', 'create', 'strict', '--clock', 'manual', '--seed', '1', '--strict-versions']).code).toBe(0);
});

afterAll(() => {
  sb.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('bad-input fixtures', () => {
  it('holds at least 60 inputs', () => {
    expect(readdirSync(FIXTURES).length).toBeGreaterThanOrEqual(60);
  });

  it('covers every fixture with an expectation', () => {
    const expected = new Set([...REJECTED.map(([f]) => f), ...ACCEPTED.map(([f]) => f), 'kind-removed-extensions-deployment.yaml']);
    expect(readdirSync(FIXTURES).filter((f) => !expected.has(f))).toEqual([]);
  });

  it.each(REJECTED)('rejects %s', (file, stderr) => {
    const before = sb.dump('bad');
    const r = run(['--cluster', 'bad', 'apply', '-f', file]);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(sb.dump('bad')).toBe(before);
  });

  it.each(ACCEPTED)('accepts %s as a real cluster does', (file, stdout) => {
    const r = run(['--cluster', freshCluster(), 'apply', '-f', file]);
    expect(r.stdout).toBe(stdout);
    expect(r.code).toBe(0);
  });

  it('rejects a removed apiVersion on a strict cluster', () => {
    const before = sb.dump('strict');
    const r = run(['--cluster', 'strict', 'apply', '-f', 'kind-removed-extensions-deployment.yaml']);
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "kind-removed-extensions-deployment.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
    );
    expect(r.code).toBe(1);
    expect(sb.dump('strict')).toBe(before);
  });
});

describe('generated large inputs', () => {
  it('rejects a 50 MB object as too large', () => {
    const file = join(scratch, 'big.yaml');
    writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: ${'x'.repeat(50 * 1024 * 1024)}\n`);
    const before = sb.dump('bad');
    const r = run(['--cluster', 'bad', 'apply', '-f', 'big.yaml'], scratch);
    expect(r.stderr).toBe('Error from server (RequestEntityTooLarge): error when creating "big.yaml": Request entity too large: limit is 3145728\n');
    expect(r.code).toBe(1);
    expect(sb.dump('bad')).toBe(before);
  });

  it('applies a 10,000-document file', () => {
    const docs = Array.from({ length: 10_000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  k: v\n`);
    writeFileSync(join(scratch, 'many.yaml'), docs.join('---\n'));
    const cluster = freshCluster();
    const r = run(['--cluster', cluster, 'apply', '-f', 'many.yaml'], scratch);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBe(10_000);
    expect(lines[9_999]).toBe('configmap/cm-9999 created');
    expect(r.code).toBe(0);
  });
});

const COMMAND_CASES: [what: string, args: string[], stderr: string][] = [
  ['an unknown flag', ['get', 'pods', '--bogus'], "Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n"],
  ['a missing -f file', ['apply', '-f', 'no-such-file.yaml'], 'error: the path "no-such-file.yaml" does not exist\n'],
  ['a directory without manifests', ['apply', '-f', 'no-manifests-dir'], 'error: error reading [no-manifests-dir]: recognized file extensions are [.json .yaml .yml]\n'],
  ['apply without -f', ['apply'], 'error: must specify one of -f and -k\n'],
  ['an unknown resource type', ['get', 'foos'], 'error: the server doesn\'t have a resource type "foos"\n'],
  ['a malformed selector', ['get', 'pods', '-l', 'a-in-('], "error: unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt\n"],
  [
    'an unknown output format',
    ['get', 'pods', '-o', 'bogus'],
    'error: unable to match a printer suitable for the output format "bogus", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
  ],
  ['an unknown command', ['frobnicate'], 'Error: unknown command "frobnicate" for "kubectl"\n'],
  ['negative replicas', ['scale', 'deployment', 'web', '--replicas=-1'], 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n'],
  ['non-numeric replicas', ['scale', 'deployment', 'web', '--replicas=abc'], 'Error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl scale --help\' for usage.\n'],
  ['logs of a missing pod', ['logs', 'nopod'], 'error: error from server (NotFound): pods "nopod" not found in namespace "default"\n'],
  ['a negative clock advance', ['clock', 'advance', '-5m'], 'error: invalid duration "-5m": use a number with a unit, for example 90s, 10m or 2h\n'],
];

describe('bad command lines', () => {
  it.each(COMMAND_CASES)('rejects %s', (_what, args, stderr) => {
    const before = sb.dump('bad');
    const r = run(['--cluster', 'bad', ...args]);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(1);
    expect(sb.dump('bad')).toBe(before);
  });
});

