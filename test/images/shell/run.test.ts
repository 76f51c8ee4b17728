import { describe, expect, it } from 'vitest';
import { runArgv, runScript, SHELL_HORIZON_MS, SHELL_MAX_LINES, ShellWorld } from '../../../src/images/shell/run';

const world: ShellWorld = {
  hostname: 'hello-1653990960-vkpzl',
  podIP: '10.244.1.67',
  namespace: 'default',
  startedAt: Date.UTC(2022, 4, 31, 10, 3, 24),
  dialect: 'ash',
};

function run(script: string, vars: Record<string, string> = {}, dialect: ShellWorld['dialect'] = 'ash') {
  return runScript(script, new Map(Object.entries(vars)), { ...world, dialect });
}

/** Returns stdout and stderr lines as `1:text` and `2:text`. */
function lines(script: string, vars: Record<string, string> = {}): string[] {
  return run(script, vars).lines.map((l) => `${l.stream === 'stdout' ? 1 : 2}:${l.line}`);
}

describe('runScript', () => {
  it('runs the CronJob hello script', () => {
    const result = run('date; echo Hello from the Kubernetes cluster');
    expect(result.lines.map((l) => l.line)).toEqual(['Tue May 31 10:03:24 UTC 2022', 'Hello from the Kubernetes cluster']);
    expect(result.exitCode).toBe(0);
  });

  it('pads single-digit days with a space in date', () => {
    const result = runScript('date', new Map(), { ...world, startedAt: Date.UTC(2016, 7, 1, 21, 4, 9) });
    expect(result.lines[0].line).toBe('Mon Aug  1 21:04:09 UTC 2016');
  });

  it('honours a simple TZ offset in date', () => {
    expect(lines('date', { TZ: 'CST-8' })).toEqual(['1:Tue May 31 18:03:24 CST 2022']);
  });

  it('formats date +FORMAT', () => {
    expect(lines('date +%Y-%m-%dT%H:%M:%S; date -u +%s')).toEqual(['1:2022-05-31T10:03:24', '1:1653991404']);
  });

  it('runs && only after success and || only after failure', () => {
    expect(lines('true && echo a; false && echo b; false || echo c; true || echo d')).toEqual(['1:a', '1:c']);
  });

  it('chains && and || left to right', () => {
    expect(lines('false && echo x || echo y')).toEqual(['1:y']);
  });

  it('reports an unknown command with status 127', () => {
    const result = run('xyz');
    expect(result.lines).toEqual([{ atMs: 0, stream: 'stderr', line: 'sh: xyz: not found' }]);
    expect(result.exitCode).toBe(127);
  });

  it('adds the line number in dash messages', () => {
    expect(run('xyz', {}, 'dash').lines[0].line).toBe('sh: 1: xyz: not found');
  });

  it('exits with the status given to exit', () => {
    const result = run('echo before; exit 3; echo after');
    expect(result.exitCode).toBe(3);
    expect(result.lines.map((l) => l.line)).toEqual(['before']);
  });

  it('exits with the last status when exit has no operand', () => {
    expect(run('false; exit').exitCode).toBe(1);
  });

  it('exits with the status of the last command', () => {
    expect(run('echo x; false').exitCode).toBe(1);
  });

  it('advances time with sleep, including fractions', () => {
    const result = run('echo a; sleep 1.5; echo b; sleep 2m; echo c');
    expect(result.lines.map((l) => [l.atMs, l.line])).toEqual([[0, 'a'], [1500, 'b'], [121_500, 'c']]);
    expect(result.endMs).toBe(121_500);
  });

  it('never exits after sleep infinity', () => {
    const result = run('echo start; sleep infinity');
    expect(result.exitCode).toBeUndefined();
    expect(result.lines.map((l) => l.line)).toEqual(['start']);
  });

  it('rejects an invalid sleep operand', () => {
    expect(lines('sleep abc')).toEqual(['2:sleep: invalid number \'abc\'']);
  });

  it('produces loop output lazily up to the horizon', () => {
    const result = run('while true; do date; sleep 3600; done');
    expect(result.exitCode).toBeUndefined();
    expect(result.lines.length).toBe(25);
    expect(result.lines[1]).toEqual({ atMs: 3_600_000, stream: 'stdout', line: 'Tue May 31 11:03:24 UTC 2022' });
    expect(result.lines[24].atMs).toBe(SHELL_HORIZON_MS);
  });

  it('stops a loop without sleep at the line limit', () => {
    const result = run('while true; do echo spin; done');
    expect(result.exitCode).toBeUndefined();
    expect(result.lines.length).toBe(SHELL_MAX_LINES);
  });

  it('counts a silent busy loop as still running', () => {
    expect(run('while :; do :; done').exitCode).toBeUndefined();
  });

  it('runs the counter example with arithmetic and command substitution', () => {
    const result = run('i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done');
    expect(result.lines.slice(0, 3).map((l) => [l.atMs, l.line])).toEqual([
      [0, '0: Tue May 31 10:03:24 UTC 2022'],
      [1000, '1: Tue May 31 10:03:25 UTC 2022'],
      [2000, '2: Tue May 31 10:03:26 UTC 2022'],
    ]);
  });

  it('expands $VAR and ${VAR} from the environment', () => {
    expect(lines('echo $GREETING ${GREETING}x ${MISSING:-fallback} ${#GREETING}', { GREETING: 'hi' })).toEqual(['1:hi hix fallback 2']);
  });

  it('keeps single quotes literal and expands in double quotes', () => {
    expect(lines(`echo '$HOME' "$HOME" "a  b" a  b`, { HOME: '/root' })).toEqual(['1:$HOME /root a  b a b']);
  });

  it('splits unquoted expansions into fields', () => {
    expect(lines('for w in $WORDS; do echo "[$w]"; done', { WORDS: 'one  two' })).toEqual(['1:[one]', '1:[two]']);
  });

  it('supports echo -n and -e', () => {
    expect(lines('echo -n a; echo -e "b\\tc"; echo "d\\te"')).toEqual(['1:ab\tc', '1:d\\te']);
  });

  it('prints an unterminated last line at exit', () => {
    expect(lines('echo -n partial')).toEqual(['1:partial']);
  });

  it('reads the pod hostname three ways', () => {
    expect(lines('hostname; cat /etc/hostname; echo $HOSTNAME', { HOSTNAME: world.hostname })).toEqual([
      '1:hello-1653990960-vkpzl', '1:hello-1653990960-vkpzl', '1:hello-1653990960-vkpzl',
    ]);
  });

  it('reads the kubelet-managed resolv.conf', () => {
    expect(lines('cat /etc/resolv.conf')).toEqual([
      '1:search default.svc.cluster.local svc.cluster.local cluster.local',
      '1:nameserver 10.96.0.10',
      '1:options ndots:5',
    ]);
  });

  it('lists the pod IP in /etc/hosts', () => {
    expect(lines('cat /etc/hosts').at(-1)).toBe('1:10.244.1.67\thello-1653990960-vkpzl');
  });

  it('reports a missing file in cat', () => {
    const result = run('cat /nope');
    expect(result.lines).toEqual([{ atMs: 0, stream: 'stderr', line: "cat: can't open '/nope': No such file or directory" }]);
    expect(result.exitCode).toBe(1);
  });

  it('prints env and printenv', () => {
    expect(lines('env; printenv B; printenv MISSING', { A: '1', B: '2' })).toEqual(['1:A=1', '1:B=2', '1:2']);
  });

  it('runs if, elif and else with test', () => {
    expect(lines('if [ "$N" -gt 5 ]; then echo big; elif [ "$N" = 3 ]; then echo three; else echo small; fi', { N: '3' })).toEqual(['1:three']);
  });

  it('runs until loops and for loops', () => {
    expect(lines('n=0; until [ $n -ge 2 ]; do echo $n; n=$((n+1)); done; for x in a b; do echo $x; done')).toEqual(['1:0', '1:1', '1:a', '1:b']);
  });

  it('redirects to /dev/null and between descriptors', () => {
    expect(lines('echo hidden >/dev/null; echo err >&2; xyz 2>/dev/null; echo both 2>&1')).toEqual(['2:err', '1:both']);
  });

  it('writes and reads back a file', () => {
    expect(lines('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f; cat < /tmp/f | wc -l')).toEqual(['1:one', '1:two', '1:2']);
  });

  it('pipes output into the next command', () => {
    expect(lines('echo hi | cat')).toEqual(['1:hi']);
  });

  it('reports a syntax error with status 2', () => {
    const result = run('while true; do echo x');
    expect(result.lines).toEqual([{ atMs: 0, stream: 'stderr', line: 'sh: syntax error: unexpected end of file (expecting "done")' }]);
    expect(result.exitCode).toBe(2);
  });

  it('treats an empty script as success', () => {
    expect(run('').exitCode).toBe(0);
  });

  it('applies a prefix assignment to one command only', () => {
    expect(lines('X=1 printenv X; echo "[$X]"')).toEqual(['1:1', '1:[]']);
  });

  it('keeps subshell variables local', () => {
    expect(lines('x=a; (x=b; echo $x); echo $x')).toEqual(['1:b', '1:a']);
  });

  it('masks exit statuses to eight bits', () => {
    expect(run('exit 256').exitCode).toBe(0);
  });
});

describe('runArgv', () => {
  it('runs sleep directly', () => {
    const result = runArgv(['sleep', '30'], new Map(), world);
    expect(result).toEqual({ lines: [], exitCode: 0, endMs: 30_000 });
  });

  it('runs echo without word splitting', () => {
    const result = runArgv(['echo', '$HOME', 'a  b'], new Map([['HOME', '/root']]), world);
    expect(result.lines.map((l) => l.line)).toEqual(['$HOME a  b']);
  });
});

describe('runScript edge cases', () => {
  it('expands positional parameters after the script name', () => {
    const result = runScript('echo "$0 $1 $2 $#"', new Map(), world, ['greeter', 'a', 'b']);
    expect(result.lines.map((l) => l.line)).toEqual(['greeter a b 2']);
  });

  it('rejects a non-numeric exit status', () => {
    const result = run('exit abc');
    expect(result.lines).toEqual([{ atMs: 0, stream: 'stderr', line: 'sh: exit: Illegal number: abc' }]);
    expect(result.exitCode).toBe(2);
  });

  it('fails on an unclosed parameter expansion', () => {
    const result = run('echo start; echo ${HOME');
    expect(result.lines.map((l) => l.line)).toEqual(['start', 'sh: syntax error: bad substitution']);
    expect(result.exitCode).toBe(2);
  });

  it('ends only the subshell on exit in command substitution', () => {
    expect(lines('x=$(echo out; exit 3); echo "$x $?"')).toEqual(['1:out 3']);
  });

  it('ends only the subshell on exit in a pipeline', () => {
    expect(lines('echo a | exit 4; echo after $?')).toEqual(['1:after 4']);
  });

  it('keeps command substitution variables local', () => {
    expect(lines('x=1; y=$(x=2; echo $x); echo $x $y')).toEqual(['1:1 2']);
  });
});
