import { describe, expect, it } from 'vitest';
import { execInImage, openInteractiveShell, missingExecutableReason, type ExecRequest } from '../../src/images/exec';

/** Builds an exec request into a busybox container called `bb` at 2022-05-31 10:03:24 UTC. */
function newRequest(argv: string[], overrides: Partial<ExecRequest> = {}): ExecRequest {
  return {
    image: 'busybox', argv, env: [], hostname: 'bb', podIP: '10.244.1.5', namespace: 'default',
    now: Date.UTC(2022, 4, 31, 10, 3, 24), tty: false, ...overrides,
  };
}

describe('execInImage', () => {
  it('prints the environment in order', () => {
    const outcome = execInImage(newRequest(['env'], { env: [{ name: 'A', value: '1' }, { name: 'B_SERVICE_HOST', value: '10.96.0.9' }] }));
    expect(outcome).toEqual({
      type: 'ran',
      stdout: 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=bb\nA=1\nB_SERVICE_HOST=10.96.0.9\nHOME=/root\n',
      stderr: '', exitCode: 0, finished: true,
    });
  });

  it('adds TERM with a terminal', () => {
    const outcome = execInImage(newRequest(['printenv', 'TERM'], { tty: true }));
    expect(outcome).toMatchObject({ stdout: 'xterm\n', exitCode: 0 });
  });

  it('runs sh -c with positional parameters', () => {
    const outcome = execInImage(newRequest(['sh', '-c', 'echo $0 $1; exit 5', 'name', 'first']));
    expect(outcome).toEqual({ type: 'ran', stdout: 'name first\n', stderr: '', exitCode: 5, finished: true });
  });

  it('merges stderr into stdout with a terminal', () => {
    const outcome = execInImage(newRequest(['sh', '-c', 'echo a; echo b >&2; echo c'], { tty: true }));
    expect(outcome).toMatchObject({ stdout: 'a\nb\nc\n', stderr: '' });
  });

  it('reads the script from stdin', () => {
    const outcome = execInImage(newRequest(['/bin/sh'], { stdin: 'echo $HOSTNAME\nfalse\n' }));
    expect(outcome).toEqual({ type: 'ran', stdout: 'bb\n', stderr: '', exitCode: 1, finished: true });
  });

  it('reports a script file it cannot open', () => {
    expect(execInImage(newRequest(['sh', 'run.sh']))).toMatchObject({ stderr: "sh: can't open 'run.sh': No such file or directory\n", exitCode: 2 });
  });

  it('reports syntax errors with status 2', () => {
    expect(execInImage(newRequest(['sh', '-c', 'if true']))).toMatchObject({ exitCode: 2 });
  });

  it('feeds stdin to an applet', () => {
    expect(execInImage(newRequest(['cat'], { stdin: 'typed\n' }))).toMatchObject({ stdout: 'typed\n', exitCode: 0 });
  });

  it('reads the nginx welcome page', () => {
    const outcome = execInImage(newRequest(['cat', '/usr/share/nginx/html/index.html'], { image: 'nginx:1.25' }));
    expect(outcome).toMatchObject({ exitCode: 0 });
    const stdout = outcome.type === 'ran' ? outcome.stdout : '';
    expect(stdout.split('\n')[3]).toBe('<title>Welcome to nginx!</title>');
  });

  it('reads the myapp pages', () => {
    const outcome = execInImage(newRequest(['cat', '/usr/share/nginx/html/index.html', '/usr/share/nginx/html/hostname.html'], { image: 'wangyanglinux/myapp:v3' }));
    expect(outcome).toMatchObject({ stdout: 'Hello MyApp | Version: v3 | <a href="hostname.html">Pod Name</a>\nbb\n' });
  });

  it('prints the nginx version', () => {
    expect(execInImage(newRequest(['nginx', '-v'], { image: 'nginx:1.16' }))).toMatchObject({ stderr: 'nginx version: nginx/1.16.1\n', exitCode: 0 });
    expect(execInImage(newRequest(['nginx', '-v'], { image: 'hub.atguigu.com/library/myapp:v1' }))).toMatchObject({ stderr: 'nginx version: nginx/1.12.2\n' });
  });

  it('runs nginx from a shell', () => {
    expect(execInImage(newRequest(['sh', '-c', 'nginx -v'], { image: 'nginx:1.16' }))).toMatchObject({ stderr: 'nginx version: nginx/1.16.1\n', exitCode: 0 });
    expect(execInImage(newRequest(['sh', '-c', 'nginx -t && echo ok'], { image: 'nginx:1.27' }))).toMatchObject({
      stdout: 'ok\n',
      stderr: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
      exitCode: 0,
    });
    expect(execInImage(newRequest(['sh', '-c', 'nginx -v'], { image: 'busybox:1.36' }))).toMatchObject({ stderr: 'sh: nginx: not found\n', exitCode: 127 });
  });

  it('runs perl in the perl image', () => {
    expect(execInImage(newRequest(['perl', '-e', 'print "hi\\n"'], { image: 'perl:5.36' }))).toMatchObject({ stdout: 'hi\n', exitCode: 0 });
  });

  it('stops a busy loop at the step limit', () => {
    expect(execInImage(newRequest(['sh', '-c', 'while true; do :; done']))).toMatchObject({ finished: false });
  });

  it('rejects executables the image lacks', () => {
    const cases: [string, string[], string][] = [
      ['busybox', ['bash'], 'exec: "bash": executable file not found in $PATH'],
      ['wangyanglinux/myapp:v1', ['/bin/bash'], 'exec: "/bin/bash": stat /bin/bash: no such file or directory'],
      ['nginx:alpine', ['dash'], 'exec: "dash": executable file not found in $PATH'],
      ['nginx', ['ps'], 'exec: "ps": executable file not found in $PATH'],
      ['busybox', ['exit'], 'exec: "exit": executable file not found in $PATH'],
      ['busybox', ['nginx'], 'exec: "nginx": executable file not found in $PATH'],
      ['nginx', ['/docker-entrypoint.d/x.sh'], 'exec: "/docker-entrypoint.d/x.sh": stat /docker-entrypoint.d/x.sh: no such file or directory'],
    ];
    for (const [image, argv, reason] of cases) {
      expect(execInImage(newRequest(argv, { image })), `${image} ${argv[0]}`).toEqual({ type: 'start-failed', reason });
    }
  });

  it('runs bash in Debian-based images', () => {
    expect(execInImage(newRequest(['bash', '-c', 'echo ok'], { image: 'nginx' }))).toMatchObject({ stdout: 'ok\n' });
  });
});

describe('bash in a Debian-based image', () => {
  const nginx = (argv: string[]) => execInImage(newRequest(argv, { image: 'nginx:1.27' }));

  it('words its errors as bash does, where sh is dash', () => {
    expect(nginx(['bash', '-c', 'foo; cd /nope; echo "a\\tb"'])).toMatchObject({
      stdout: 'a\\tb\n',
      stderr: 'bash: line 1: foo: command not found\nbash: line 1: cd: /nope: No such file or directory\n',
      exitCode: 0,
    });
    expect(nginx(['sh', '-c', 'foo; cd /nope'])).toMatchObject({ stderr: 'sh: 1: foo: not found\nsh: 1: cd: can\'t cd to /nope\n', exitCode: 2 });
  });

  it("returns bash's statuses: 127 for an unknown command or script, 1 for a failed cd", () => {
    expect(nginx(['bash', '-c', 'foo'])).toMatchObject({ exitCode: 127 });
    expect(nginx(['bash', '-c', 'cd /nope'])).toMatchObject({ exitCode: 1 });
    expect(nginx(['bash', '/x.sh'])).toEqual({ type: 'ran', stdout: '', stderr: 'bash: /x.sh: No such file or directory\n', exitCode: 127, finished: true });
  });
});

describe('missingExecutableReason', () => {
  it('stats paths and searches names', () => {
    expect(missingExecutableReason('/opt/app')).toBe('exec: "/opt/app": stat /opt/app: no such file or directory');
    expect(missingExecutableReason('app')).toBe('exec: "app": executable file not found in $PATH');
  });
});

describe('openInteractiveShell', () => {
  it('uses the prompt of each shell', () => {
    expect(openInteractiveShell(newRequest(['sh']))?.prompt).toBe('/ # ');
    expect(openInteractiveShell(newRequest(['sh', '-i'], { image: 'nginx' }))?.prompt).toBe('# ');
    expect(openInteractiveShell(newRequest(['bash', '-il'], { image: 'nginx', hostname: 'web' }))?.prompt).toBe('root@web:/# ');
  });

  it('declines commands that are not shells', () => {
    expect(openInteractiveShell(newRequest(['sh', '-c', 'date']))).toBeUndefined();
    expect(openInteractiveShell(newRequest(['sh', 'script.sh']))).toBeUndefined();
    expect(openInteractiveShell(newRequest(['env']))).toBeUndefined();
    expect(openInteractiveShell(newRequest(['bash']))).toBeUndefined();
  });

  it('names no line in an interactive bash error', () => {
    const session = openInteractiveShell(newRequest(['bash'], { image: 'nginx:1.27', tty: true }))!;
    expect(session.shell.runScript('foo')).toMatchObject({ stdout: 'bash: foo: command not found\n' });
  });

  it('keeps variables between lines', () => {
    const session = openInteractiveShell(newRequest(['sh'], { tty: true }))!;
    expect(session.shell.runScript('X=5')).toEqual({ stdout: '', stderr: '', exited: undefined, finished: true });
    expect(session.shell.runScript('echo $X; echo err >&2')).toEqual({ stdout: '5\nerr\n', stderr: '', exited: undefined, finished: true });
    expect(session.shell.runScript('exit 3')).toMatchObject({ exited: 3 });
  });
});
