/**
 * `logs` flag checks and --limit-bytes. The messages and their order (after
 * the pod lookup, before any log is read) are those of kubectl v1.32.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('logs options', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('l', args);

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'l', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
    expect(on('run', 'p', '--image=busybox', '--', 'sh', '-c', 'echo hello; echo wörld; echo three; sleep infinity').code).toBe(0);
    expect(on('wait', '--for=condition=ready', 'pod/p').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it.each<[string[], string]>([
    [['--tail=-5'], 'error: --tail must be greater than or equal to -1\n'],
    [['--since=-5s'], 'error: --since must be greater than 0\n'],
    [['--limit-bytes=-1'], 'error: --limit-bytes must be greater than 0\n'],
    [['--since=5s', '--since-time=2020-01-01T00:00:00Z'], 'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n'],
    [['p', '-c', 'p'], 'error: only one of -c or an inline [CONTAINER] arg is allowed\n'],
    [['--all-containers', '-c', 'p'], 'error: --all-containers=true should not be specified with container name p\n'],
    [['--tail=-5', '--limit-bytes=-1', '--since=-1s'], 'error: --limit-bytes must be greater than 0\n'],
    [['-l', 'run=p'], "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n"],
    [['a', 'b'], "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n"],
    [['--since=5'], 'Error: invalid argument "5" for "--since" flag: time: missing unit in duration "5"\nSee \'kubectl logs --help\' for usage.\n'],
  ])('rejects p %j', (args, stderr) => {
    const r = on('logs', 'p', ...args);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
  });

  it('looks the pod up before checking flags', () => {
    const r = on('logs', 'nopod', '--tail=-5');
    expect(r.stderr).toBe('error: error from server (NotFound): pods "nopod" not found in namespace "default"\n');
    expect(r.code).toBe(1);
  });

  // kubectl rounds --since to whole seconds and sends sinceSeconds=0, which ValidatePodLogOptions rejects.
  it.each([[['p', '--since=400ms']], [['p', '--since=-0.4s']], [['-l', 'run=p', '--since=400ms']]])('rejects %j on the server', (args) => {
    const r = on('logs', ...args);
    expect(r.stderr).toBe('The PodLogOptions "p" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0\n');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
  });

  it('rounds --since=500ms up to one second', () => {
    expect(on('logs', 'p', '--since=500ms').code).toBe(0);
  });

  // kubectl sends --since-time in whole seconds, so a fraction never hides a line of that second.
  it('truncates --since-time to the second', () => {
    expect(on('logs', 'p', '--timestamps', '--tail=1').stdout).toBe('2022-05-31T09:49:21.300000000Z three\n');
    expect(on('logs', 'p', '--since-time=2022-05-31T09:49:21.9Z').stdout).toBe('hello\nwörld\nthree\n');
    expect(on('logs', 'p', '--since-time=2022-05-31T10:49:21.999999999+01:00').stdout).toBe('hello\nwörld\nthree\n');
    expect(on('logs', 'p', '--since-time=2022-05-31T09:49:22.1Z').stdout).toBe('');
  });

  it('cuts the output inside a line at --limit-bytes', () => {
    const r = on('logs', 'p', '--limit-bytes=3');
    expect(r.stdout).toBe('hel');
    expect(r.code).toBe(0);
  });

  it('counts bytes after --tail and with timestamps', () => {
    expect(on('logs', 'p', '--tail=1', '--limit-bytes=4').stdout).toBe('thre');
    expect(on('logs', 'p', '--timestamps', '--limit-bytes=10').stdout).toBe('2022-05-31');
  });

  it('prefixes a cut last line', () => {
    expect(on('logs', 'p', '--prefix', '--limit-bytes=9').stdout).toBe('[pod/p/p] hello\n[pod/p/p] wö');
  });

  it('stops following at --limit-bytes', () => {
    const r = on('logs', '-f', 'p', '--limit-bytes=12');
    expect(r.stdout).toBe('hello\nwörld');
    expect(r.code).toBe(0);
  });

  it('takes --limit-bytes=0 as no limit', () => {
    expect(on('logs', 'p', '--limit-bytes=0').stdout).toBe('hello\nwörld\nthree\n');
  });

  it('shows the last 10 lines for a selector without --tail', () => {
    expect(on('run', 'many', '--image=busybox', '-l', 'app=many', '--', 'sh', '-c', 'for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo $i; done; sleep infinity').code).toBe(0);
    expect(on('wait', '--for=condition=ready', 'pod/many').code).toBe(0);
    expect(on('logs', '-l', 'app=many').stdout).toBe('3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n');
    expect(on('logs', '-l', 'app=many', '--tail=-1').stdout.split('\n')).toHaveLength(13);
  });

  it('rejects a --pod-running-timeout of zero', () => {
    const r = on('logs', 'p', '--pod-running-timeout=0s');
    expect(r.stderr).toBe('error: --pod-running-timeout must be higher than zero\n');
    expect(r.code).toBe(1);
  });

  it('waits --pod-running-timeout for a workload pod to appear', () => {
    expect(on('create', 'deployment', 'later', '--image=busybox', '--replicas=0').code).toBe(0);
    const before = Date.parse(on('get', 'deploy', 'later', '-o', 'jsonpath={.metadata.creationTimestamp}').stdout);
    const r = on('logs', 'deploy/later', '--pod-running-timeout=45s');
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(r.code).toBe(1);
    expect(on('run', 'marker', '--image=busybox', '--', 'sleep', 'infinity').code).toBe(0);
    const after = Date.parse(on('get', 'pod', 'marker', '-o', 'jsonpath={.metadata.creationTimestamp}').stdout);
    expect(after - before).toBeGreaterThanOrEqual(45_000);
  });

  it('names an unknown container as kubectl does, before asking for logs', () => {
    const r = on('logs', 'p', '-c', 'nosuch');
    expect(r.stderr).toBe('error: container nosuch is not valid for pod p\n');
    expect(r.code).toBe(1);
  });

  // The API server returns 204 No Content for a pod without a node, so kubectl prints nothing and succeeds.
  it('prints nothing for an unscheduled pod', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: nowhere}\nspec:\n  nodeSelector: {disk: none}\n  containers:\n  - {name: main, image: busybox}\n';
    expect(sb.run(['--cluster', 'l', 'apply', '-f', '-'], { input: pod }).code).toBe(0);
    expect(on('get', 'pod', 'nowhere', '-o', 'jsonpath={.status.phase} [{.spec.nodeName}]').stdout).toBe('Pending []');
    for (const args of [[], ['-f'], ['--previous'], ['--all-containers']]) {
      const r = on('logs', 'nowhere', ...args);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('prints failed requests among the logs with --ignore-errors', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: half}\nspec:\n  containers:\n  - {name: a, image: busybox, args: [sh, -c, "echo up; sleep infinity"]}\n  - {name: b, image: busybox, args: [sh, -c, "echo b; sleep infinity"]}\n';
    expect(sb.run(['--cluster', 'l', 'apply', '-f', '-'], { input: pod }).code).toBe(0);
    const failing = on('logs', 'half', '--all-containers');
    expect(failing.stderr).toBe('Error from server (BadRequest): container "a" in pod "half" is waiting to start: ContainerCreating\n');
    expect(failing.code).toBe(1);
    const r = on('logs', 'half', '--all-containers', '--ignore-errors');
    expect(r.stdout).toBe('error: container "a" in pod "half" is waiting to start: ContainerCreating\nerror: container "b" in pod "half" is waiting to start: ContainerCreating\n');
    expect(r.code).toBe(0);
  });
});
