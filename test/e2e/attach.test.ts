/**
 * `kubectl attach` as kubectl 1.32 does it, with the wording of older and
 * newer emulated versions. The tests cover argument checks, the pod a
 * TYPE/NAME picks, the container choice and prompt messages, pods that
 * cannot be attached, and the container's output from the attach on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const PROMPT = "If you don't see a command prompt, try pressing enter.\n";

/** A pod with an init container and two app containers, each printing one line after a pause. */
const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  initContainers:
  - name: setup
    image: busybox
    command: ['sh', '-c', 'echo init']
  containers:
  - name: first
    image: busybox
    command: ['sh', '-c', 'sleep 3; echo one']
  - name: second
    image: busybox
    command: ['sh', '-c', 'sleep 4; echo two']
`;

describe('kubectl attach argument checks', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'args', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(sb.on('args', ['run', 'web', '--image=nginx']).code).toBe(0);
    const file = join(sb.home, 'nosel.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nosel\nspec:\n  ports:\n  - port: 80\n');
    expect(sb.on('args', ['apply', '-f', file]).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  const cases: [string, string[], string][] = [
    ['no argument', [], 'error: at least 1 argument is required for attach\n'],
    ['three arguments', ['a', 'b', 'c'], 'error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n'],
    ['a zero timeout before the arguments', ['--pod-running-timeout=0'], "error: --pod-running-timeout must be higher than zero\nSee 'kubectl attach -h' for help and examples\n"],
    ['--detach-keys, added after 1.32', ['web', '--detach-keys=ctrl-x'], "Error: unknown flag: --detach-keys\nSee 'kubectl attach --help' for usage.\n"],
    ['a missing pod', ['nosuch'], 'Error from server (NotFound): pods "nosuch" not found\n'],
    ['a missing pod named as TYPE NAME', ['pod', 'nosuch'], 'Error from server (NotFound): pods "nosuch" not found\n'],
    ['a missing deployment', ['deploy/nosuch'], 'Error from server (NotFound): deployments.apps "nosuch" not found\n'],
    ['an unknown type', ['foo/x'], 'error: the server doesn\'t have a resource type "foo"\n'],
    ['a malformed TYPE/NAME', ['deploy/'], 'error: arguments in resource/name form must have a single resource and name\n'],
    ['a kind without pods', ['node/k8s-node01'], 'error: cannot attach to *v1.Node: selector for *v1.Node not implemented\n'],
    ['a Service without a selector', ['svc/nosel'], "error: cannot attach to *v1.Service: invalid service 'nosel': Service is defined without a selector\n"],
    ['an unknown container', ['web', '-c', 'nope'], 'error: cannot attach to the container: container nope not found in pod web\n'],
  ];
  for (const [name, args, stderr] of cases) {
    it(`rejects ${name}`, () => {
      const before = sb.dump('args');
      const r = sb.on('args', ['attach', ...args]);
      expect(r.stderr).toBe(stderr);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(1);
      expect(sb.dump('args')).toBe(before);
    });
  }
});

describe('kubectl attach on a manual clock', () => {
  const sb = new Sandbox();
  const k = (args: string[], input?: string) => sb.on('att', args, { input });
  const clock = () => k(['clock', 'show']).stdout;
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'att', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('prints the output written after the attach until the container exits', () => {
    k(['run', 'tick', '--image=busybox', '--', 'sh', '-c', 'i=0; while [ $i -lt 5 ]; do echo tick $i; i=$((i+1)); sleep 2; done']);
    // The container starts 5 s after creation and prints at 0, 2, 4, 6 and 8 s of its run.
    k(['clock', 'advance', '8s']);
    const r = k(['attach', 'tick']);
    expect(r.stdout).toBe('tick 2\ntick 3\ntick 4\n');
    expect(r.stderr).toBe(PROMPT);
    expect(r.code).toBe(0);
    expect(clock()).toBe('2022-05-31T09:49:31Z (manual clock)\n');
  });

  it('fails while the container waits to restart', () => {
    const r = k(['attach', 'tick', '-q']);
    expect(r.stderr).toBe('error: Internal error occurred: unable to upgrade connection: container tick not found in pod tick_default\n');
    expect(r.code).toBe(1);
  });

  it('ends at once on a server that prints nothing more, leaving the clock', () => {
    k(['run', 'web', '--image=nginx']);
    k(['clock', 'advance', '10s']);
    const before = clock();
    const r = k(['attach', 'web', '-q']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(clock()).toBe(before);
  });

  it('names the defaulted container among several', () => {
    const file = join(sb.home, 'two.yaml');
    writeFileSync(file, TWO_CONTAINERS);
    k(['apply', '-f', file]);
    // The init container runs first (pull, start, exit), then the app containers are pulled and started.
    const firstRuns = () => k(['get', 'pod', 'two', '-o', 'jsonpath={.status.containerStatuses[0].state.running}']).stdout !== '';
    for (let i = 0; i < 30 && !firstRuns(); i++) k(['clock', 'advance', '1s']);
    const first = k(['attach', 'two']);
    expect(first.stdout).toBe('one\n');
    expect(first.stderr).toBe(`Defaulted container "first" out of: first, second, setup (init)\n${PROMPT}`);
    expect(first.code).toBe(0);
  });

  it('rejects an init container that is no longer running', () => {
    const r = k(['attach', 'two', '-c', 'setup']);
    expect(r.stderr).toBe(`${PROMPT}error: Internal error occurred: unable to upgrade connection: container setup not found in pod two_default\n`);
    expect(r.code).toBe(1);
  });

  it('rejects a completed pod', () => {
    k(['run', 'done', '--image=busybox', '--restart=Never', '--', 'echo', 'hi']);
    k(['run', 'failed', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'exit 2']);
    k(['clock', 'advance', '10s']);
    expect(k(['attach', 'done']).stderr).toBe('error: cannot attach a container in a completed pod; current phase is Succeeded\n');
    const r = k(['attach', 'pod/failed']);
    expect(r.stderr).toBe('error: cannot attach a container in a completed pod; current phase is Failed\n');
    expect(r.code).toBe(1);
  });

  it('rejects a pod whose image is still being pulled', () => {
    k(['run', 'bad', '--image=busybox:nosuchtag']);
    const r = k(['attach', 'bad']);
    expect(r.stderr).toBe(`${PROMPT}error: Internal error occurred: unable to upgrade connection: container bad not found in pod bad_default\n`);
    expect(r.code).toBe(1);
  });

  it('rejects a pod no node can take', () => {
    const file = join(sb.home, 'nowhere.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nowhere\nspec:\n  nodeSelector:\n    disk: none\n  containers:\n  - name: web\n    image: nginx\n');
    k(['apply', '-f', file]);
    const r = k(['attach', 'nowhere']);
    expect(r.stderr).toBe(`${PROMPT}Error from server (BadRequest): pod nowhere does not have a host assigned\n`);
    expect(r.code).toBe(1);
  });

  it('warns that -t needs a container with a TTY', () => {
    const r = k(['attach', 'web', '-t']);
    expect(r.stderr).toBe(`error: Unable to use a TTY - container web did not allocate one\n${PROMPT}`);
    expect(r.code).toBe(0);
  });

  it('sends stdin to a shell that waits for it', () => {
    k(['run', 'shell', '--image=busybox', '-i', '--attach=false', '--restart=Never']);
    k(['clock', 'advance', '10s']);
    const r = k(['attach', 'shell', '-i'], 'echo hello\nexit 3\n');
    expect(r.stdout).toBe('hello\n');
    expect(r.stderr).toBe(PROMPT);
    expect(r.code).toBe(0);
    expect(k(['get', 'pod', 'shell', '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.exitCode}']).stdout).toBe('3');
  });

  it('waits up to --pod-running-timeout for a pod of a Deployment to appear', () => {
    k(['create', 'deployment', 'none', '--image=nginx', '--replicas=0']);
    const start = Date.parse(clock().slice(0, 20));
    const r = k(['attach', 'deploy/none', '--pod-running-timeout=5s']);
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(r.code).toBe(1);
    expect(Date.parse(clock().slice(0, 20)) - start).toBe(5_000);
  });

  it('attaches to the most active pod of a Deployment', () => {
    k(['create', 'deployment', 'dep', '--image=busybox', '--', 'sh', '-c', 'sleep 7; echo from-dep']);
    const r = k(['attach', 'deploy/dep', '-q']);
    // No pod is Running yet: kubectl takes the most active one and fails to attach to its waiting container.
    expect(r.stderr).toMatch(/^error: Internal error occurred: unable to upgrade connection: container busybox not found in pod dep-[a-z0-9]+-[a-z0-9]{5}_default\n$/);
    k(['clock', 'advance', '6s']);
    const attached = k(['attach', 'deployments', 'dep', '-q']);
    expect(attached.stdout).toBe('from-dep\n');
    expect(attached.code).toBe(0);
  });
});

describe('kubectl attach on a 1.15 cluster', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'old', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15']).code).toBe(0);
    expect(sb.on('old', ['run', 'web', '--image=nginx', '--generator=run-pod/v1']).code).toBe(0);
    expect(sb.on('old', ['clock', 'advance', '10s']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('always names the defaulted container and the describe command, even with -q', () => {
    const r = sb.on('old', ['attach', 'web', '-q']);
    expect(r.stderr).toBe("Defaulting container name to web.\nUse 'kubectl describe pod/web -n default' to see all of the containers in this pod.\n");
    expect(r.code).toBe(0);
  });

  it('words an unknown container and the TTY warning as kubectl 1.15 did', () => {
    expect(sb.on('old', ['attach', 'web', '-c', 'x']).stderr).toBe('error: cannot attach to the container: container not found (x)\n');
    expect(sb.on('old', ['attach', 'web', '-c', 'web', '-t']).stderr).toBe(`Unable to use a TTY - container web did not allocate one\n${PROMPT}`);
  });

  it('reports the kubelet error without the WebSocket wrapper', () => {
    sb.on('old', ['run', 'bad', '--image=busybox:nosuchtag', '--generator=run-pod/v1']);
    const r = sb.on('old', ['attach', 'bad', '-c', 'bad']);
    expect(r.stderr).toBe(`${PROMPT}error: unable to upgrade connection: container bad not found in pod bad_default\n`);
  });
});

describe('kubectl attach on a 1.34 cluster', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'new', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.34']).code).toBe(0);
    expect(sb.on('new', ['run', 'web', '--image=nginx']).code).toBe(0);
    expect(sb.on('new', ['clock', 'advance', '10s']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  const recorded = 'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n';

  it('warns that the session is recorded in the container log', () => {
    const r = sb.on('new', ['attach', 'web']);
    expect(r.stderr).toBe(`${recorded}${PROMPT}`);
    expect(r.code).toBe(0);
  });

  it('warns the same way in run --attach', () => {
    const r = sb.on('new', ['run', '-i', '--rm', 'slow', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'sleep 1; echo hi']);
    expect(r.stdout).toBe('hi\npod "slow" deleted from default namespace\n');
    expect(r.stderr).toBe(`${recorded}${PROMPT}`);
    expect(r.code).toBe(0);
  });
});
