import { describe, expect, it } from 'vitest';
import { formatTable, formatTabbedLines } from '../../src/printers/table';

describe('formatTable', () => {
  it('aligns a deployment table as kubectl', () => {
    const out = formatTable(
      ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
      [['nginx-deployment', '3/3', '3', '3', '53s']],
    );
    expect(out).toBe(
      'NAME               READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'nginx-deployment   3/3     3            3           53s\n',
    );
  });

  it('keeps a minimum column width of six', () => {
    const out = formatTable(['NAME', 'COMPLETIONS', 'DURATION', 'AGE'], [['pi', '0/1', '97m', '97m']]);
    expect(out).toBe('NAME   COMPLETIONS   DURATION   AGE\npi     0/1           97m        97m\n');
  });

  it('pads short headers to six', () => {
    const out = formatTable(['ID', 'X'], [['1', 'a']]);
    expect(out).toBe('ID    X\n1     a\n');
  });

  it('leaves the last column unpadded', () => {
    const out = formatTable(['NAME', 'AGE'], [['a', '5s'], ['b', '119s']]);
    expect(out).toBe('NAME   AGE\na      5s\nb      119s\n');
  });

  it('keeps padding before an empty last cell', () => {
    const out = formatTable(['NAME', 'LABELS'], [['a', '']]);
    expect(out).toBe('NAME   LABELS\na      \n');
  });

  it('pads empty middle cells', () => {
    const out = formatTable(['NAME', 'DURATION', 'AGE'], [['pi', '', '3s']]);
    expect(out).toBe('NAME   DURATION   AGE\npi                3s\n');
  });

  it('omits the header with noHeaders', () => {
    const out = formatTable(['NAME', 'AGE'], [['web', '2m']], { noHeaders: true });
    expect(out).toBe('web   2m\n');
  });

  it('prints nothing for no lines', () => {
    expect(formatTable(['NAME'], [], { noHeaders: true })).toBe('');
  });

  it('counts code points, not UTF-16 units', () => {
    const out = formatTable(['NAME', 'AGE'], [['ü😀ü', '1s']]);
    expect(out).toBe('NAME   AGE\nü😀ü    1s\n');
  });

  it('remembers widths between calls', () => {
    const remembered: number[] = [];
    const first = formatTable(['NAME', 'AGE'], [['a-long-name', '1s']], { rememberedWidths: remembered });
    const second = formatTable(['NAME', 'AGE'], [['b', '2s']], { noHeaders: true, rememberedWidths: remembered });
    expect(first).toBe('NAME          AGE\na-long-name   1s\n');
    expect(second).toBe('b             2s\n');
    expect(remembered).toEqual([14]);
  });
});

describe('formatTabbedLines', () => {
  it('splits column blocks at a single-cell line', () => {
    const out = formatTabbedLines([['a', 'b'], ['title'], ['long-name', 'c']]);
    expect(out).toBe('a     b\ntitle\nlong-name   c\n');
  });
});
