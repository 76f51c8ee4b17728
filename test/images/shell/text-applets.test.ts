import { describe, expect, it } from 'vitest';
import { runScript, ShellWorld } from '../../../src/images/shell/run';

const world: ShellWorld = {
  hostname: 'box',
  podIP: '10.244.1.67',
  namespace: 'default',
  startedAt: Date.UTC(2022, 4, 31, 10, 3, 24),
  dialect: 'ash',
};

/** Runs a script and returns its output lines as `1:text` (stdout) and `2:text` (stderr), then `rc=N`. */
function run(script: string): string[] {
  const result = runScript(script, new Map(), world);
  return [...result.lines.map((l) => `${l.stream === 'stdout' ? 1 : 2}:${l.line}`), `rc=${result.exitCode}`];
}

describe('wc', () => {
  it('prints only the byte count for -c on standard input', () => {
    expect(run('echo hello | wc -c')).toEqual(['1:6', 'rc=0']);
  });

  it('prints only the word count for -w and the line count for -l', () => {
    expect(run('printf "a b\\nc\\n" | wc -w; printf "a b\\nc\\n" | wc -l')).toEqual(['1:3', '1:2', 'rc=0']);
  });

  it('pads each count to 9 columns without options', () => {
    expect(run('echo hello | wc')).toEqual(['1:        1         1         6', 'rc=0']);
  });

  it('pads two selected counts too', () => {
    expect(run('echo hello world | wc -lw')).toEqual(['1:        1         2', 'rc=0']);
  });

  it('names the file after its counts', () => {
    expect(run('echo one > /tmp/f; echo two >> /tmp/f; wc -l /tmp/f')).toEqual(['1:2 /tmp/f', 'rc=0']);
  });

  it('counts the lines of the kubelet-managed /etc/hosts', () => {
    expect(run('wc -l /etc/hosts')).toEqual(['1:8 /etc/hosts', 'rc=0']);
  });

  it('adds a total line for several files, padded', () => {
    expect(run('echo a > /tmp/a; echo b c > /tmp/b; wc -w /tmp/a /tmp/b')).toEqual([
      '1:        1 /tmp/a', '1:        2 /tmp/b', '1:        3 total', 'rc=0',
    ]);
  });

  it('reports a missing file and exits 1', () => {
    expect(run('wc -l /nosuch')).toEqual(['2:wc: /nosuch: No such file or directory', 'rc=1']);
  });

  it('prints the longest line length for -L', () => {
    expect(run('printf "ab\\tc\\nxyz\\n" | wc -L')).toEqual(['1:9', 'rc=0']);
  });

  it('rejects an unknown option', () => {
    expect(run('echo hi | wc -x')).toEqual(["2:wc: invalid option -- 'x'", 'rc=1']);
  });
});
