import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.25
`;

describe('edit', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    sb.run(['cluster', 'create', 'e', '--clock', 'manual', '--seed', '1']);
    writeFileSync(join(sb.home, 'pod.yaml'), POD);
    sb.on('e', ['create', '-f', 'pod.yaml']);
  });
  afterAll(() => sb.cleanup());

  /** Runs `edit` with the temporary files in a fresh folder of the sandbox, returned as `tmp`. */
  function edit(args: string[], editorPath: string): { stdout: string; stderr: string; code: number; tmp: string } {
    const tmp = join(sb.home, `tmp-${Math.random().toString(36).slice(2)}`);
    mkdirSync(tmp);
    return { ...sb.run(['--cluster', 'e', 'edit', ...args], { env: { KUBE_EDITOR: editorPath, TMPDIR: tmp } }), tmp };
  }

  function editor(name: string, script: string): string {
    const path = join(sb.home, name);
    writeFileSync(path, `#!/bin/sh\n${script}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('saves a valid change', () => {
    const r = sb.run(['--cluster', 'e', 'edit', 'pod/web'], { env: { KUBE_EDITOR: editor('relabel.sh', `sed -i 's/app: web/app: edited/' "$1"`) } });
    expect(r.stdout).toBe('pod/web edited\n');
    expect(sb.on('e', ['get', 'pod', 'web', '--show-labels']).stdout).toMatch(/app=edited/);
  });

  it('reports an unchanged file as cancelled', () => {
    const r = edit(['pod/web'], editor('noop.sh', 'true'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Edit cancelled, no changes made.\n');
    expect(readdirSync(r.tmp)).toEqual([]);
  });

  it('reports an emptied file as cancelled', () => {
    const r = edit(['pod/web'], editor('empty.sh', ': > "$1"'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Edit cancelled, saved file was empty.\n');
    expect(readdirSync(r.tmp)).toEqual([]);
  });

  it('removes the temporary file after a saved change', () => {
    const r = edit(['pod/web'], editor('relabel-again.sh', `sed -i 's/app: edited/app: again/' "$1"`));
    expect(r.stdout).toBe('pod/web edited\n');
    expect(readdirSync(r.tmp)).toEqual([]);
  });

  it('reopens an invalid edit with the error at the top', () => {
    const log = join(sb.home, 'second-open.txt');
    const script = `if grep -q 'was not valid' "$1"; then cp "$1" ${log}; exit 0; fi\nsed -i 's/image: nginx:1.25/image: ""/' "$1"`;
    const r = edit(['pod/web'], editor('invalid.sh', script));
    expect(r.code).toBe(1);
    const reopened = readFileSync(log, 'utf8');
    expect(reopened).toContain('# pods "web" was not valid:\n# * spec.containers[0].image: Required value\n');
  });

  it('keeps a copy of a rejected edit', () => {
    const script = `grep -q 'was not valid' "$1" || sed -i 's/image: nginx:1.25/image: ""/' "$1"`;
    const r = edit(['pod/web'], editor('rejected.sh', script));
    const stored = /^A copy of your changes has been stored to "(.*)"$/m.exec(r.stderr)?.[1] ?? '';
    expect(stored).toMatch(new RegExp(`^${r.tmp}/kubectl-edit-\\d+\\.yaml$`));
    expect(r.stderr).toBe(
      'error: pods "web" is invalid\n' + `A copy of your changes has been stored to "${stored}"\n` + 'error: Edit cancelled, no valid changes were saved.\n',
    );
    expect(r.code).toBe(1);
    expect(readFileSync(stored, 'utf8')).toContain('# * spec.containers[0].image: Required value\n');
    // kubectl returns before it removes the first rejected pass's file, so both stay.
    expect(readdirSync(r.tmp)).toHaveLength(2);
  });
});
