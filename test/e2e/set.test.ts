import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { hasKubectl, NO_KUBECTL } from '../printers/kubectl-golden.js';

const execFileAsync = promisify(execFile);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx
        env:
        - name: KEEP
          value: "1"
      - name: redis
        image: redis
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx
    env:
    - name: A
      value: "1"
    - name: CM
      valueFrom:
        configMapKeyRef: {name: cfg, key: k}
    - name: SEC
      valueFrom:
        secretKeyRef: {name: s, key: pw}
    - name: NODE
      valueFrom:
        fieldRef: {fieldPath: spec.nodeName}
    - name: MEM
      valueFrom:
        resourceFieldRef: {resource: limits.memory, containerName: c}
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`;

/**
 * `set` command lines run with --local on the files above; kubectl's output
 * is the expected value. kubectl round-trips --local objects through its Go
 * types (adding `creationTimestamp: null`, `resources: {}` ...), which
 * kubesim does not, so whole-object formats are compared through jsonpath.
 */
const LOCAL_CASES: string[][] = [
  ['env', '-f', '{deploy}', 'FOO=bar', 'B=2', '-o', 'jsonpath={.spec.template.spec.containers[*].env}'],
  ['env', '-f', '{deploy}', 'KEEP=2', 'NEW=x', '-c', 'ngin*', '-o', 'jsonpath={.spec.template.spec.containers[*].env}'],
  ['env', '-f', '{deploy}', 'KEEP-'],
  ['env', '-f', '{deploy}', '-e', 'E=1', '-o', 'name'],
  ['env', '-f', '{deploy}', '--list'],
  ['env', '-f', '{pod}', '--list'],
  ['env', '-f', '{pod}', 'A=1'],
  ['env', '-f', '{pod}', 'A=2', '--overwrite=false'],
  ['env', '-f', '{pod}', '1BAD=2'],
  ['env', '-f', '{pod}', '-c', 'nomatch', 'A=3'],
  ['resources', '-f', '{deploy}', '--limits=cpu=0.5,memory=1.5Gi', '--requests=cpu=1000m,memory=1024Mi,ephemeral-storage=0.1Ki', '-o', 'jsonpath={.spec.template.spec.containers[*].resources}'],
  ['resources', '-f', '{deploy}', '-c', 'redis', '--limits=cpu=2e3m,memory=1000M'],
  ['resources', '-f', '{deploy}'],
  ['resources', '-f', '{deploy}', '--limits=cpu=abc'],
  ['serviceaccount', '-f', '{deploy}', 'builder', '-o', 'jsonpath={.spec.template.spec.serviceAccountName}'],
  ['sa', '-f', '{pod}', 'builder'],
  ['selector', '-f', '{svc}', 'app=web,tier=fe', '-o', 'jsonpath={.spec.selector}'],
  ['selector', '-f', '{deploy}', 'app=x'],
  ['selector', '-f', '{svc}'],
];

describe.skipIf(!hasKubectl)(`set --local against kubectl (${NO_KUBECTL})`, () => {
  const sb = new Sandbox();
  const files: Record<string, string> = {};
  beforeAll(() => {
    for (const [key, text] of Object.entries({ deploy: DEPLOYMENT, pod: POD, svc: SERVICE })) {
      files[key] = join(sb.home, `${key}.yaml`);
      writeFileSync(files[key], text);
    }
  });
  afterAll(() => sb.cleanup());

  for (const c of LOCAL_CASES) {
    it(`set ${c.join(' ')}`, async () => {
      const args = ['set', ...c.map((a) => a.replace(/^\{(\w+)\}$/, (_, k) => files[k])), '--local'];
      const want = await execFileAsync('kubectl', args).then(
        (r) => ({ stdout: r.stdout, stderr: r.stderr, code: 0 }),
        (e) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }),
      );
      const got = sb.run(args);
      expect(got.stdout).toBe(want.stdout);
      expect(got.stderr).toBe(want.stderr);
      expect(got.code).toBe(want.code);
    });
  }
});

describe('set on cluster objects', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 's', '--clock', 'manual', '--seed', '2']).code).toBe(0);
    expect(sb.on('s', ['create', 'deployment', 'web', '--image=nginx']).code).toBe(0);
    expect(sb.on('s', ['create', 'configmap', 'cfg', '--from-literal=db.host=x', '--from-literal=port=5']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('set env writes and starts a rollout', () => {
    expect(sb.on('s', ['set', 'env', 'deployment/web', 'FOO=bar']).stdout).toBe('deployment.apps/web env updated\n');
    expect(sb.on('s', ['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.generation}']).stdout).toBe('2');
  });

  it('set env prints nothing for an unchanged value', () => {
    const r = sb.on('s', ['set', 'env', 'deployment/web', 'FOO=bar']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('set env --dry-run=server stores nothing', () => {
    expect(sb.on('s', ['set', 'env', 'deploy', 'web', 'X=1', '--dry-run=server']).stdout).toBe('deployment.apps/web env updated (server dry run)\n');
    expect(sb.on('s', ['set', 'env', 'deploy', 'web', '--list']).stdout).toBe('# Deployment web, container nginx\nFOO=bar\n');
  });

  it('set env --from imports keys with a prefix', () => {
    expect(sb.on('s', ['set', 'env', 'deploy/web', '--from=configmap/cfg', '--prefix=APP_']).code).toBe(0);
    expect(sb.on('s', ['set', 'env', 'deploy/web', '--list']).stdout).toBe(
      '# Deployment web, container nginx\nFOO=bar\n# APP_DB_HOST from configmap cfg, key db.host\n# APP_PORT from configmap cfg, key port\n',
    );
  });

  it('set resources writes canonical quantities', () => {
    expect(sb.on('s', ['set', 'resources', 'deploy', 'web', '--limits=cpu=0.2,memory=0.5Gi']).stdout).toBe('deployment.apps/web resource requirements updated\n');
    expect(sb.on('s', ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].resources.limits}']).stdout).toBe('{"cpu":"200m","memory":"512Mi"}');
  });

  it('set serviceaccount -o name prints the name only', () => {
    expect(sb.on('s', ['set', 'serviceaccount', 'deploy/web', 'builder', '-o', 'name']).stdout).toBe('deployment.apps/web\n');
    expect(sb.on('s', ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.serviceAccountName}']).stdout).toBe('builder');
  });

  it('set selector replaces a Service selector', () => {
    expect(sb.on('s', ['create', 'service', 'clusterip', 'web', '--tcp=80']).code).toBe(0);
    expect(sb.on('s', ['set', 'selector', 'svc', 'web', 'app=other']).stdout).toBe('service/web selector updated\n');
    expect(sb.on('s', ['get', 'svc', 'web', '-o', 'jsonpath={.spec.selector}']).stdout).toBe('{"app":"other"}');
  });

  it('set env on a running pod is rejected', () => {
    expect(sb.on('s', ['run', 'p', '--image=nginx']).code).toBe(0);
    const r = sb.on('s', ['set', 'env', 'pod/p', 'A=1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than /);
  });

  it('set env reports a missing object', () => {
    const r = sb.on('s', ['set', 'env', 'deploy/nope', 'A=1']);
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(r.code).toBe(1);
  });
});
