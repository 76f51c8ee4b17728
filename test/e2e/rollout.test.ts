import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  replicas: 3
  progressDeadlineSeconds: 120
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
`;

function podRows(text: string): string[][] {
  return text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s{2,}/));
}

describe('a rollout to a missing image tag', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('c', args);

  beforeAll(() => {
    writeFileSync(join(sb.home, 'nginx.yaml'), NGINX);
    expect(sb.run(['cluster', 'create', 'c', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    k('apply', '-f', 'nginx.yaml');
    expect(k('rollout', 'status', 'deployment/nginx').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('stalls with ImagePullBackOff pods', () => {
    expect(k('set', 'image', 'deployment/nginx', 'nginx=nginx:1.91').stdout).toBe('deployment.apps/nginx image updated\n');
    k('clock', 'advance', '40s');
    const stuck = podRows(k('get', 'pods').stdout).filter((p) => p[2] !== 'Running');
    expect(stuck.map((p) => [p[1], p[2]])).toEqual([['0/1', 'ImagePullBackOff']]);
  });

  it('reports the exceeded deadline and exits 1', () => {
    const r = k('rollout', 'status', 'deployment/nginx');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Waiting for deployment "nginx" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(r.stderr).toBe('error: deployment "nginx" exceeded its progress deadline\n');
  });

  it('recovers with rollout undo', () => {
    expect(k('rollout', 'undo', 'deployment/nginx')).toEqual({ stdout: 'deployment.apps/nginx rolled back\n', stderr: '', code: 0 });
    const r = k('rollout', 'status', 'deployment/nginx');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('deployment "nginx" successfully rolled out\n')).toBe(true);
    k('clock', 'advance', '40s');
    expect(podRows(k('get', 'pods').stdout).map((p) => p[2])).toEqual(['Running', 'Running', 'Running']);
  });

  it('shows the revisions in describe and history', () => {
    expect(k('rollout', 'history', 'deployment/nginx').stdout).toBe('deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    const d = k('describe', 'deployment', 'nginx').stdout;
    expect(d).toContain('Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n');
    expect(d).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n');
    expect(d).toContain('  Progressing    True    NewReplicaSetAvailable\n');
    expect(d).toMatch(/ScalingReplicaSet {2}\S+ +deployment-controller {2}Scaled up replica set nginx-[456789bcdf]+ from 0 to 3\n/);
  });
});

describe('rollout and scale messages', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('c', args);

  beforeAll(() => {
    writeFileSync(join(sb.home, 'nginx.yaml'), NGINX);
    sb.run(['cluster', 'create', 'c', '--clock', 'manual', '--seed', '1']);
    k('apply', '-f', 'nginx.yaml');
    k('clock', 'advance', '30s');
  });
  afterAll(() => sb.cleanup());

  it('pauses once and refuses a second pause', () => {
    expect(k('rollout', 'pause', 'deployment/nginx').stdout).toBe('deployment.apps/nginx paused\n');
    expect(k('rollout', 'pause', 'deployment/nginx')).toEqual({ stdout: '', stderr: 'error: deployments.apps "nginx" is already paused\n', code: 1 });
  });

  it('resumes once and refuses a second resume', () => {
    expect(k('rollout', 'resume', 'deployment/nginx').stdout).toBe('deployment.apps/nginx resumed\n');
    expect(k('rollout', 'resume', 'deployment/nginx').stderr).toBe('error: deployments.apps "nginx" is not paused\n');
  });

  it('has nothing to roll back to after one revision', () => {
    expect(k('rollout', 'undo', 'deployment/nginx').stderr).toBe('error: no rollout history found for deployment "nginx"\n');
    expect(k('rollout', 'undo', 'deployment/nginx', '--to-revision=9').stderr).toBe('error: unable to find specified revision 9 in history\n');
    expect(k('rollout', 'undo', 'deployment/nginx', '--to-revision=1').stdout).toBe('deployment.apps/nginx skipped rollback (current template already matches revision 1)\n');
  });

  it('checks --current-replicas before scaling', () => {
    expect(k('scale', 'deployment', 'nginx', '--current-replicas=5', '--replicas=2')).toEqual({ stdout: '', stderr: 'error: Expected replicas to be 5, was 3\n', code: 1 });
    expect(k('scale', 'deployment', 'nginx', '--current-replicas=3', '--replicas=2').stdout).toBe('deployment.apps/nginx scaled\n');
  });

  it('requires --replicas', () => {
    const r = k('scale', 'deployment', 'nginx');
    expect(r.stderr).toMatch(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"replicas\\" not set"\n$/);
  });

  it('scales several objects at once', () => {
    const rs = k('get', 'rs', '-o', 'name').stdout.trim();
    expect(k('scale', 'deployment/nginx', rs, '--replicas=4').stdout).toBe(`deployment.apps/nginx scaled\n${rs} scaled\n`);
  });

  it('records set image with --record', () => {
    k('set', 'image', 'deployment/nginx', '*=nginx:1.15', '--record');
    expect(k('rollout', 'history', 'deployment/nginx').stdout).toBe('deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/nginx *=nginx:1.15 --record=true\n\n');
  });

  it('names a missing container', () => {
    expect(k('set', 'image', 'deployment/nginx', 'web=nginx:1.16')).toEqual({ stdout: '', stderr: 'error: unable to find container named "web"\n', code: 1 });
  });

  it('shows one revision template', () => {
    const r = k('rollout', 'history', 'deployment/nginx', '--revision=2');
    expect(r.stdout).toMatch(/^deployment\.apps\/nginx with revision #2\nPod Template:\n {2}Labels: {7}app=nginx\n {16}pod-template-hash=[456789bcdf]+\n {2}Annotations: {2}kubernetes\.io\/change-cause: kubectl set image deployment\/nginx \*=nginx:1\.15 --record=true\n {2}Containers:\n {3}nginx:\n {4}Image: {9}nginx:1\.15\n/);
  });

  it('refuses to roll back a paused deployment', () => {
    k('rollout', 'pause', 'deployment/nginx');
    const r = k('rollout', 'undo', 'deployment/nginx');
    expect(r.stderr).toBe("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
    expect(r.code).toBe(1);
  });
});
