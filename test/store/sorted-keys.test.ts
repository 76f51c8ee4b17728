import { describe, expect, it } from 'vitest';
import { SortedKeys, newKeyArray } from '../../src/store/sorted-keys.js';

describe('SortedKeys', () => {
  it('merges added keys in order', () => {
    const keys = new SortedKeys(['b', 'd', 'f']);
    keys.add('e');
    keys.add('a');
    keys.add('g');
    expect(keys.keys()).toEqual(['a', 'b', 'd', 'e', 'f', 'g']);
  });

  it('drops removed keys, ignores absent', () => {
    const keys = new SortedKeys(['a', 'b', 'c']);
    keys.delete('b');
    keys.delete('x');
    expect(keys.keys()).toEqual(['a', 'c']);
  });

  it('ignores adding a present key', () => {
    const keys = new SortedKeys(['a', 'c']);
    keys.add('c');
    keys.add('b');
    keys.add('b');
    expect(keys.keys()).toEqual(['a', 'b', 'c']);
  });

  it('cancels opposite changes to a key', () => {
    const keys = new SortedKeys(['a', 'c']);
    keys.delete('c');
    keys.add('c');
    keys.add('b');
    keys.delete('b');
    expect(keys.keys()).toEqual(['a', 'c']);
  });

  it('applies later changes on next read', () => {
    const keys = new SortedKeys(['m']);
    keys.add('a');
    expect(keys.keys()).toEqual(['a', 'm']);
    keys.delete('m');
    keys.add('z');
    expect(keys.keys()).toEqual(['a', 'z']);
  });

  it('drops first, last and every key', () => {
    const keys = new SortedKeys(['a', 'b', 'c', 'd']);
    keys.delete('a');
    keys.delete('d');
    expect(keys.keys()).toEqual(['b', 'c']);
    keys.delete('b');
    keys.delete('c');
    expect(keys.keys()).toEqual([]);
    keys.add('e');
    expect(keys.keys()).toEqual(['e']);
  });
});

describe('newKeyArray', () => {
  it('returns slots of given length', () => {
    expect(newKeyArray(0)).toEqual([]);
    const three = newKeyArray(3);
    expect(three.length).toBe(3);
    expect(0 in three).toBe(false);
  });
});
