import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import type { KObject } from '../../src/api/types.js';
import { StoreFixture, testConfigMap as configMap, testPod } from '../helpers/store-fixture.js';

let fixture: StoreFixture;
let store: Store;

beforeEach(() => {
  fixture = new StoreFixture();
  store = fixture.open();
});

afterEach(() => fixture.dispose());

/** Counts the queries by owner that the store runs from now on (the store prepares lazily). */
function countOwnerQueries(): { n: number } {
  const count = { n: 0 };
  const db = store.db as any;
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) => {
    const statement = prepare(sql);
    if (!/WHERE owner = \?/.test(sql)) return statement;
    const all = statement.all.bind(statement);
    statement.all = (...args: unknown[]) => {
      count.n++;
      return all(...args);
    };
    return statement;
  };
  return count;
}

const names = (objs: KObject[]) => objs.map((o) => o.metadata.name);

describe('lists by an owner created in the transaction', () => {
  it('lists pods without a query', () => {
    const queries = countOwnerQueries();
    store.tx(() => {
      const uid = store.create('configmaps', configMap('owner')).metadata.uid!;
      store.create('pods', testPod('b', uid));
      store.create('pods', testPod('a', uid));
      store.create('pods', testPod('other', 'uid-elsewhere'));
      expect(names(store.list('pods', 'default', { owner: uid }))).toEqual(['a', 'b']);
      expect(store.listOwnedBy(uid).map((d) => d.obj.metadata.name)).toEqual(['b', 'a']);
    });
    expect(queries.n).toBe(0);
  });

  it('queries once rows reached SQLite', () => {
    const queries = countOwnerQueries();
    store.tx(() => {
      const uid = store.create('configmaps', configMap('owner')).metadata.uid!;
      store.create('pods', testPod('a', uid));
      // Counting runs SQL over the objects table, which sends the pending rows first.
      expect(store.count('pods')).toBe(1);
      store.create('pods', testPod('b', uid));
      expect(names(store.list('pods', 'default', { owner: uid }))).toEqual(['a', 'b']);
      expect(store.listOwnedBy(uid).map((d) => d.obj.metadata.name)).toEqual(['a', 'b']);
    });
    expect(queries.n).toBe(2);
  });

  it('queries for an owner from an earlier transaction', () => {
    const uid = store.tx(() => store.create('configmaps', configMap('owner')).metadata.uid!);
    store.tx(() => store.create('pods', testPod('a', uid)));
    const queries = countOwnerQueries();
    store.tx(() => {
      expect(names(store.list('pods', 'default', { owner: uid }))).toEqual(['a']);
    });
    expect(queries.n).toBe(1);
  });
});
