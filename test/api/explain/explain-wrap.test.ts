import { describe, expect, it } from 'vitest';
import { indentText, wrapText } from '../../../src/api/explain-wrap.js';
import { wrapWords } from '../../../src/api/explain-render-v2.js';

describe('wrapText', () => {
  it('breaks before the word that would pass the limit', () => {
    expect(wrapText('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
  });

  it('keeps a word longer than the limit whole on its own line', () => {
    expect(wrapText('see https://example.com/very/long/path now', 10)).toBe('see\nhttps://example.com/very/long/path\nnow');
  });

  it('keeps existing newlines and blank lines', () => {
    expect(wrapText('one\n\n - two', 20)).toBe('one\n\n - two');
  });

  it('keeps a trailing newline', () => {
    expect(wrapText('text\n', 76)).toBe('text\n');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(wrapText('😀😀 ab', 5)).toBe('😀😀 ab');
  });
});

describe('indentText', () => {
  it('pads every line including blank ones', () => {
    expect(indentText(4, 'a\n\nb\n')).toBe('    a\n    \n    b\n    ');
  });
});

describe('wrapWords', () => {
  it('joins source lines and wraps at the byte limit', () => {
    expect(wrapWords('aaa bbb\nccc ddd', 11)).toEqual(['aaa bbb ccc', 'ddd']);
  });

  it('starts a new line after a colon and before a dash item', () => {
    expect(wrapWords('Values:\n - a\n - b', 40)).toEqual(['Values:', '- a', '- b']);
  });

  it('drops a blank line while the first output line is still open', () => {
    expect(wrapWords('short.\n\nnext', 40)).toEqual(['short.', 'next']);
  });

  it('keeps a blank line once an output line is complete', () => {
    expect(wrapWords('one two\nthree\n\nfour', 7)).toEqual(['one two', 'three', '', 'four']);
  });

  it('keeps a line indented by four spaces verbatim', () => {
    expect(wrapWords('list:\n     - x = 1\nafter', 40)).toEqual(['list:', '     - x = 1', 'after']);
  });
});
