import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

/** Where `logs -f` leaves a manual clock: it stops once the followed containers can print nothing more. */
describe('logs -f on a manual clock', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('follow', args);
  const clock = () => on('clock', 'show').stdout;
  beforeAll(() => {
    const created = sb.run(['cluster', 'create', 'follow', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']);
    expect(created.code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('keeps the clock on a running nginx', () => {
    on('run', 'web', '--image=nginx');
    on('wait', '--for=condition=ready', 'pod/web');
    expect(clock()).toBe('2022-05-31T09:49:21Z (manual clock)\n');
    const r = on('logs', '-f', 'web');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(-2)).toEqual(['2022/05/31 09:49:21 [notice] 1#1: start worker process 30', '']);
    // The events' expiry an hour later is no reason to move the clock.
    expect(clock()).toBe('2022-05-31T09:49:21Z (manual clock)\n');
  });

  it('ends at a job pod exit', () => {
    on('create', 'job', 'hello', '--image=busybox', '--', 'sh', '-c', 'echo start; sleep 5; echo end');
    on('wait', '--for=jsonpath={.status.ready}=1', 'job/hello');
    const r = on('logs', '-f', 'job/hello', '--timestamps');
    expect(r.stdout).toBe('2022-05-31T09:49:26.820000000Z start\n2022-05-31T09:49:31.820000000Z end\n');
    expect(clock()).toBe('2022-05-31T09:49:31Z (manual clock)\n');
    expect(on('get', 'pods', '-l', 'job-name=hello', '--no-headers').stdout).toMatch(/^hello-\w+ +0\/1 +Completed +0 +10s\n$/);
  });

  it('ends at a periodic printer exit', () => {
    on('create', 'job', 'count', '--image=busybox', '--', 'sh', '-c', 'for i in 1 2 3; do echo $i; sleep 10; done');
    on('wait', '--for=jsonpath={.status.ready}=1', 'job/count');
    expect(clock()).toBe('2022-05-31T09:49:36Z (manual clock)\n');
    expect(on('logs', '-f', 'job/count').stdout).toBe('1\n2\n3\n');
    expect(clock()).toBe('2022-05-31T09:50:06Z (manual clock)\n');
  });

  it('ends at the last line of a sleeper', () => {
    on('run', 'tick', '--image=busybox', '--', 'sh', '-c', 'echo a; sleep 5; echo b; sleep infinity');
    on('wait', '--for=condition=ready', 'pod/tick');
    expect(on('logs', '-f', 'tick', '--timestamps').stdout).toBe('2022-05-31T09:50:11.920000000Z a\n2022-05-31T09:50:16.920000000Z b\n');
    expect(clock()).toBe('2022-05-31T09:50:16Z (manual clock)\n');
    expect(on('get', 'pod', 'tick', '--no-headers').stdout).toBe('tick   1/1   Running   0     10s\n');
  });

  it('ends at a sidecar exit beside nginx', () => {
    const manifest = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: two', '  labels:', '    app: two', 'spec:', '  containers:', '  - name: web', '    image: nginx',
      '  - name: side', '    image: busybox:1.36', '    command: ["sh", "-c", "echo one; sleep 5; echo two"]'].join('\n');
    writeFileSync(join(sb.home, 'two.yml'), manifest);
    on('create', '-f', 'two.yml');
    on('wait', '--for=condition=ready', 'pod/two');
    expect(clock()).toBe('2022-05-31T09:50:22Z (manual clock)\n');
    const lines = on('logs', '-f', '-l', 'app=two', '--all-containers', '--prefix').stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('[pod/two/side] '))).toEqual(['[pod/two/side] one', '[pod/two/side] two']);
    expect(lines[lines.length - 1]).toBe('[pod/two/side] two');
    // The sidecar's restarts cannot change the nginx container, so following ends when the sidecar exits.
    expect(clock()).toBe('2022-05-31T09:50:27Z (manual clock)\n');
    expect(on('logs', '-f', 'two', '-c', 'web', '--tail=1').stdout).toBe('2022/05/31 09:50:22 [notice] 1#1: start worker process 30\n');
    expect(clock()).toBe('2022-05-31T09:50:27Z (manual clock)\n');
  });

  it('follows until the job deadline', () => {
    const manifest = ['apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: deadline', 'spec:', '  activeDeadlineSeconds: 30', '  template:', '    spec:',
      '      restartPolicy: Never', '      containers:', '      - name: main', '        image: busybox:1.36', '        command: ["sh", "-c", "echo hi; sleep infinity"]'].join('\n');
    writeFileSync(join(sb.home, 'deadline.yml'), manifest);
    on('create', '-f', 'deadline.yml');
    on('wait', '--for=jsonpath={.status.ready}=1', 'job/deadline');
    expect(clock()).toBe('2022-05-31T09:50:32Z (manual clock)\n');
    expect(on('logs', '-f', 'job/deadline').stdout).toBe('hi\n');
    // The Job fails at 09:50:57, 30 s after it started. Its pod stops after the 30 s grace period, because kubesim's sh ignores SIGTERM.
    expect(clock()).toBe('2022-05-31T09:51:27Z (manual clock)\n');
    expect(on('get', 'job', 'deadline', '--no-headers').stdout).toMatch(/^deadline +Failed +0\/1/);
  });
});
