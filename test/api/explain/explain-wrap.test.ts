import { describe, expect, it } from 'vitest';
import { indentText, wrapText } from '../../../src/api/explain-wrap.js';

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
