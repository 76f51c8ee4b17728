import { describe, expect, it } from 'vitest';
import { ObjectCache, entryKey } from '../../src/store/object-cache.js';

const row = (data: string) => ({ data, owner: null, node: null });

describe('entryKey', () => {
  it('returns each object its own key', () => {
    const first = entryKey('pods', 'default', 'a');
    expect(entryKey('pods', 'default', 'b')).toBe('pods\u0000default\u0000b');
    expect(entryKey('pods', 'other', 'b')).toBe('pods\u0000other\u0000b');
    expect(entryKey('jobs', 'other', 'b')).toBe('jobs\u0000other\u0000b');
    expect(entryKey('pods', 'default', 'a')).toBe(first);
    expect(first).toBe('pods\u0000default\u0000a');
  });
});

describe('ObjectCache.row', () => {
  it('separates absent events from pods', () => {
    const cache = new ObjectCache();
    cache.remember('events', 'default', 'x', undefined);
    expect(cache.row('events', 'default', 'x')).toBeNull();
    expect(cache.row('pods', 'default', 'x')).toBeUndefined();
    expect(cache.row('events', 'default', 'y')).toBeUndefined();
  });

  it('returns cached pods beside absent events', () => {
    const cache = new ObjectCache();
    cache.remember('events', 'default', 'x', undefined);
    cache.remember('pods', 'default', 'x', row('{"kind":"Pod"}'));
    cache.remember('pods', 'default', 'gone', undefined);
    expect(cache.row('pods', 'default', 'x')?.data).toBe('{"kind":"Pod"}');
    expect(cache.row('pods', 'default', 'gone')).toBeNull();
  });

  it('forgets an absent event once written', () => {
    const cache = new ObjectCache();
    cache.remember('events', 'default', 'x', undefined);
    cache.wrote('events', 'default', 'x', row('{}'), undefined);
    expect(cache.row('events', 'default', 'x')).toBeUndefined();
  });
});
