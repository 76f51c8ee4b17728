import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
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
    const r = sb.run(['--cluster', 'e', 'edit', 'pod/web'], { env: { KUBE_EDITOR: editor('noop.sh', 'true') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Edit cancelled, no changes made.\n');
  });

  it('reopens an invalid edit with the error at the top', () => {
    const log = join(sb.home, 'second-open.txt');
    const script = `if grep -q 'was not valid' "$1"; then cp "$1" ${log}; exit 0; fi\nsed -i 's/image: nginx:1.25/image: ""/' "$1"`;
    const r = sb.run(['--cluster', 'e', 'edit', 'pod/web'], { env: { KUBE_EDITOR: editor('invalid.sh', script) } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: Edit cancelled, no valid changes were saved.\n');
    const reopened = require('node:fs').readFileSync(log, 'utf8');
    expect(reopened).toContain('# pods "web" was not valid:\n# * spec.containers[0].image: Required value\n');
  });
});
