/**
 * The flag checks of `kubectl run` in kubectl v1.32's order (run.go Run and
 * the run-pod/v1 generator): an empty --image, an image that does not match
 * distribution/reference's ReferenceRegexp, and badly formed --annotations.
 * Each rejection exits 1 and leaves the store as it was. `--command` with no
 * arguments is accepted, as kubectl has no such check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';
import { hasKubectl, NO_KUBECTL } from '../printers/kubectl-golden.js';

/** Flags after `run x` that kubectl rejects before sending any request. */
const CASES: [flags: string[], stderr: string][] = [
  [['--image='], 'error: --image is required\n'],
  [['--image=NGINX'], 'error: Invalid image name "NGINX": invalid reference format\n'],
  [['--image=nginx:'], 'error: Invalid image name "nginx:": invalid reference format\n'],
  [['--image=my_registry:5000/nginx'], 'error: Invalid image name "my_registry:5000/nginx": invalid reference format\n'],
  [['--image=NGINX', '--restart=Sometimes'], 'error: Invalid image name "NGINX": invalid reference format\n'],
  [['--image=nginx', '--annotations=foo'], 'error: invalid annotations format: foo\n'],
  [['--image=nginx', '--annotations=foo', '--annotations==b', '--annotations=a=b'], 'error: invalid annotations format: foo, =b\n'],
  [['--image=nginx', '--annotations=foo', '--env=bad'], 'error: invalid env: bad\n'],
  [['--image=nginx', '--env==x'], 'error: invalid env: =x\n'],
  [['--image=nginx', '--env=1A=b'], 'error: invalid env: 1A=b\n'],
  [['--image=nginx', '--env=A B=c'], 'error: invalid env: A B=c\n'],
  [['--image=nginx', '--env=..=x'], 'error: invalid env: ..=x\n'],
  [['--image=nginx', '--env=..a=x'], 'error: invalid env: ..a=x\n'],
  [['--image=nginx', '--env=\u00e9=1'], 'error: invalid env: \u00e9=1\n'],
  [['--image=nginx', '--env=A=1', '--env=.=x'], 'error: invalid env: .=x\n'],
];

describe('run flag checks', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('r', args);

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'r', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it.each(CASES)('rejects %j', (flags, stderr) => {
    const before = sb.dump('r');
    const r = k('run', 'x', ...flags);
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(1);
    expect(sb.dump('r')).toBe(before);
  });

  it.skipIf(!hasKubectl)(`matches the real kubectl on every case (${NO_KUBECTL})`, () => {
    // A kubeconfig whose server is a closed loopback port, so kubectl can reach nothing else.
    const kubeconfig = join(sb.home, 'loopback-kubeconfig');
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "http://127.0.0.1:1"}\n  name: local\n' +
        'contexts:\n- context: {cluster: local, user: u}\n  name: local\ncurrent-context: local\nusers:\n- name: u\n  user: {}\n',
    );
    for (const [flags, stderr] of CASES) {
      const r = spawnSync('kubectl', ['run', 'x', ...flags, '--dry-run=client'], { encoding: 'utf8', env: { ...process.env, KUBECONFIG: kubeconfig } });
      expect(r.stderr, flags.join(' ')).toBe(stderr);
      expect(r.status, flags.join(' ')).toBe(1);
    }
  });

  it('accepts registry hosts, tags and digests', () => {
    const image = 'Registry.io:5000/team/nginx:V1.2@sha256:0123456789abcdef0123456789abcdef';
    const r = k('run', 'x', `--image=${image}`, '--dry-run=client', '-o', 'jsonpath={.spec.containers[0].image}');
    expect(r.stdout).toBe(image);
    expect(r.code).toBe(0);
  });

  it('prints sorted annotations', () => {
    const r = k('run', 'x', '--image=nginx', '--annotations=b=2', '--annotations=a=1', '--dry-run=client', '-o', 'jsonpath={.metadata.annotations}');
    expect(r.stdout).toBe('{"a":"1","b":"2"}');
  });

  it('accepts env names IsEnvVarName allows', () => {
    const r = k('run', 'x', '--image=nginx', '--env=.a=1', '--env=-b_c.D=2', '--env=E=f=g', '--env=H=', '--dry-run=client', '-o', 'jsonpath={.spec.containers[0].env}');
    expect(r.stdout).toBe('[{"name":".a","value":"1"},{"name":"-b_c.D","value":"2"},{"name":"E","value":"f=g"},{"name":"H"}]');
    expect(r.code).toBe(0);
  });

  it('leaves other env names to the API server', () => {
    const pod = (name: string) =>
      JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'envs' }, spec: { containers: [{ name: 'c', image: 'nginx', env: [{ name, value: '1' }] }] } });
    const before = sb.dump('r');
    const r = sb.on('r', ['apply', '-f', '-'], { input: pod('A=B') });
    expect(r.stderr).toBe(
      'The Pod "envs" is invalid: spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'\n',
    );
    expect(r.code).toBe(1);
    expect(sb.dump('r')).toBe(before);
    expect(sb.on('r', ['apply', '-f', '-'], { input: pod('1 A') }).stdout).toBe('pod/envs created\n');
  });

  it('accepts --command without arguments', () => {
    const r = k('run', 'x', '--image=nginx', '--command');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pod/x created\n');
    expect(r.code).toBe(0);
  });
});
