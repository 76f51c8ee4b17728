import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildArgv, planContainer } from '../../src/images/program';
import { newContext } from './helpers';

const ctx = newContext();

describe('planContainer', () => {
  it('prints 2000 digits of pi for the tutorial Job', () => {
    const golden = readFileSync(new URL('./fixtures/pi-2000.txt', import.meta.url), 'utf8').trim();
    const plan = planContainer({
      name: 'pi', image: 'perl:5.36.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'],
    }, ctx);
    expect(plan.output).toEqual([{ atMs: 2326, stream: 'stdout', line: golden }]);
    expect(plan.exit).toEqual({ atMs: 2326, code: 0 });
    expect(plan.ignoresSigterm).toBe(true);
  });

  it('runs the CronJob hello args through sh', () => {
    const plan = planContainer({
      name: 'hello', image: 'busybox', args: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'],
    }, ctx);
    expect(plan.output.map((l) => l.line)).toEqual(['Tue May 31 10:03:24 UTC 2022', 'Hello from the Kubernetes cluster']);
    expect(plan.exit).toEqual({ atMs: 0, code: 0 });
    expect(plan.ignoresSigterm).toBe(true);
  });

  it('exits at once for busybox without a command', () => {
    const plan = planContainer({ name: 'b', image: 'busybox' }, ctx);
    expect(plan.exit).toEqual({ atMs: 0, code: 0 });
    expect(plan.output).toEqual([]);
  });

  it('ignores SIGTERM when sleep is PID 1', () => {
    const plan = planContainer({ name: 'b', image: 'busybox:1.28', command: ['sleep', '3600'] }, ctx);
    expect(plan.ignoresSigterm).toBe(true);
    expect(plan.exit).toEqual({ atMs: 3_600_000, code: 0 });
  });

  it('runs myapp as a quiet server that stops quickly', () => {
    const plan = planContainer({ name: 'nginx', image: 'hub.atguigu.com/library/myapp:v1' }, ctx);
    expect(plan).toEqual({
      output: [], ignoresSigterm: false, terminationMs: 100, serves: 'myapp', version: 'v1', serverVersion: '1.12.2',
    });
  });

  it('prints the entrypoint and start notices for nginx', () => {
    const plan = planContainer({ name: 'web', image: 'nginx:1.25' }, ctx);
    expect(plan.exit).toBeUndefined();
    expect(plan.serves).toBe('nginx');
    expect(plan.output.filter((l) => l.stream === 'stdout').map((l) => l.line)).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ]);
    const notices = plan.output.filter((l) => l.stream === 'stderr').map((l) => l.line);
    expect(notices[0]).toBe('2022/05/31 10:03:24 [notice] 1#1: using the "epoll" event method');
    expect(notices[1]).toBe('2022/05/31 10:03:24 [notice] 1#1: nginx/1.25.5');
  });

  it('prints nothing at start for nginx before 1.19', () => {
    const plan = planContainer({ name: 'web', image: 'nginx:1.7.9' }, ctx);
    expect(plan.output).toEqual([]);
    expect(plan.serverVersion).toBe('1.7.9');
  });

  it('exits when nginx runs without daemon off', () => {
    const plan = planContainer({ name: 'web', image: 'wangyanglinux/myapp:v1', command: ['nginx'] }, ctx);
    expect(plan.exit).toEqual({ atMs: 10, code: 0 });
  });

  it('runs a generic image as a server', () => {
    const plan = planContainer({ name: 'api', image: 'example.com/team/api:1.0' }, ctx);
    expect(plan).toEqual({ output: [], ignoresSigterm: false, terminationMs: 100, serves: 'generic-http' });
  });

  it('fails to start a missing executable', () => {
    const plan = planContainer({ name: 'b', image: 'busybox', command: ['bash', '-c', 'echo hi'] }, ctx);
    expect(plan.exit).toEqual({ atMs: 0, code: 128 });
    expect(plan.startError).toBe('exec: "bash": executable file not found in $PATH');
  });

  it('passes pod env and context env to the shell', () => {
    const plan = planContainer({
      name: 'b', image: 'busybox', command: ['sh', '-c', 'echo $MY_VAR $KUBERNETES_SERVICE_HOST $HOSTNAME'],
      env: [{ name: 'MY_VAR', value: 'x' }],
    }, newContext({ env: { KUBERNETES_SERVICE_HOST: '10.96.0.1' } }));
    expect(plan.output.map((l) => l.line)).toEqual(['x 10.96.0.1 hello-1653990960-vkpzl']);
  });

  it('uses dash messages in the Debian-based nginx image', () => {
    const plan = planContainer({ name: 'web', image: 'nginx', command: ['sh', '-c', 'xyz'] }, ctx);
    expect(plan.output).toEqual([{ atMs: 0, stream: 'stderr', line: 'sh: 1: xyz: not found' }]);
    expect(plan.exit).toEqual({ atMs: 0, code: 127 });
  });

  it('stops planning at a shorter horizon', () => {
    const spec = { name: 'b', image: 'busybox', command: ['sh', '-c', 'while true; do date; sleep 5; done'] };
    const plan = planContainer(spec, ctx, { horizonMs: 12_000 });
    expect(plan.output.map((l) => l.atMs)).toEqual([0, 5000, 10_000]);
    expect(plan.exit).toBeUndefined();
  });

  it('stops planning at a smaller line limit', () => {
    const spec = { name: 'b', image: 'busybox', command: ['sh', '-c', 'while true; do echo x; done'] };
    expect(planContainer(spec, ctx, { maxLines: 3 }).output.length).toBe(3);
  });

  it('gives the same plan on every call', () => {
    const spec = { name: 'b', image: 'busybox', command: ['sh', '-c', 'while true; do date; sleep 5; done'] };
    expect(planContainer(spec, ctx)).toEqual(planContainer(spec, ctx));
  });
});

describe('buildArgv', () => {
  const defaults = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] };

  it('lets command replace both entrypoint and cmd', () => {
    expect(buildArgv({ name: 'c', image: 'nginx', command: ['sleep', '1'] }, defaults)).toEqual(['sleep', '1']);
  });

  it('lets args replace only cmd', () => {
    expect(buildArgv({ name: 'c', image: 'nginx', args: ['nginx-debug'] }, defaults)).toEqual(['/docker-entrypoint.sh', 'nginx-debug']);
  });
});

describe('curlimages/curl entrypoint', () => {
  /** A network where no name resolves. */
  const network = {
    fetch: (url: string) => ({ body: '', error: `curl: (6) Could not resolve host: ${url}`, exitCode: 6 }),
    dns: { addresses: () => undefined, reverse: () => undefined },
  };

  it('runs bare curl without arguments', () => {
    const plan = planContainer({ name: 'c', image: 'curlimages/curl' }, newContext({ network }));
    expect(plan.output).toEqual([{ atMs: 0, stream: 'stderr', line: "curl: try 'curl --help' or 'curl --manual' for more information" }]);
    expect(plan.exit).toEqual({ atMs: 0, code: 2 });
  });

  it('runs a command the image has', () => {
    const plan = planContainer({ name: 'c', image: 'curlimages/curl', args: ['echo', 'hi'] }, newContext());
    expect(plan.output.map((l) => l.line)).toEqual(['hi']);
  });

  it('lacks bash', () => {
    const plan = planContainer({ name: 'c', image: 'curlimages/curl', command: ['bash'] }, newContext());
    expect(plan.startError).toBe('exec: "bash": executable file not found in $PATH');
  });
});
