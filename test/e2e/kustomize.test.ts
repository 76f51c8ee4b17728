import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
        envFrom:
        - configMapRef:
            name: web-config
`;

const KUSTOMIZATION = `namePrefix: dev-
resources:
- deployment.yaml
configMapGenerator:
- name: web-config
  literals:
  - A=1
`;

/** `kubectl kustomize DIR` and `-k DIR` on the verbs that read manifests, run as a process. */
describe('kustomize command and -k', () => {
  const sb = new Sandbox();
  let app: string;
  let broken: string;
  beforeAll(() => {
    app = join(sb.home, 'app');
    broken = join(sb.home, 'broken');
    mkdirSync(app);
    mkdirSync(broken);
    writeFileSync(join(app, 'deployment.yaml'), DEPLOYMENT);
    writeFileSync(join(app, 'kustomization.yaml'), KUSTOMIZATION);
    writeFileSync(join(broken, 'kustomization.yaml'), 'resources:\n- nope.yaml\n');
    expect(sb.run(['cluster', 'create', 'k', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('prints the build of a directory', () => {
    const r = sb.on('k', ['kustomize', 'app']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  name: dev-web-config-89g4tffbfk\n');
    expect(r.stdout).toContain('        - configMapRef:\n            name: dev-web-config-89g4tffbfk\n');
  });

  it('reports a missing kustomization through klog and exits 1', () => {
    const r = sb.on('k', ['kustomize', 'nowhere']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^E\d{4} [\d:.]+ +\d+ run\.go:72\] "command failed" err="must build at directory: not a valid directory: evalsymlink failure on 'nowhere' : lstat .*\/nowhere: no such file or directory"\n$/);
  });

  it('rejects a number as namePrefix through klog', () => {
    mkdirSync(join(sb.home, 'numbered'));
    writeFileSync(join(sb.home, 'numbered', 'deployment.yaml'), DEPLOYMENT);
    writeFileSync(join(sb.home, 'numbered', 'kustomization.yaml'), 'namePrefix: 1\nresources:\n- deployment.yaml\n');
    const r = sb.on('k', ['kustomize', 'numbered']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^E\d{4} [\d:.]+ +\d+ run\.go:72\] "command failed" err="invalid Kustomization: json: cannot unmarshal number into Go struct field Kustomization\.namePrefix of type string"\n$/);
  });

  it('builds with an empty vars list', () => {
    mkdirSync(join(sb.home, 'novars'));
    writeFileSync(join(sb.home, 'novars', 'deployment.yaml'), DEPLOYMENT);
    writeFileSync(join(sb.home, 'novars', 'kustomization.yaml'), 'vars: []\nresources:\n- deployment.yaml\n');
    const r = sb.on('k', ['kustomize', 'novars']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("# Warning: 'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] Run 'kustomize edit fix' to update your Kustomization automatically.\n");
    expect(r.stdout).toContain('kind: Deployment\n');
  });

  it('rejects -k together with -f', () => {
    const r = sb.on('k', ['apply', '-k', 'app', '-f', 'app/deployment.yaml']);
    expect(r.stderr).toBe('error: only one of -f or -k can be specified\n');
    expect(r.code).toBe(1);
  });

  it('leaves the store unchanged when the build fails', () => {
    const before = sb.dump('k');
    const r = sb.on('k', ['apply', '-k', 'broken']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: accumulating resources: accumulation err='accumulating resources from 'nope.yaml': /);
    expect(sb.dump('k')).toBe(before);
  });

  it('applies, gets and deletes the built objects', () => {
    const applied = sb.on('k', ['apply', '-k', 'app']);
    expect(applied.stdout).toBe('configmap/dev-web-config-89g4tffbfk created\ndeployment.apps/dev-web created\n');
    expect(applied.code).toBe(0);
    const got = sb.on('k', ['get', '-k', 'app', '-o', 'name']);
    expect(got.stdout).toBe('configmap/dev-web-config-89g4tffbfk\ndeployment.apps/dev-web\n');
    const deleted = sb.on('k', ['delete', '-k', 'app']);
    expect(deleted.stdout).toBe('configmap "dev-web-config-89g4tffbfk" deleted\ndeployment.apps "dev-web" deleted\n');
  });
});
