import { describe, expect, it } from 'vitest';
import { runLines } from '../../helpers/shell';

const run = runLines;

describe('cd', () => {
  it('changes the folder pwd prints and relative paths use', () => {
    expect(run('cd /tmp; echo hi > f; pwd; cat /tmp/f; cd ..; pwd; cat tmp/f')).toEqual(['1:/tmp', '1:hi', '1:/', '1:hi', 'rc=0']);
  });

  it('goes back with cd - and prints the folder', () => {
    expect(run('cd /etc; cd /tmp; cd -')).toEqual(['1:/etc', 'rc=0']);
  });

  it('goes to HOME without an operand', () => {
    expect(run('cd; pwd')).toEqual(['1:/root', 'rc=0']);
  });

  it('reports a missing folder with status 2 and continues', () => {
    expect(run('cd /nosuch; echo $?')).toEqual(["2:sh: cd: line 1: can't cd to /nosuch: No such file or directory", '1:2', 'rc=0']);
    expect(run('cd /nosuch', 'dash')).toEqual(["2:sh: 1: cd: can't cd to /nosuch", 'rc=2']);
  });

  it('keeps the folder of the parent after a subshell', () => {
    expect(run('(cd /tmp; pwd); pwd')).toEqual(['1:/tmp', '1:/', 'rc=0']);
  });
});

describe('read', () => {
  it('splits a line into names, the last taking the rest', () => {
    expect(run('echo "a b  c d" | { read x y; echo "$x|$y"; }')).toEqual(['1:a|b  c d', 'rc=0']);
  });

  it('reads line after line in a loop', () => {
    expect(run('printf "one\\ntwo\\n" | while read line; do echo "got $line"; done')).toEqual(['1:got one', '1:got two', 'rc=0']);
  });

  it('returns 1 at the end of input and sets REPLY without names', () => {
    expect(run('printf "last" | { read; echo "$? $REPLY"; }')).toEqual(['1:1 last', 'rc=0']);
  });

  it('keeps backslashes with -r only', () => {
    expect(run('echo "a\\\\tb" | { read -r x; echo "$x"; }; echo "a\\\\tb" | { read x; echo "$x"; }')).toEqual(['1:a\\tb', '1:atb', 'rc=0']);
  });

  it('reads the first line of a redirected file', () => {
    expect(run('read first < /etc/hostname; echo $first')).toEqual(['1:box', 'rc=0']);
  });
});

describe('set', () => {
  it('ends the script after a failing command with -e', () => {
    expect(run('set -e; echo a; false; echo b')).toEqual(['1:a', 'rc=1']);
  });

  it('does not end the script for a failing condition with -e', () => {
    expect(run('set -e; if false; then :; fi; false || echo c; ! true; echo d')).toEqual(['1:c', '1:d', 'rc=0']);
  });

  it('turns -e off with +e', () => {
    expect(run('set -e; set +e; false; echo after')).toEqual(['1:after', 'rc=0']);
  });

  it('traces commands with -x', () => {
    expect(run('set -x; x="a b"; echo $x "c d"')).toEqual(["2:+ x='a b'", "2:+ echo a b 'c d'", '1:a b c d', 'rc=0']);
  });

  it('replaces the positional parameters', () => {
    expect(run('set -- one two; echo "$# $1 $2"; set --; echo $#')).toEqual(['1:2 one two', '1:0', 'rc=0']);
  });

  it('accepts -o errexit', () => {
    expect(run('set -o errexit; false; echo no')).toEqual(['rc=1']);
  });

  it('rejects an unknown option', () => {
    expect(run('set -Z; echo $?')).toEqual(['2:sh: set: line 1: illegal option -Z', '1:2', 'rc=0']);
  });
});

describe('id and uname', () => {
  it('prints root with busybox groups', () => {
    expect(run('id; id -u; id -un; id -G')).toEqual(['1:uid=0(root) gid=0(root) groups=0(root),10(wheel)', '1:0', '1:root', '1:0 10', 'rc=0']);
  });

  it('prints root with the Debian group list', () => {
    expect(run('id', 'dash')).toEqual(['1:uid=0(root) gid=0(root) groups=0(root)', 'rc=0']);
  });

  it('prints the kernel name, release and everything with -a', () => {
    expect(run('uname; uname -r; uname -a')).toEqual([
      '1:Linux', '1:5.15.0-126-generic', '1:Linux box 5.15.0-126-generic #136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024 x86_64 GNU/Linux', 'rc=0',
    ]);
  });

  it('prints unknown for -p and -i', () => {
    expect(run('uname -m -p')).toEqual(['1:x86_64 unknown', 'rc=0']);
  });
});
