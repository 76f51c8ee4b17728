import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { StoreFixture, testPod } from '../helpers/store-fixture.js';

let fixture: StoreFixture;

beforeEach(() => {
  fixture = new StoreFixture();
});

afterEach(() => fixture.dispose());

/** Counts the log rows straight in SQLite, so the store's deferred writes stay deferred. */
function sqliteLogRows(store: Store): number {
  return (store.db.prepare('SELECT count(*) AS n FROM logs').get() as { n: number }).n;
}

const line = (ts: number, text: string) => ({ ts, stream: 'stdout', line: text });

describe('deferred log writes', () => {
  it('writes appended logs at commit', () => {
    const store = fixture.open();
    store.tx(() => {
      store.appendLogs('uid-a', 'c', 0, [line(1, 'one')]);
      expect(sqliteLogRows(store)).toBe(0);
    });
    expect(sqliteLogRows(store)).toBe(1);
  });

  it('reads logs appended in the same transaction', () => {
    const store = fixture.open();
    store.tx(() => {
      store.appendLogs('uid-a', 'c', 0, [line(1, 'one')]);
      store.appendLogs('uid-a', 'c', 0, [line(2, 'two')]);
      expect(store.readLogs('uid-a', 'c', 0, 10).map((l) => l.line)).toEqual(['one', 'two']);
    });
  });

  it('drops the log writes of a rolled-back savepoint', () => {
    const store = fixture.open();
    store.tx(() => {
      store.appendLogs('uid-a', 'c', 0, [line(1, 'kept')]);
      expect(() =>
        store.savepoint(() => {
          store.appendLogs('uid-a', 'c', 0, [line(2, 'dropped')]);
          expect(store.readLogs('uid-a', 'c', 0, 10)).toHaveLength(2);
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(sqliteLogRows(store)).toBe(0);
    });
    expect(store.readLogs('uid-a', 'c', 0, 10).map((l) => l.line)).toEqual(['kept']);
  });

  it('deletes a removed pod logs at commit', () => {
    const store = fixture.open();
    const uid = store.tx(() => store.create('pods', testPod('a')).metadata.uid!);
    store.tx(() => store.appendLogs(uid, 'c', 0, [line(1, 'one')]));
    store.tx(() => {
      store.remove('pods', 'default', 'a');
      expect(sqliteLogRows(store)).toBe(1);
    });
    expect(sqliteLogRows(store)).toBe(0);
  });
});
