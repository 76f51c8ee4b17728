import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox, type Result } from '../helpers/cli.js';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'tutorial');
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';
const HASH = '[456789bcdf]{1,10}';

/** Splits a table into rows of cells (header first). */
function table(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => l.trim().split(/\s{2,}/));
}

function rows(r: Result): string[][] {
  return table(r.stdout).slice(1);
}

describe('tutorial: ReplicaSet', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('tut', args);
  let relabeled = '';

  beforeAll(() => {
    copyFileSync(join(FIXTURES, 'rs.yml'), join(sb.home, 'rs.yml'));
    expect(sb.run(['cluster', 'create', 'tut', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('creates the ReplicaSet and three running pods', () => {
    expect(k('create', '-f', 'rs.yml').stdout).toBe('replicaset.extensions/frontend created\n');
    k('clock', 'advance', '20s');
    const pods = rows(k('get', 'pod'));
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p[0]).toMatch(new RegExp(`^frontend-${SUFFIX}$`));
      expect(p.slice(1, 5)).toEqual(['1/1', 'Running', '0', '20s']);
    }
  });

  it('replaces every deleted pod', () => {
    const before = rows(k('get', 'pod')).map((p) => p[0]);
    const del = k('delete', 'pod', '--all');
    expect(del.stdout).toBe(before.map((n) => `pod "${n}" deleted\n`).join(''));
    k('clock', 'advance', '40s');
    const pods = rows(k('get', 'pod', '--show-labels'));
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => p[0]).filter((n) => before.includes(n))).toEqual([]);
    expect(pods.map((p) => [p[1], p[2], p[5]])).toEqual(Array(3).fill(['1/1', 'Running', 'tier=frontend']));
  });

  it('refuses a relabel without --overwrite', () => {
    relabeled = rows(k('get', 'pod'))[0][0];
    const r = k('label', 'pod', relabeled, 'tier=frontend1');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: 'tier' already has a value (frontend), and --overwrite is false\n");
  });

  it('releases the relabeled pod and starts a replacement', () => {
    expect(k('label', 'pod', relabeled, 'tier=frontend1', '--overwrite=True').stdout).toBe(`pod/${relabeled} labeled\n`);
    k('clock', 'advance', '2s');
    const pods = rows(k('get', 'pod', '--show-labels'));
    expect(pods).toHaveLength(4);
    expect(pods.filter((p) => p[5] === 'tier=frontend1').map((p) => p[0])).toEqual([relabeled]);
    expect(pods.filter((p) => p[5] === 'tier=frontend')).toHaveLength(3);
  });

  it('leaves only the released pod after deleting the ReplicaSet', () => {
    expect(k('delete', 'rs', '--all').stdout).toBe('replicaset.extensions "frontend" deleted\n');
    k('clock', 'advance', '60s');
    const pods = rows(k('get', 'pod', '--show-labels'));
    expect(pods.map((p) => [p[0], p[1], p[2], p[5]])).toEqual([[relabeled, '1/1', 'Running', 'tier=frontend1']]);
  });
});

describe('tutorial: Deployment', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('tut', args);
  let v1Hash = '';
  let v2Hash = '';

  beforeAll(() => {
    copyFileSync(join(FIXTURES, 'deployment.yml'), join(sb.home, 'deployment.yml'));
    expect(sb.run(['cluster', 'create', 'tut', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('creates the Deployment with --record', () => {
    expect(k('apply', '-f', 'deployment.yml', '--record').stdout).toBe('deployment.extensions/nginx-deployment created\n');
    k('clock', 'advance', '53s');
    expect(k('get', 'deployment').stdout).toBe('NAME               READY   UP-TO-DATE   AVAILABLE   AGE\nnginx-deployment   3/3     3            3           53s\n');
    const rs = rows(k('get', 'rs'));
    expect(rs).toHaveLength(1);
    expect(rs[0][0]).toMatch(new RegExp(`^nginx-deployment-${HASH}$`));
    expect(rs[0].slice(1, 4)).toEqual(['3', '3', '3']);
    v1Hash = rs[0][0].slice('nginx-deployment-'.length);
    const pods = rows(k('get', 'pod'));
    expect(pods.map((p) => p[0].startsWith(`nginx-deployment-${v1Hash}-`))).toEqual([true, true, true]);
  });

  it('answers v1 from a pod IP', () => {
    const ip = rows(k('get', 'pod', '-o', 'wide'))[0][5];
    expect(k('curl', ip).stdout).toBe('Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n');
  });

  it('scales to ten replicas', () => {
    expect(k('scale', 'deployment', 'nginx-deployment', '--replicas', '10').stdout).toBe('deployment.extensions/nginx-deployment scaled\n');
    k('clock', 'advance', '87s');
    const pods = rows(k('get', 'pod'));
    expect(pods).toHaveLength(10);
    expect(new Set(pods.map((p) => `${p[1]} ${p[2]}`))).toEqual(new Set(['1/1 Running']));
    expect(rows(k('get', 'rs')).map((r) => r.slice(0, 4))).toEqual([[`nginx-deployment-${v1Hash}`, '10', '10', '10']]);
  });

  it('rolls out a new image to a new ReplicaSet', () => {
    expect(k('set', 'image', 'deployment/nginx-deployment', 'nginx=wangyanglinux/myapp:v2').stdout).toBe('deployment.extensions/nginx-deployment image updated\n');
    const status = k('rollout', 'status', 'deployment/nginx-deployment');
    expect(status.code).toBe(0);
    expect(status.stdout.split('\n').at(-2)).toBe('deployment "nginx-deployment" successfully rolled out');
    k('clock', 'advance', '60s');
    const rs = rows(k('get', 'rs'));
    expect(rs).toHaveLength(2);
    const next = rs.find((r) => r[0] !== `nginx-deployment-${v1Hash}`)!;
    v2Hash = next[0].slice('nginx-deployment-'.length);
    expect(next.slice(1, 4)).toEqual(['10', '10', '10']);
    expect(rs.find((r) => r[0] === `nginx-deployment-${v1Hash}`)!.slice(1, 4)).toEqual(['0', '0', '0']);
    const pods = rows(k('get', 'pod', '-o', 'wide'));
    expect(pods).toHaveLength(10);
    expect(pods.every((p) => p[0].startsWith(`nginx-deployment-${v2Hash}-`))).toBe(true);
    expect(k('curl', pods[0][5]).stdout).toBe('Hello MyApp | Version: v2 | <a href="hostname.html">Pod Name</a>\n');
  });

  it('rolls back to v1 with the ReplicaSets swapping', () => {
    expect(k('rollout', 'undo', 'deployment/nginx-deployment').stdout).toBe('deployment.extensions/nginx-deployment rolled back\n');
    const during = rows(k('get', 'rs'));
    expect(during.every((r) => Number(r[1]) > 0)).toBe(true);
    const status = k('rollout', 'status', 'deployments', 'nginx-deployment');
    expect(status.code).toBe(0);
    expect(status.stdout.endsWith('deployment "nginx-deployment" successfully rolled out\n')).toBe(true);
    k('clock', 'advance', '60s');
    const rs = Object.fromEntries(rows(k('get', 'rs')).map((r) => [r[0], r.slice(1, 4)]));
    expect(rs).toEqual({ [`nginx-deployment-${v1Hash}`]: ['10', '10', '10'], [`nginx-deployment-${v2Hash}`]: ['0', '0', '0'] });
    const pods = rows(k('get', 'pod', '-o', 'wide'));
    expect(pods).toHaveLength(10);
    expect(k('curl', pods[0][5]).stdout).toBe('Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n');
  });

  it('lists the renumbered revisions with their change-cause', () => {
    expect(k('rollout', 'history', 'deployment/nginx-deployment').stdout).toBe(
      'deployment.extensions/nginx-deployment \nREVISION  CHANGE-CAUSE\n2         kubectl apply --filename=deployment.yml --record=true\n3         kubectl apply --filename=deployment.yml --record=true\n\n',
    );
  });

  it('reports the finished rollout with exit code 0', () => {
    const r = k('rollout', 'status', 'deployments', 'nginx-deployment');
    expect(r).toEqual({ stdout: 'deployment "nginx-deployment" successfully rolled out\n', stderr: '', code: 0 });
  });
});
