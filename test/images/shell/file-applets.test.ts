import { describe, expect, it } from 'vitest';
import { runScript, type FileChange } from '../../../src/images/shell/run';
import { runLines, SHELL_WORLD } from '../../helpers/shell';

const run = runLines;

describe('touch', () => {
  it('creates an empty file and keeps an existing one', () => {
    expect(run('touch /tmp/a; cat /tmp/a; echo x > /tmp/b; touch /tmp/b; cat /tmp/b; test -e /tmp/a && echo yes')).toEqual(['1:x', '1:yes', 'rc=0']);
  });
});

describe('rm', () => {
  it('removes a file', () => {
    expect(run('touch /tmp/a; rm /tmp/a; cat /tmp/a')).toEqual(["2:cat: can't open '/tmp/a': No such file or directory", 'rc=1']);
  });

  it('reports a missing file as busybox or coreutils does, unless -f is given', () => {
    expect(run('rm /tmp/none')).toEqual(["2:rm: can't remove '/tmp/none': No such file or directory", 'rc=1']);
    expect(run('rm /tmp/none', 'dash')).toEqual(["2:rm: cannot remove '/tmp/none': No such file or directory", 'rc=1']);
    expect(run('rm -f /tmp/none')).toEqual(['rc=0']);
  });

  it('removes the files under a folder with -r', () => {
    expect(run('mkdir -p /data; echo 1 > /data/a; echo 2 > /data/b; rm -rf /data; cat /data/a')).toEqual(["2:cat: can't open '/data/a': No such file or directory", 'rc=1']);
  });
});

describe('file log', () => {
  it('records each change with the time the process made it', () => {
    const fileLog: FileChange[] = [];
    runScript('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; echo hi >> /tmp/log', new Map(), { ...SHELL_WORLD, fileLog });
    expect(fileLog).toEqual([
      { atMs: 0, path: '/tmp/healthy', content: '' },
      { atMs: 30_000, path: '/tmp/healthy', content: null },
      { atMs: 30_000, path: '/tmp/log', content: 'hi\n' },
    ]);
  });
});
