/**
 * kubectl 1.34 added the namespace to the line `delete` prints for a
 * namespaced object (`pod "x" deleted from default namespace`). The same
 * printer serves `replace --force`. Cluster-scoped objects and `-o name`
 * keep the old form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

describe('kubectl delete output per version', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    for (const version of ['1.33', '1.34']) {
      const cluster = `v${version.replace('.', '')}`;
      expect(sb.run(['cluster', 'create', cluster, '--clock', 'manual', '--seed', '1', '--kubernetes-version', version]).code).toBe(0);
    }
  });
  afterAll(() => sb.cleanup());

  it('prints the old line on 1.33', () => {
    sb.on('v133', ['run', 'web', '--image=nginx']);
    expect(sb.on('v133', ['delete', 'pod', 'web', '--wait=false']).stdout).toBe('pod "web" deleted\n');
  });

  it('names the namespace on 1.34', () => {
    sb.on('v134', ['create', 'namespace', 'team']);
    sb.on('v134', ['-n', 'team', 'create', 'deployment', 'web', '--image=nginx']);
    expect(sb.on('v134', ['-n', 'team', 'delete', 'deployment', 'web']).stdout).toBe('deployment.apps "web" deleted from team namespace\n');
  });

  it('says force deleted before the namespace', () => {
    sb.on('v134', ['run', 'gone', '--image=nginx']);
    const r = sb.on('v134', ['delete', 'pod', 'gone', '--force', '--grace-period=0']);
    expect(r.stdout).toBe('pod "gone" force deleted from default namespace\n');
  });

  it('keeps -o name and cluster-scoped objects unchanged', () => {
    sb.on('v134', ['run', 'named', '--image=nginx']);
    expect(sb.on('v134', ['delete', 'pod', 'named', '-o', 'name', '--wait=false']).stdout).toBe('pod/named\n');
    expect(sb.on('v134', ['delete', 'namespace', 'team', '--wait=false']).stdout).toBe('namespace "team" deleted\n');
  });

  it('names the namespace in replace --force', () => {
    const file = join(sb.home, 'cm.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n');
    sb.on('v134', ['create', '-f', file]);
    const r = sb.on('v134', ['replace', '--force', '-f', file]);
    expect(r.stdout).toBe('configmap "settings" deleted from default namespace\nconfigmap/settings replaced\n');
  });

  it('names the namespace when run --rm deletes', () => {
    const r = sb.on('v134', ['run', '-i', '--rm', 'once', '--image=busybox', '--restart=Never', '--', 'echo', 'hi']);
    expect(r.stdout).toBe('hi\npod "once" deleted from default namespace\n');
  });
});
