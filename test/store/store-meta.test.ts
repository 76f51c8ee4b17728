import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import type { DeferredMeta } from '../../src/store/meta-values.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubesim-store-'));
  store = new Store(openDatabase(join(dir, 'state.db')), () => Date.UTC(2024, 0, 1));
});

afterEach(() => {
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A deferred value that counts how often it is encoded. */
class Counted implements DeferredMeta {
  encodes = 0;
  constructor(readonly value: string) {}
  text(): string {
    this.encodes++;
    return this.value;
  }
}

function storedValue(key: string): string | undefined {
  return (store.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

describe('Store deferred meta values', () => {
  it('encodes the last value once at commit', () => {
    const first = new Counted('one');
    const last = new Counted('two');
    store.tx(() => {
      store.setMeta('k', first);
      store.setMeta('k', last);
      expect(last.encodes).toBe(0);
    });

    expect([first.encodes, last.encodes]).toEqual([0, 1]);
    expect(storedValue('k')).toBe('two');
  });

  it('returns the written value unencoded', () => {
    const value = new Counted('one');
    const read = store.tx(() => {
      store.setMeta('k', value);
      return store.getMetaValue('k');
    });

    expect(read).toBe(value);
  });

  it('reads a deferred value as text', () => {
    const text = store.tx(() => {
      store.setMeta('k', new Counted('one'));
      return store.getMeta('k');
    });

    expect(text).toBe('one');
  });

  it('restores the value on rollback', () => {
    const previous = new Counted('previous');
    const read = store.tx(() => {
      store.setMeta('k', previous);
      expect(() =>
        store.savepoint(() => {
          store.setMeta('k', new Counted('dropped'));
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      return store.getMetaValue('k');
    });

    expect(read).toBe(previous);
    expect(storedValue('k')).toBe('previous');
  });

  it('writes at once outside transactions', () => {
    store.setMeta('k', new Counted('now'));

    expect(storedValue('k')).toBe('now');
  });
});

describe('Store savepoints and meta values', () => {
  it('rolls back a finished inner write', () => {
    store.tx(() => store.setMeta('k', 'before'));
    store.tx(() => {
      expect(() =>
        store.savepoint(() => {
          store.savepoint(() => store.setMeta('k', 'inner'));
          throw new Error('outer fails');
        }),
      ).toThrow('outer fails');
      expect(store.getMeta('k')).toBe('before');
    });

    expect(store.getMeta('k')).toBe('before');
  });

  it('keeps an inner write when the outer succeeds', () => {
    store.tx(() => {
      store.savepoint(() => {
        store.savepoint(() => store.setMeta('k', 'inner'));
      });
    });

    expect(store.getMeta('k')).toBe('inner');
  });

  it('rolls back only the failed inner level', () => {
    store.tx(() => {
      store.savepoint(() => {
        store.setMeta('a', 'outer');
        expect(() =>
          store.savepoint(() => {
            store.setMeta('b', 'inner');
            throw new Error('inner fails');
          }),
        ).toThrow('inner fails');
      });
    });

    expect([store.getMeta('a'), store.getMeta('b')]).toEqual(['outer', undefined]);
  });
});
