import { describe, expect, it } from 'vitest';
import { execInImage, type ExecRequest } from '../../src/images/exec';

/** Runs an exec at 2025-12-01 10:00 UTC in a container started an hour earlier. */
function run(argv: string[], image = 'busybox'): ReturnType<typeof execInImage> {
  const now = Date.UTC(2025, 11, 1, 10, 0, 0);
  const request: ExecRequest = {
    image, argv, env: [], hostname: 'web-1', podIP: '10.244.1.5', namespace: 'default', now, tty: false,
    main: { argv: ['sleep', '3600'], startedAt: now - 3_600_000 },
  };
  return execInImage(request);
}

describe('ls in busybox', () => {
  it('lists the root folder one name per line', () => {
    expect(run(['ls'])).toEqual({
      type: 'ran', stdout: 'bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\n', stderr: '', exitCode: 0, finished: true,
    });
  });

  it('pads long lines to fixed widths', () => {
    const outcome = run(['ls', '-l', '/etc']);
    expect(outcome.type).toBe('ran');
    // The kubelet's files date from the container start.
    expect(outcome.type === 'ran' ? outcome.stdout.split('\n').slice(0, 4) : []).toEqual([
      'total 36',
      '-rw-r--r--    1 root     root           512 Sep 26  2024 group',
      '-rw-r--r--    1 root     root             6 Dec  1 09:00 hostname',
      '-rw-r--r--    1 root     root           200 Dec  1 09:00 hosts',
    ]);
  });

  it('shows files the process wrote', () => {
    expect(run(['sh', '-c', 'echo hi > /tmp/a; ls -la /tmp'])).toMatchObject({
      stdout: 'total 12\n'
        + 'drwxrwxrwt    2 root     root          4096 Sep 26  2024 .\n'
        + 'drwxr-xr-x    2 root     root          4096 Sep 26  2024 ..\n'
        + '-rw-r--r--    1 root     root             3 Dec  1 10:00 a\n',
    });
  });

  it('shows lib64 as a link to lib', () => {
    expect(run(['ls', '-ld', '/lib64'])).toMatchObject({ stdout: 'lrwxrwxrwx    1 root     root             3 Sep 26  2024 /lib64 -> lib\n' });
  });

  it('keeps shadow private to root', () => {
    expect(run(['ls', '-l', '/etc/shadow'])).toMatchObject({ stdout: '-rw-------    1 root     root           512 Sep 26  2024 /etc/shadow\n' });
  });

  it('reports a missing path and exits 1', () => {
    expect(run(['ls', '/nosuch'])).toMatchObject({ stdout: '', stderr: 'ls: /nosuch: No such file or directory\n', exitCode: 1 });
  });

  it('heads each folder when given several', () => {
    expect(run(['ls', '/tmp', '/etc/hostname', '/root'])).toMatchObject({ stdout: '/etc/hostname\n\n/root:\n\n/tmp:\n' });
  });
});

describe('ls in Debian images (GNU coreutils)', () => {
  it('lists the nginx pages with columns as wide as their widest value', () => {
    expect(run(['ls', '-l', '/usr/share/nginx/html'], 'nginx')).toMatchObject({
      stdout: 'total 8\n-rw-r--r-- 1 root root 497 Nov 17 01:40 50x.html\n-rw-r--r-- 1 root root 615 Nov 17 01:40 index.html\n',
      exitCode: 0,
    });
  });

  it('shows the merged-/usr links', () => {
    const outcome = run(['ls', '-l', '/'], 'nginx');
    expect(outcome.type).toBe('ran');
    expect(outcome.type === 'ran' ? outcome.stdout.split('\n')[1] : '').toBe('lrwxrwxrwx 1 root root    7 Nov 17 01:40 bin -> usr/bin');
  });

  it('gives shadow to the shadow group', () => {
    expect(run(['ls', '-l', '/etc/shadow'], 'nginx')).toMatchObject({ stdout: '-rw-r----- 1 root shadow 512 Nov 17 01:40 /etc/shadow\n' });
  });

  it('reports a missing path with GNU wording and exits 2', () => {
    expect(run(['ls', '/nosuch'], 'nginx')).toMatchObject({ stderr: "ls: cannot access '/nosuch': No such file or directory\n", exitCode: 2 });
  });

  it('rejects an unknown option with the help hint', () => {
    expect(run(['ls', '-z'], 'nginx')).toMatchObject({ stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", exitCode: 2 });
  });
});
