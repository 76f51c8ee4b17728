import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findDepthProblem, MAX_READ_DEPTH, nestingDepth } from '../../../src/commands/shared/yaml-depth.js';
import { readManifests } from '../../../src/commands/shared/manifests.js';
import { hasKubectl, NO_KUBECTL } from '../../printers/kubectl-golden.js';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n';

/** Builds a document whose `deep` field nests `n` flow lists, all on line 5. */
function flowLists(n: number): string {
  return `${HEAD}deep: ${'['.repeat(n)}${']'.repeat(n)}\n`;
}

/** Builds a document whose `deep` field nests `n` block sequences, written `- - - x` on line 6. */
function compactSequences(n: number): string {
  return `${HEAD}deep:\n${'- '.repeat(n)}x\n`;
}

/** Builds a document whose `deep` field nests `n` block mappings, one key per line. */
function blockMappings(n: number): string {
  const keys = Array.from({ length: n }, (_, i) => `${'  '.repeat(i + 1)}a:\n`).join('');
  return `${HEAD}deep:\n${keys}${'  '.repeat(n + 1)}b: c\n`;
}

describe('findDepthProblem', () => {
  it.each<[string, string]>([
    ['flow lists', flowLists(MAX_READ_DEPTH - 1)],
    ['compact sequences', compactSequences(MAX_READ_DEPTH - 1)],
    ['block mappings', blockMappings(MAX_READ_DEPTH - 2)],
    [
      'an ordinary Deployment',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        args: ["a", "[b"]\n        command:\n        - sh\n        - -c\n        - |\n          echo [[[[\n',
    ],
  ])('accepts %s within the kubesim limit', (_name, text) => {
    expect(findDepthProblem(text)).toBeUndefined();
  });

  it.each<[string, string, number]>([
    ['flow lists', flowLists(MAX_READ_DEPTH), 5],
    ['compact sequences', compactSequences(MAX_READ_DEPTH), 6],
    ['block mappings', blockMappings(MAX_READ_DEPTH - 1), MAX_READ_DEPTH + 5],
  ])('stops %s past the kubesim limit', (_name, text, line) => {
    expect(findDepthProblem(text)).toEqual({ kind: 'kubesim', line });
  });

  it('reports the JSON decoder limit at 10000 nested lists', () => {
    expect(findDepthProblem(flowLists(10000))).toEqual({ kind: 'json', opener: '[' });
    expect(findDepthProblem(compactSequences(10000))).toEqual({ kind: 'json', opener: '[' });
  });

  it('reports the go-yaml limit past 10000 levels', () => {
    expect(findDepthProblem(flowLists(10001))).toEqual({ kind: 'yaml', line: 5 });
    expect(findDepthProblem(compactSequences(10001))).toEqual({ kind: 'yaml', line: 6 });
    expect(findDepthProblem(`${HEAD}deep:\n${'  [\n'.repeat(10001)}${']'.repeat(10001)}\n`)).toEqual({ kind: 'yaml', line: 10006 });
  });
});

describe('nestingDepth', () => {
  it('counts nested objects and arrays', () => {
    expect(nestingDepth({ a: [{ b: 1 }] }, 10)).toBe(3);
    expect(nestingDepth('x', 10)).toBe(0);
  });

  it('stops past the limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestingDepth(deep, 50)).toBe(51);
  });
});

describe('readManifests on deep documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-depth-'));
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each<[string, string, (path: string) => string]>([
    ['past-10000.yaml', flowLists(10001), (p) => `error parsing ${p}: error converting YAML to JSON: yaml: line 5: exceeded max depth of 10000`],
    ['lists-10000.yaml', flowLists(10000), (p) => `error parsing ${p}: error unmarshaling JSON: while decoding JSON: invalid character '[' exceeded max depth`],
    [
      'past-kubesim.yaml',
      compactSequences(MAX_READ_DEPTH),
      (p) => `error parsing ${p}: line 6: kubesim does not support nesting deeper than ${MAX_READ_DEPTH} levels (kubectl accepts up to 10000)`,
    ],
    [
      'past-kubesim.json',
      `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"deep":${'['.repeat(MAX_READ_DEPTH)}${']'.repeat(MAX_READ_DEPTH)}}`,
      (p) => `error parsing ${p}: kubesim does not support nesting deeper than ${MAX_READ_DEPTH} levels (kubectl accepts up to 10000)`,
    ],
  ])('rejects %s', async (name, text, message) => {
    const path = write(name, text);
    await expect(readManifests([path], undefined)).rejects.toThrow(message(path));
  });

  it('reads a document at the kubesim limit', async () => {
    const [manifest] = await readManifests([write('at-limit.yaml', flowLists(MAX_READ_DEPTH - 1))], undefined);
    expect(nestingDepth(manifest.doc, 10_000)).toBe(MAX_READ_DEPTH);
  });

  it.skipIf(!hasKubectl)(`matches the real kubectl on both go limits (${NO_KUBECTL})`, () => {
    const kubeconfig = write(
      'kubeconfig',
      'apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "https://127.0.0.1:1"}\n  name: c\ncontexts:\n- context: {cluster: c, user: u}\n  name: x\ncurrent-context: x\nusers:\n- name: u\n  user: {token: x}\n',
    );
    const cases: [string, string, string][] = [
      ['golden-past-10000.yaml', flowLists(10001), 'error converting YAML to JSON: yaml: line 5: exceeded max depth of 10000'],
      ['golden-lists-10000.yaml', flowLists(10000), "error unmarshaling JSON: while decoding JSON: invalid character '[' exceeded max depth"],
    ];
    for (const [name, text, reason] of cases) {
      write(name, text);
      const r = spawnSync('kubectl', ['apply', '-f', name, '--dry-run=client', '--validate=false'], { cwd: dir, encoding: 'utf8', env: { ...process.env, KUBECONFIG: kubeconfig } });
      expect(r.stderr, name).toBe(`error: error parsing ${name}: ${reason}\n`);
      expect(r.status, name).toBe(1);
    }
  });
});
