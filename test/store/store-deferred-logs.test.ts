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

/** Records the first word of every statement over the logs table that the store runs from now on (the store prepares lazily). */
function countLogStatements(store: Store): string[] {
  const ran: string[] = [];
  const db = store.db as any;
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    const statement = prepare(sql);
    if (!/\blogs\b/.test(sql)) return statement;
    const run = statement.run.bind(statement);
    statement.run = (...args: unknown[]) => {
      ran.push(sql.split(' ')[0]);
      return run(...args);
    };
    return statement;
  };
  return ran;
}

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

  it('skips logs of a short-lived pod', () => {
    const store = fixture.open();
    const ran = countLogStatements(store);
    store.tx(() => {
      const uid = store.create('pods', testPod('a')).metadata.uid!;
      store.appendLogs(uid, 'c', 0, [line(1, 'one')]);
      store.remove('pods', 'default', 'a');
    });
    expect(ran).toEqual([]);
    expect(sqliteLogRows(store)).toBe(0);
  });

  it('keeps logs when the removal rolls back', () => {
    const store = fixture.open();
    store.tx(() => {
      const uid = store.create('pods', testPod('a')).metadata.uid!;
      store.appendLogs(uid, 'c', 0, [line(1, 'one')]);
      expect(() =>
        store.savepoint(() => {
          store.remove('pods', 'default', 'a');
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
    });
    expect(sqliteLogRows(store)).toBe(1);
  });

  it('deletes logs read back before the removal', () => {
    const store = fixture.open();
    store.tx(() => {
      const uid = store.create('pods', testPod('a')).metadata.uid!;
      store.appendLogs(uid, 'c', 0, [line(1, 'one')]);
      // Reading sends the deferred INSERT to SQLite, so the removal must delete the row.
      expect(store.readLogs(uid, 'c', 0, 10)).toHaveLength(1);
      store.remove('pods', 'default', 'a');
    });
    expect(sqliteLogRows(store)).toBe(0);
  });
});
