import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
`;

describe('completion', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    sb.run(['cluster', 'create', 'c', '--clock', 'manual', '--seed', '1']);
    sb.run(['cluster', 'use', 'c']);
    writeFileSync(join(sb.home, 'pod.yaml'), POD);
    sb.run(['create', '-f', 'pod.yaml']);
  });
  afterAll(() => sb.cleanup());

  it('completes verbs', () => {
    expect(sb.run(['__complete', '--', 'desc']).stdout).toBe('describe\n');
  });

  it('completes kinds after a verb', () => {
    expect(sb.run(['__complete', 'get', '--', 'deploy']).stdout).toBe('deployments\n');
  });

  it('completes object names from the current cluster', () => {
    expect(sb.run(['__complete', 'get', 'pods', '--', 'w']).stdout).toBe('web\n');
  });

  it('completes flags of the verb', () => {
    expect(sb.run(['__complete', 'get', '--', '--show-l']).stdout).toBe('--show-labels\n');
  });

  it.each(['bash', 'zsh', 'fish'])('prints a %s script that calls __complete', (shell) => {
    const r = sb.run(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kubesim __complete');
  });

  it('rejects an unknown shell', () => {
    const r = sb.run(['completion', 'tcsh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Unsupported shell type "tcsh"\./);
  });
});

describe('contexts', () => {
  const sb = new Sandbox();
  afterAll(() => sb.cleanup());

  it('lists clusters as contexts and switches between them', () => {
    sb.run(['cluster', 'create', 'one', '--clock', 'manual']);
    expect(sb.run(['config', 'use-context', 'one']).stdout).toBe('Switched to context "one".\n');
    expect(sb.run(['config', 'current-context']).stdout).toBe('one\n');
    // kube-public has no pods (kube-system runs the control plane).
    sb.run(['config', 'set-context', '--current', '--namespace=kube-public']);
    const rows = sb.run(['config', 'get-contexts']).stdout.trim().split('\n').map((l) => l.split(/\s{2,}/));
    expect(rows[0]).toEqual(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']);
    expect(rows).toContainEqual(['*', 'one', 'one', 'one', 'kube-public']);
    expect(sb.run(['get', 'pods']).stderr).toBe('No resources found in kube-public namespace.\n');
  });
});

describe('watch', () => {
  const sb = new Sandbox();
  afterAll(() => sb.cleanup());

  it('streams changes as time passes until the request timeout', () => {
    writeFileSync(join(sb.home, 'pod.yaml'), POD);
    sb.run(['create', '-f', 'pod.yaml']);
    const r = sb.run(['get', 'pods', '--watch', '--output-watch-events', '--request-timeout=6s']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^EVENT\s+NAME\s+READY\s+STATUS/);
    expect(lines[1]).toMatch(/^ADDED\s+web\s+0\/1\s+ContainerCreating/);
    expect(lines.at(-1)).toMatch(/^MODIFIED\s+web\s+1\/1\s+Running/);
  });
});
