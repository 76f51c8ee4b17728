import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const RS_EXTENSIONS = `apiVersion: extensions/v1beta1
kind: ReplicaSet
metadata:
  name: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: myapp
        image: hub.atguigu.com/library/myapp:v1
        ports:
        - containerPort: 80
`;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app: myapp
spec:
  containers:
  - name: myapp
    image: hub.atguigu.com/library/myapp:v1
`;

describe('core commands', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'm', '--clock', 'manual', '--seed', '3']).code).toBe(0);
    writeFileSync(join(sb.home, 'pod.yaml'), POD);
    writeFileSync(join(sb.home, 'rs.yml'), RS_EXTENSIONS);
  });
  afterAll(() => sb.cleanup());

  it('creates the default cluster on first use with three Ready nodes', () => {
    const r = sb.run(['get', 'nodes']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(/\s{2,}/));
    expect(rows[0]).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['k8s-master01', 'Ready', 'control-plane'],
      ['k8s-node01', 'Ready', '<none>'],
      ['k8s-node02', 'Ready', '<none>'],
    ]);
  });

  it('creates the state file with mode 0600', () => {
    expect(statSync(sb.dbPath('m')).mode & 0o777).toBe(0o600);
  });

  it('runs a pod from ContainerCreating to Running and serves HTTP', () => {
    expect(sb.on('m', ['create', '-f', 'pod.yaml']).stdout).toBe('pod/myapp-pod created\n');
    expect(sb.on('m', ['get', 'pods']).stdout).toMatch(/^myapp-pod\s+0\/1\s+ContainerCreating\s+0\s+0s$/m);
    sb.on('m', ['clock', 'advance', '30s']);
    const wide = sb.on('m', ['get', 'pods', '-o', 'wide']).stdout;
    const cells = wide.trim().split('\n')[1].split(/\s{2,}/);
    expect(cells.slice(0, 5)).toEqual(['myapp-pod', '1/1', 'Running', '0', '30s']);
    const [ip, node] = [cells[5], cells[6]];
    expect(node).toMatch(/^k8s-node0[12]$/);
    expect(ip).toMatch(node === 'k8s-node01' ? /^10\.244\.1\.\d+$/ : /^10\.244\.2\.\d+$/);
    expect(sb.on('m', ['curl', ip]).stdout).toBe('Hello MyApp | Version: v1 | <a href="hostname.html">Pod Name</a>\n');
    expect(sb.on('m', ['curl', `${ip}/hostname.html`]).stdout).toBe('myapp-pod\n');
  });

  it('describes the pod with its kubelet events', () => {
    const out = sb.on('m', ['describe', 'pod', 'myapp-pod']).stdout;
    expect(out).toMatch(/^Name:\s+myapp-pod$/m);
    expect(out).toMatch(/^Status:\s+Running$/m);
    expect(out).toMatch(/Normal\s+Scheduled\s+30s\s+default-scheduler\s+Successfully assigned default\/myapp-pod to k8s-node0[12]/);
    expect(out).toMatch(/Normal\s+Pulling\s+30s\s+kubelet\s+Pulling image "hub.atguigu.com\/library\/myapp:v1"/);
    expect(out).toMatch(/Normal\s+Started\s+\d+s\s+kubelet\s+Started container myapp/);
  });

  it('prints the deprecation warning for extensions/v1beta1', () => {
    const r = sb.on('m', ['apply', '-f', 'rs.yml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('replicaset.apps/frontend created\n');
    expect(r.stderr).toBe('Warning: extensions/v1beta1 ReplicaSet is deprecated in v1.8+, unavailable in v1.16+; use apps/v1 ReplicaSet\n');
  });

  it('refuses to relabel without --overwrite', () => {
    const r = sb.on('m', ['label', 'pod', 'myapp-pod', 'app=other']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: 'app' already has a value (myapp), and --overwrite is false\n");
    expect(sb.on('m', ['label', 'pod', 'myapp-pod', 'app=other', '--overwrite=True']).stdout).toBe('pod/myapp-pod labeled\n');
  });

  it('rejects log as an unknown command on 1.32', () => {
    const r = sb.on('m', ['log', 'myapp-pod']);
    expect(r.stderr).toBe('Error: unknown command "log" for "kubectl"\n\nDid you mean this?\n\ttop\n\tlogs\n\n');
    expect(r.code).toBe(1);
  });

  it('says No resources found for an empty namespace', () => {
    const r = sb.on('m', ['get', 'pods', '-n', 'kube-public']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in kube-public namespace.\n');
  });

  it('uses the old wording on a 1.15 cluster', () => {
    sb.run(['cluster', 'create', 'old', '--kubernetes-version', '1.15', '--clock', 'manual']);
    const r = sb.on('old', ['create', '-f', 'rs.yml']);
    expect(r.stdout).toBe('replicaset.extensions/frontend created\n');
    expect(r.stderr).toBe('');
    expect(sb.on('old', ['get', 'jobs']).stderr).toBe('No resources found.\n');
  });
});

describe('bad input leaves the store unchanged', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    sb.run(['cluster', 'create', 'b', '--clock', 'manual', '--seed', '1']);
    writeFileSync(join(sb.home, 'pod.yaml'), POD);
    sb.on('b', ['create', '-f', 'pod.yaml']);
    writeFileSync(join(sb.home, 'malformed.yaml'), 'kind: [\n');
    writeFileSync(join(sb.home, 'unknown-kind.yaml'), 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n');
    writeFileSync(join(sb.home, 'unknown-version.yaml'), 'apiVersion: apps/v9\nkind: Deployment\nmetadata:\n  name: d\n');
    writeFileSync(join(sb.home, 'invalid-name.yaml'), POD.replace('name: myapp-pod', 'name: My_Pod'));
    writeFileSync(join(sb.home, 'no-image.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: noimage\nspec:\n  containers:\n  - name: c\n');
  });
  afterAll(() => sb.cleanup());

  it.each([
    ['a missing file', ['apply', '-f', 'missing.yaml'], /^error: the path "missing.yaml" does not exist\n$/],
    ['malformed YAML', ['apply', '-f', 'malformed.yaml'], /^error: error parsing malformed.yaml: error converting YAML to JSON: yaml: line \d+: /],
    ['an unknown kind', ['create', '-f', 'unknown-kind.yaml'], /no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n$/],
    ['an unknown apiVersion', ['create', '-f', 'unknown-version.yaml'], /no matches for kind "Deployment" in version "apps\/v9"/],
    ['an invalid name', ['create', '-f', 'invalid-name.yaml'], /^The Pod "My_Pod" is invalid: metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain/],
    ['a missing required field', ['create', '-f', 'no-image.yaml'], /^The Pod "noimage" is invalid: spec.containers\[0\].image: Required value\n$/],
    ['an existing object', ['create', '-f', 'pod.yaml'], /^Error from server \(AlreadyExists\): error when creating "pod.yaml": pods "myapp-pod" already exists\n$/],
    ['a missing object', ['get', 'pod', 'nope'], /^Error from server \(NotFound\): pods "nope" not found\n$/],
    ['an unknown resource type', ['get', 'widgets'], /^error: the server doesn't have a resource type "widgets"\n$/],
    ['an unknown flag', ['get', 'pods', '--bogus'], /^Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n$/],
    ['deleting a missing object', ['delete', 'pod', 'nope'], /^Error from server \(NotFound\): pods "nope" not found\n$/],
  ])('%s', (_name, args, message) => {
    const before = sb.dump('b');
    const r = sb.on('b', args as string[]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message as RegExp);
    expect(sb.dump('b')).toBe(before);
  });

  it('applies the valid documents of a partly valid file and reports the rest', () => {
    writeFileSync(join(sb.home, 'mixed.yaml'), `${POD.replace('myapp-pod', 'good-one')}---\n${POD.replace('name: myapp-pod', 'name: Bad_One')}`);
    const r = sb.on('b', ['apply', '-f', 'mixed.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('pod/good-one created\n');
    expect(r.stderr).toMatch(/^The Pod "Bad_One" is invalid/);
  });
});
