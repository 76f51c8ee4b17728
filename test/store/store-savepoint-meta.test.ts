import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';

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
