import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const WARNING_132 =
  'Warning: resource configmaps/w2 is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. ' +
  'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
  'The missing annotation will be patched automatically.\n';

/** `apply` over an object that `create` made, which has no last-applied-configuration annotation. */
describe('apply after create', () => {
  const sb = new Sandbox();
  let file: string;
  beforeAll(() => {
    for (const [cluster, version] of [['new', '1.32'], ['old', '1.15']]) {
      expect(sb.run(['cluster', 'create', cluster, '--clock', 'manual', '--seed', '1', '--kubernetes-version', version]).code).toBe(0);
      expect(sb.on(cluster, ['create', 'configmap', 'w2', '--from-literal=a=b']).code).toBe(0);
    }
    file = join(sb.home, 'w2.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w2}\ndata: {a: c}\n');
  });
  afterAll(() => sb.cleanup());

  it('warns once on 1.32', () => {
    const first = sb.on('new', ['apply', '-f', file]);
    expect(first.stderr).toBe(WARNING_132);
    expect(first.stdout).toBe('configmap/w2 configured\n');
    const second = sb.on('new', ['apply', '-f', file]);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe('configmap/w2 unchanged\n');
  });

  it('uses the older wording on 1.15', () => {
    const r = sb.on('old', ['apply', '-f', file]);
    expect(r.stderr).toBe('Warning: kubectl apply should be used on resource created by either kubectl create --save-config or kubectl apply\n');
    expect(r.stdout).toBe('configmap/w2 configured\n');
  });
});
