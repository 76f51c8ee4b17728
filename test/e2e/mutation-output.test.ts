import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { hasKubectl, NO_KUBECTL } from '../printers/kubectl-golden.js';
import { startFakeDiscovery } from '../printers/fake-discovery.js';

const execFileAsync = promisify(execFile);

const MANIFESTS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  size: "10"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
`;

describe('-o on mutating commands', () => {
  const sb = new Sandbox();
  let file: string;
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'm', '--clock', 'manual', '--seed', '5']).code).toBe(0);
    file = join(sb.home, 'app.yaml');
    writeFileSync(file, MANIFESTS);
  });
  afterAll(() => sb.cleanup());

  it('create -f --dry-run=client -o name stores nothing', () => {
    const r = sb.on('m', ['create', '-f', file, '--dry-run=client', '-o', 'name']);
    expect(r.stdout).toBe('configmap/settings\ndeployment.apps/web\n');
    // kube-root-ca.crt, which every namespace gets, is the only ConfigMap stored.
    expect(sb.on('m', ['get', 'cm,deploy', '-o', 'name']).stdout).toBe('configmap/kube-root-ca.crt\n');
  });

  it('create -f --dry-run=server admits without storing', () => {
    const r = sb.on('m', ['create', '-f', file, '--dry-run=server', '-o', 'jsonpath={.spec.template.spec.containers[0].imagePullPolicy}{.spec.strategy.type}']);
    expect(r.stdout).toBe('IfNotPresentRollingUpdate');
    expect(sb.on('m', ['get', 'deploy']).stderr).toBe('No resources found in default namespace.\n');
  });

  it('create -f -o yaml prints stored objects between --- separators', () => {
    const r = sb.on('m', ['create', '-f', file, '-o', 'yaml']);
    expect(r.code).toBe(0);
    const docs = r.stdout.split('---\n');
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatch(/^apiVersion: v1\ndata:\n  size: "10"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: ".+"\n  name: settings\n  namespace: default\n  resourceVersion: "\d+"\n  uid: [0-9a-f-]{36}\n$/);
    expect(docs[1]).toContain('kind: Deployment\n');
  });

  it('create --dry-run=server reports an existing object', () => {
    const r = sb.on('m', ['create', 'deployment', 'web', '--image=nginx', '--dry-run=server']);
    expect(r.stderr).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
    expect(r.code).toBe(1);
  });

  it('apply --dry-run=server -o json leaves the stored object alone', () => {
    writeFileSync(join(sb.home, 'scaled.yaml'), MANIFESTS.replace('replicas: 2', 'replicas: 5'));
    const r = sb.on('m', ['apply', '-f', join(sb.home, 'scaled.yaml'), '--dry-run=server', '-o', 'jsonpath={.metadata.name}={.spec.replicas};']);
    expect(r.stdout).toBe('settings=;web=5;');
    expect(sb.on('m', ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']).stdout).toBe('2');
  });

  it('apply prints configured with the dry-run marker', () => {
    const r = sb.on('m', ['apply', '-f', join(sb.home, 'scaled.yaml'), '--dry-run=client']);
    expect(r.stdout).toBe('configmap/settings configured (dry run)\ndeployment.apps/web configured (dry run)\n');
  });

  it('scale -o jsonpath prints the object as read before scaling', () => {
    const r = sb.on('m', ['scale', 'deploy/web', '--replicas=3', '-o', 'jsonpath={.spec.replicas}']);
    expect(r.stdout).toBe('2');
    expect(sb.on('m', ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']).stdout).toBe('3');
  });

  it('label --dry-run=client marks the line and stores nothing', () => {
    expect(sb.on('m', ['label', 'deploy', 'web', 'tier=front', '--dry-run=client']).stdout).toBe('deployment.apps/web labeled (dry run)\n');
    expect(sb.on('m', ['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.labels}']).stdout).toBe('{"app":"web"}');
  });

  it('annotate -o jsonpath prints the stored object', () => {
    const r = sb.on('m', ['annotate', 'deploy', 'web', 'team=blue', '-o', 'jsonpath={.metadata.annotations.team}']);
    expect(r.stdout).toBe('blue');
  });

  it('patch --dry-run=server prints no marker and stores nothing', () => {
    const r = sb.on('m', ['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":7}}', '--dry-run=server', '-o', 'jsonpath={.spec.replicas}']);
    expect(r.stdout).toBe('7');
    expect(sb.on('m', ['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":7}}', '--dry-run=client']).stdout).toBe('deployment.apps/web patched\n');
    expect(sb.on('m', ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}']).stdout).toBe('3');
  });

  it('patch rejects a strategic patch that is not an object', () => {
    const before = sb.on('m', ['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout;
    const cases: [patch: string, type: string][] = [
      ['not json', 'string'],
      ['42', 'number'],
      ['[1,2]', 'array'],
      ['true', 'bool'],
    ];
    for (const [patch, type] of cases) {
      const r = sb.on('m', ['patch', 'deploy', 'web', '-p', patch]);
      expect(r.stderr, patch).toBe(`Error from server (BadRequest): json: cannot unmarshal ${type} into Go value of type map[string]interface {}\n`);
      expect(r.stdout, patch).toBe('');
      expect(r.code, patch).toBe(1);
    }
    expect(sb.on('m', ['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.resourceVersion}']).stdout).toBe(before);
  });

  it('patch --dry-run=client rejects a non-object patch as kubectl does', () => {
    const r = sb.on('m', ['patch', 'deploy', 'web', '-p', 'not json', '--dry-run=client']);
    expect(r.stderr).toBe('error: invalid JSON document\n');
    expect(r.code).toBe(1);
  });

  it('patch takes a null strategic patch as empty', () => {
    expect(sb.on('m', ['patch', 'deploy', 'web', '-p', 'null']).stdout).toBe('deployment.apps/web patched (no change)\n');
  });

  it('rejects a table format before writing', () => {
    const r = sb.on('m', ['create', 'namespace', 'other', '-o', 'wide']);
    expect(r.stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
    expect(sb.on('m', ['get', 'ns', 'other']).code).toBe(1);
  });

  it('warns that a bare --dry-run means client', () => {
    const r = sb.on('m', ['create', 'namespace', 'other', '--dry-run']);
    expect(r.stdout).toBe('namespace/other created (dry run)\n');
    expect(r.stderr).toMatch(/^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ helpers\.go:702\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/);
  });
});

describe.skipIf(!hasKubectl)(`create -f --dry-run=client against kubectl (${NO_KUBECTL})`, () => {
  const sb = new Sandbox();
  let server: Server;
  let url: string;
  let serverArgs: string[];
  let file: string;
  beforeAll(async () => {
    ({ server, url, args: serverArgs } = await startFakeDiscovery());
    file = join(sb.home, 'app.yaml');
    writeFileSync(file, MANIFESTS);
  });
  afterAll(() => {
    server?.close();
    sb.cleanup();
  });

  // apply is left out: against the discovery-only server kubectl's apply reads a 404 Status as the object.
  for (const verb of ['create']) {
    for (const output of ['yaml', 'json', 'name', 'jsonpath={.metadata.name} {.spec.replicas}|']) {
      it(`${verb} -f -o ${output}`, async () => {
        const args = [verb, '-f', file, '--dry-run=client', '-o', output];
        const want = (await execFileAsync('kubectl', [...serverArgs, '--validate=false', ...args])).stdout;
        expect(sb.run(args).stdout).toBe(want);
      });
    }
  }
});
