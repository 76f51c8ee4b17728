/**
 * kubectl's --validate through create and apply: without strict validation a
 * manifest that fails to decode still gets the API server's decode error,
 * and unknown fields are dropped from the stored object (with a warning for
 * --validate=warn) while the last-applied annotation keeps the manifest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: "x"
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`;

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\nbogus: 1\ndata:\n  mode: fast\n';

const DECODE_ERROR =
  'Error from server (BadRequest): error when creating "web.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n';

describe('--validate', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('s', args);

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 's', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    writeFileSync(join(sb.home, 'web.yaml'), DEPLOYMENT);
    writeFileSync(join(sb.home, 'settings.yaml'), CONFIG_MAP);
  });
  afterAll(() => sb.cleanup());

  it.each([
    ['create', '--validate=false'],
    ['apply', '--validate=false'],
    ['apply', '--validate=ignore'],
    ['create', '--validate=warn'],
    ['apply', '--validate=true'],
  ])('reports the decode error for %s %s', (verb, flag) => {
    const before = sb.dump('s');
    const r = k(verb, '-f', 'web.yaml', flag);
    expect(r.stderr).toBe(DECODE_ERROR);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(sb.dump('s')).toBe(before);
  });

  it('drops unknown fields with --validate=false', () => {
    const r = k('apply', '-f', 'settings.yaml', '--validate=false');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/settings created\n');
    expect(k('get', 'configmap', 'settings', '-o', 'jsonpath={.bogus}|{.data.mode}').stdout).toBe('|fast');
    const lastApplied = k('get', 'configmap', 'settings', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}').stdout;
    expect(JSON.parse(lastApplied).bogus).toBe(1);
  });

  it('warns about and drops unknown fields with --validate=warn', () => {
    const r = k('create', '-f', 'settings.yaml', '--validate=warn', '--namespace', 'kube-public');
    expect(r.stderr).toBe('Warning: unknown field "bogus"\n');
    expect(r.stdout).toBe('configmap/settings created\n');
    expect(k('get', 'configmap', 'settings', '--namespace', 'kube-public', '-o', 'jsonpath={.bogus}|{.data.mode}').stdout).toBe('|fast');
  });

  it('rejects unknown fields by default', () => {
    const r = k('create', '-f', 'settings.yaml', '--namespace', 'kube-system');
    expect(r.stderr).toBe('Error from server (BadRequest): error when creating "settings.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "bogus"\n');
    expect(r.code).toBe(1);
  });
});
