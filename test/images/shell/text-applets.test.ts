import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/images/shell/run';
import { runLines, SHELL_WORLD } from '../../helpers/shell';

const run = runLines;

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

describe('head', () => {
  it('prints the first 10 lines by default', () => {
    expect(run('seq 12 | head')).toEqual([...Array.from({ length: 10 }, (_, i) => `1:${i + 1}`), 'rc=0']);
  });

  it('takes -n N, -N and -n -N', () => {
    expect(run('seq 5 | head -n 2; seq 5 | head -3; seq 5 | head -n -4')).toEqual(['1:1', '1:2', '1:1', '1:2', '1:3', '1:1', 'rc=0']);
  });

  it('prints the first bytes with -c', () => {
    expect(run('echo hello | head -c 3; echo')).toEqual(['1:hel', 'rc=0']);
  });

  it('adds headers for several files', () => {
    expect(run('echo a > /tmp/a; echo b > /tmp/b; head -n 1 /tmp/a /tmp/b')).toEqual(['1:==> /tmp/a <==', '1:a', '1:', '1:==> /tmp/b <==', '1:b', 'rc=0']);
  });

  it('rejects an invalid count', () => {
    expect(run('head -n x /etc/hosts')).toEqual(["2:head: invalid number 'x'", 'rc=1']);
  });
});

describe('tail', () => {
  it('prints the last lines with -n N and -N', () => {
    expect(run('seq 5 | tail -n 2; seq 5 | tail -1')).toEqual(['1:4', '1:5', '1:5', 'rc=0']);
  });

  it('starts at line N with -n +N', () => {
    expect(run('seq 4 | tail -n +3')).toEqual(['1:3', '1:4', 'rc=0']);
  });

  it('reports a missing file', () => {
    expect(run('tail /nosuch')).toEqual(['2:tail: /nosuch: No such file or directory', 'rc=1']);
  });

  it('keeps running with -f on a file', () => {
    const result = runScript('echo start; tail -f /dev/null', new Map(), SHELL_WORLD);
    expect(result.exitCode).toBeUndefined();
    expect(result.lines.map((l) => l.line)).toEqual(['start']);
  });
});

describe('seq', () => {
  it('counts from 1 to LAST', () => {
    expect(run('seq 3')).toEqual(['1:1', '1:2', '1:3', 'rc=0']);
  });

  it('takes FIRST, INC and a separator', () => {
    expect(run('seq -s , 10 -3 1')).toEqual(['1:10,7,4,1', 'rc=0']);
  });

  it('pads with zeros for -w and keeps the decimals of FIRST and INC', () => {
    expect(run('seq -w 8 10; seq 0 0.5 1')).toEqual(['1:08', '1:09', '1:10', '1:0.0', '1:0.5', '1:1.0', 'rc=0']);
  });

  it('prints nothing for an empty range', () => {
    expect(run('seq 5 1')).toEqual(['rc=0']);
  });

  it('prints the usage line for a bad number', () => {
    expect(run('seq x')).toEqual(['2:Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST', 'rc=1']);
  });
});

describe('grep', () => {
  const input = 'printf "Alpha\\nbeta\\ngamma beta\\n"';

  it('prints matching lines and exits 0', () => {
    expect(run(`${input} | grep beta`)).toEqual(['1:beta', '1:gamma beta', 'rc=0']);
  });

  it('exits 1 without a match', () => {
    expect(run(`${input} | grep delta`)).toEqual(['rc=1']);
  });

  it('ignores case with -i and inverts with -v', () => {
    expect(run(`${input} | grep -i alpha; ${input} | grep -v beta`)).toEqual(['1:Alpha', '1:Alpha', 'rc=0']);
  });

  it('counts with -c and numbers with -n', () => {
    expect(run(`${input} | grep -c beta; ${input} | grep -n gamma`)).toEqual(['1:2', '1:3:gamma beta', 'rc=0']);
  });

  it('prefixes file names for several files', () => {
    expect(run('echo web > /tmp/a; echo db > /tmp/b; grep -n b /tmp/a /tmp/b')).toEqual(['1:/tmp/a:1:web', '1:/tmp/b:1:db', 'rc=0']);
  });

  it('reads basic expressions with escaped groups and extended ones with -E', () => {
    expect(run(`${input} | grep '^\\(Al\\|be\\)'; ${input} | grep -E '^(Al|be)+'`)).toEqual(['1:Alpha', '1:beta', '1:Alpha', '1:beta', 'rc=0']);
  });

  it('treats + and ? as literals in a basic expression', () => {
    expect(run('echo "a+b" | grep "a+b"; echo aab | grep "a+b"')).toEqual(['1:a+b', 'rc=1']);
  });

  it('prints only the matches with -o and is silent with -q', () => {
    expect(run(`${input} | grep -o 'b[a-z]*'; ${input} | grep -q gamma && echo found`)).toEqual(['1:beta', '1:beta', '1:found', 'rc=0']);
  });

  it('finds the pod address in /etc/hosts', () => {
    expect(run('grep box /etc/hosts')).toEqual(['1:10.244.1.67\tbox', 'rc=0']);
  });

  it('exits 2 for a missing file', () => {
    expect(run('grep x /nosuch')).toEqual(['2:grep: /nosuch: No such file or directory', 'rc=2']);
  });

  it('takes several -e patterns', () => {
    expect(run(`${input} | grep -e Alpha -e gamma`)).toEqual(['1:Alpha', '1:gamma beta', 'rc=0']);
  });
});
