/**
 * `kubectl logs --all-pods` as kubectl 1.32 runs it (pkg/cmd/logs and
 * polymorphichelpers.AllPodLogsForObject): every pod of a workload instead
 * of the first, each line prefixed with `[pod/NAME/CONTAINER] `, and no
 * note on stderr about the pod or the default container it picked.
 * kubectl before 1.31 has no such flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

/** Two replicas whose pods have two containers, each printing one line. */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: main, image: busybox, command: [sh, -c, 'echo main up; sleep 3600']}
      - {name: side, image: busybox, command: [sh, -c, 'echo side up; sleep 3600']}
`;

describe('logs --all-pods', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('a', args);
  let pods: string[] = [];

  beforeAll(() => {
    for (const [cluster, version] of [['a', '1.32'], ['old', '1.30']]) {
      expect(sb.run(['cluster', 'create', cluster, '--clock', 'manual', '--seed', '1', '--kubernetes-version', version]).code).toBe(0);
    }
    const file = join(sb.home, 'web.yaml');
    writeFileSync(file, DEPLOYMENT);
    expect(k('apply', '-f', file).code).toBe(0);
    expect(k('run', 'solo', '--image=busybox', '--', 'sh', '-c', 'echo solo up; sleep 3600').code).toBe(0);
    k('clock', 'advance', '1m');
    // kubectl reads the pods in its logging order, which `logs deployment/web` shows by its first pick.
    const first = /using pod\/(\S+)/.exec(k('logs', 'deployment/web').stderr)![1];
    const names = k('get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[*].metadata.name}').stdout.split(' ');
    pods = [first, ...names.filter((n) => n !== first)];
  });
  afterAll(() => sb.cleanup());

  it('reads every pod of a workload', () => {
    const r = k('logs', 'deployment/web', '--all-pods');
    expect(r.stdout).toBe(`[pod/${pods[0]}/main] main up\n[pod/${pods[1]}/main] main up\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('reads every container with --all-containers', () => {
    const r = k('logs', 'deployment/web', '--all-pods', '--all-containers');
    expect(r.stdout).toBe(
      `[pod/${pods[0]}/main] main up\n[pod/${pods[0]}/side] side up\n[pod/${pods[1]}/main] main up\n[pod/${pods[1]}/side] side up\n`,
    );
  });

  it('reads the named container of each pod', () => {
    expect(k('logs', 'deployment/web', '--all-pods', '-c', 'side').stdout).toBe(`[pod/${pods[0]}/side] side up\n[pod/${pods[1]}/side] side up\n`);
  });

  it('prefixes a single pod', () => {
    expect(k('logs', 'solo', '--all-pods').stdout).toBe('[pod/solo/solo] solo up\n');
    expect(k('logs', 'pod/solo', '--all-pods=true').stdout).toBe('[pod/solo/solo] solo up\n');
  });

  it('prefixes pods chosen by a selector', () => {
    const r = k('logs', '-l', 'app=web', '--all-pods');
    expect(r.stdout.split('\n').sort()).toEqual(['', `[pod/${pods[0]}/main] main up`, `[pod/${pods[1]}/main] main up`].sort());
    expect(r.stderr).toBe('');
  });

  it('keeps the first pod without the flag', () => {
    const r = k('logs', 'deployment/web', '--all-pods=false');
    expect(r.stdout).toBe('main up\n');
    expect(r.stderr).toBe(`Found 2 pods, using pod/${pods[0]}\nDefaulted container "main" out of: main, side\n`);
  });

  it('limits followed streams', () => {
    const r = k('logs', 'deployment/web', '--all-pods', '--all-containers', '-f', '--max-log-requests=3');
    expect(r.stderr).toBe('error: you are attempting to follow 4 log streams, but maximum allowed concurrency is 3, use --max-log-requests to increase the limit\n');
    expect(r.code).toBe(1);
  });

  it('is an unknown flag before 1.31', () => {
    const r = sb.on('old', ['logs', 'x', '--all-pods']);
    expect(r.stderr).toBe("Error: unknown flag: --all-pods\nSee 'kubectl logs --help' for usage.\n");
    expect(r.code).toBe(1);
  });
});
