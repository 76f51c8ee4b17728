import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const PROMPT = "If you don't see a command prompt, try pressing enter.\n";
const NO_TTY = 'Unable to use a TTY - input is not a terminal or the right kind of file\n';

/** kubectl 1.32's checks of the attach flags, in its order, each leaving the store unchanged. */
describe('kubectl run attach flag checks', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'flags', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  const hint = "\nSee 'kubectl run -h' for help and examples\n";
  const cases: [string, string[], string][] = [
    ['zero pod-running-timeout before -t', ['--pod-running-timeout=0', '-t'], `error: --pod-running-timeout must be higher than zero${hint}`],
    ['negative pod-running-timeout', ['--pod-running-timeout=-1s'], `error: --pod-running-timeout must be higher than zero${hint}`],
    ['-t without -i before the restart policy', ['-t', '--restart=Bad'], `error: -i/--stdin is required for containers with -t/--tty=true${hint}`],
    ['restart policy before --rm', ['--rm', '--restart=Bad'], `error: invalid restart policy: Bad${hint}`],
    ['--expose port before --rm', ['--rm', '--expose'], `error: --port must be set when exposing a service${hint}`],
    ['--rm before the pull policy', ['--rm', '--image-pull-policy=Bad'], `error: --rm should only be used for attached containers${hint}`],
    ['--rm with --attach=false', ['-i', '--attach=false', '--rm'], `error: --rm should only be used for attached containers${hint}`],
    ['client dry run with -i', ['-i', '--image-pull-policy=Bad', '--dry-run=client'], `error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)${hint}`],
    ['server dry run with --attach', ['--attach', '--dry-run=server'], `error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)${hint}`],
    ['unparsable pod-running-timeout', ['--pod-running-timeout=abc'], 'Error: invalid argument "abc" for "--pod-running-timeout" flag: time: invalid duration "abc"\nSee \'kubectl run --help\' for usage.\n'],
  ];
  for (const [name, flags, stderr] of cases) {
    it(`rejects ${name}`, () => {
      const before = sb.dump('flags');
      const r = sb.on('flags', ['run', 'x', '--image=busybox', ...flags]);
      expect(r.stderr).toBe(stderr);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(1);
      expect(sb.dump('flags')).toBe(before);
    });
  }

  it('puts stdin, stdinOnce and tty on the container', () => {
    const r = sb.on('flags', ['run', 'x', '--image=busybox', '-it', '--attach=false', '--dry-run=client', '-o', 'jsonpath={.spec.containers[0]}']);
    expect(r.stdout).toBe('{"image":"busybox","name":"x","resources":{},"stdin":true,"stdinOnce":true,"tty":true}');
  });

  it('runs the container privileged with --privileged', () => {
    const r = sb.on('flags', ['run', 'x', '--image=busybox', '--privileged', '--dry-run=client', '-o', 'jsonpath={.spec.containers[0].securityContext}']);
    expect(r.stdout).toBe('{"privileged":true}');
  });

  it('keeps stdin open with --leave-stdin-open', () => {
    const r = sb.on('flags', ['run', 'x', '--image=busybox', '-i', '--leave-stdin-open', '--attach=false', '--dry-run=client', '-o', 'jsonpath={.spec.containers[0]}']);
    expect(r.stdout).toBe('{"image":"busybox","name":"x","resources":{},"stdin":true}');
  });
});

describe('kubectl run attached on a manual clock', () => {
  const sb = new Sandbox();
  const on = (args: string[], input?: string) => sb.on('attach', args, { input });
  const clock = () => on(['clock', 'show']).stdout;
  beforeAll(() => {
    const created = sb.run(['cluster', 'create', 'attach', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']);
    expect(created.code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('prints the log of a pod that finished before the attach', () => {
    const r = on(['run', '-i', '--rm', 'hi', '--image=busybox', '--restart=Never', '--', 'echo', 'hi']);
    expect(r.stdout).toBe('hi\npod "hi" deleted\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(on(['get', 'pod', 'hi']).stderr).toBe('Error from server (NotFound): pods "hi" not found\n');
  });

  it('returns the exit code of a -it pod without a terminal', () => {
    const r = on(['run', '-it', '--rm', 'test', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo one; sleep 2; echo two >&2; exit 3']);
    // The container has a TTY, which carries its stderr too.
    expect(r.stdout).toBe('one\ntwo\npod "test" deleted\n');
    expect(r.stderr).toBe(`${NO_TTY}${PROMPT}pod default/test terminated (Error)\n`);
    expect(r.code).toBe(3);
  });

  it('streams stderr apart without a TTY', () => {
    const r = on(['run', '-i', '--rm', 'split', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'sleep 1; echo out; echo err >&2']);
    expect(r.stdout).toBe('out\npod "split" deleted\n');
    expect(r.stderr).toBe(`${PROMPT}err\n`);
    expect(r.code).toBe(0);
  });

  it('runs the commands piped to a busybox shell', () => {
    const r = on(['run', '-i', 'shell', '--image=busybox', '--restart=Never'], 'echo hello\nhostname\nsleep 5\necho done; exit 4\n');
    expect(r.stdout).toBe('hello\nshell\ndone\n');
    expect(r.stderr).toBe(`${PROMPT}pod default/shell terminated (Error)\n`);
    expect(r.code).toBe(4);
    // The input's sleep separates its output in simulated time.
    const stamps = on(['logs', 'shell', '--timestamps']).stdout.trimEnd().split('\n').map((l) => Date.parse(l.split(' ')[0]));
    expect(stamps.map((t) => t - stamps[0])).toEqual([0, 0, 5_000]);
    expect(on(['get', 'pod', 'shell', '--no-headers']).stdout).toMatch(/^shell +0\/1 +Error +0 +\d+s\n$/);
  });

  it('ends a shell at once on empty input', () => {
    const r = on(['run', '-i', '--rm', 'empty', '--image=busybox', '--restart=Never']);
    expect(r.stdout).toBe('pod "empty" deleted\n');
    expect(r.stderr).toBe(PROMPT);
    expect(r.code).toBe(0);
  });

  it('attaches without -i and keeps the pod', () => {
    const r = on(['run', '--attach', 'keep', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo a; sleep 3; echo b']);
    expect(r.stdout).toBe('a\nb\n');
    expect(r.stderr).toBe(PROMPT);
    expect(r.code).toBe(0);
    expect(on(['get', 'pod', 'keep', '--no-headers']).stdout).toMatch(/^keep +0\/1 +Completed +0 +\d+s\n$/);
  });

  it('prints nothing of its own with -q', () => {
    const r = on(['run', '-iq', '--rm', 'quiet', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'sleep 1; echo q']);
    expect(r.stdout).toBe('q\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('ends after the first run of an Always pod', () => {
    const r = on(['run', '-i', '--rm', 'always', '--image=busybox', '--', 'sh', '-c', 'sleep 1; echo once; exit 2']);
    expect(r.stdout).toBe('once\npod "always" deleted\n');
    expect(r.stderr).toBe(PROMPT);
    expect(r.code).toBe(0);
  });

  it('times out waiting for an OnFailure pod to succeed', () => {
    const start = Date.parse(clock().slice(0, 20));
    const r = on(['run', '-i', '--rm', 'retry', '--image=busybox', '--restart=OnFailure', '--', 'sh', '-c', 'sleep 1; echo fail; exit 1']);
    expect(r.stdout).toBe('fail\npod "retry" deleted\n');
    expect(r.stderr).toBe(`${PROMPT}error: timed out waiting for the condition\n`);
    expect(r.code).toBe(1);
    // 5 s to start, 1 s of run, then the 60 s wait for success.
    expect(Date.parse(clock().slice(0, 20)) - start).toBe(66_000);
  });

  it('times out waiting for a pod whose image cannot be pulled', () => {
    const r = on(['run', '-i', '--rm', 'bad', '--image=busybox:nosuchtag', '--restart=Never']);
    expect(r.stdout).toBe('pod "bad" deleted\n');
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    expect(r.code).toBe(1);
  });

  it('creates, prints and removes the --expose service', () => {
    const r = on(['run', '-i', '--rm', 'web', '--image=busybox', '--port=80', '--expose', '--restart=Never', '--', 'echo', 'hi']);
    expect(r.stdout).toBe('service/web created\nhi\npod "web" deleted\nservice "web" deleted\n');
    expect(r.code).toBe(0);
    expect(on(['get', 'service', 'web']).stderr).toBe('Error from server (NotFound): services "web" not found\n');
  });

  it('leaves the shell waiting with --leave-stdin-open', () => {
    const r = on(['run', '-i', '--leave-stdin-open', 'open', '--image=busybox', '--restart=Never'], 'echo first\n');
    expect(r.stdout).toBe('first\n');
    expect(r.stderr).toBe(PROMPT);
    expect(r.code).toBe(0);
    expect(on(['get', 'pod', 'open', '--no-headers']).stdout).toMatch(/^open +1\/1 +Running +0 +\d+s\n$/);
  });
});

describe('kubectl run attached on a 1.15 cluster', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'old', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('attaches to the Deployment pod and deletes the Deployment', () => {
    const r = sb.on('old', ['run', '-i', '--rm', 'd', '--image=busybox', '--', 'sh', '-c', 'sleep 1; echo hi']);
    expect(r.stdout).toBe('hi\ndeployment.apps "d" deleted\n');
    expect(r.stderr).toBe(`kubectl run --generator=deployment/apps.v1 is DEPRECATED and will be removed in a future version. Use kubectl run --generator=run-pod/v1 or kubectl create instead.\n${PROMPT}`);
    expect(r.code).toBe(0);
  });

  it('words the dry-run check as kubectl 1.15 did', () => {
    const r = sb.on('old', ['run', 'x', '--image=busybox', '-i', '--dry-run=client']);
    expect(r.stderr).toBe("error: --dry-run can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n");
    expect(r.code).toBe(1);
  });
});

describe('kubectl run --rm on a 1.35 cluster', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'new', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.35']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('names the namespace of the deleted pod', () => {
    const r = sb.on('new', ['run', '-i', '--rm', 'n', '--image=busybox', '--restart=Never', '--', 'echo', 'hi']);
    expect(r.stdout).toBe('hi\npod "n" deleted from default namespace\n');
    expect(r.code).toBe(0);
  });
});
