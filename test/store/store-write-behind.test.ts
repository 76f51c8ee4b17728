import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import type { KObject } from '../../src/api/types.js';
import { StoreFixture, testPod as pod } from '../helpers/store-fixture.js';

let fixture: StoreFixture;

/** Opens another store on the same file, as another process would (its cache starts empty). */
function openStore(): Store {
  return fixture.open();
}

beforeEach(() => {
  fixture = new StoreFixture();
});

afterEach(() => fixture.dispose());

/** Reads the pod rows straight from SQLite, bypassing the store, so its pending writes stay unflushed. */
function sqliteRows(store: Store): { name: string; uid: string; rv: number; owner: string | null; node: string | null }[] {
  return store.db.prepare("SELECT name, uid, rv, owner, node FROM objects WHERE resource = 'pods' ORDER BY name").all() as never;
}

const names = (objs: KObject[]) => objs.map((o) => o.metadata.name);

describe('write-behind of object rows', () => {
  it('reads back a pending create', () => {
    const store = openStore();
    store.tx(() => {
      const created = store.create('pods', pod('a'));
      expect(sqliteRows(store)).toEqual([]);
      expect(store.exists('pods', 'default', 'a')).toBe(true);
      expect(store.get('pods', 'default', 'a')?.metadata.uid).toBe('uid-1');
      expect(store.getByUid('uid-1')?.obj.metadata.name).toBe('a');
      expect(created.metadata.resourceVersion).toBe('1');
    });
    expect(sqliteRows(store)).toEqual([{ name: 'a', uid: 'uid-1', rv: 1, owner: null, node: null }]);
  });

  it('overlays pending writes on a list query that SQLite answers', () => {
    const first = openStore();
    first.tx(() => {
      first.create('pods', pod('a', 'rs-1'));
      first.create('pods', pod('c', 'rs-1'));
      first.create('pods', pod('d', 'rs-1'));
    });
    const store = openStore();
    store.tx(() => {
      store.create('pods', pod('b', 'rs-1', 'node-1'));
      const c = store.get('pods', 'default', 'c')!;
      c.metadata.ownerReferences![0].uid = 'rs-2';
      store.update('pods', c);
      store.remove('pods', 'default', 'd');
      expect(names(store.list('pods', 'default', { owner: 'rs-1' }))).toEqual(['a', 'b']);
      expect(names(store.list('pods', 'default', { owner: 'rs-2' }))).toEqual(['c']);
      expect(names(store.list('pods', undefined, { node: 'node-1' }))).toEqual(['b']);
      expect(names(store.listUnscheduledPods())).toEqual(['a', 'c']);
      expect(store.listOwnedBy('rs-1').map((d) => d.obj.metadata.name)).toEqual(['a', 'b']);
      expect([...store.countOwnedPodsByNode('rs-1')]).toEqual([['node-1', 1]]);
      expect(sqliteRows(store).map((r) => r.name)).toEqual(['a', 'c', 'd']);
    });
    expect(sqliteRows(store).map((r) => [r.name, r.owner, r.node])).toEqual([
      ['a', 'rs-1', null],
      ['b', 'rs-1', 'node-1'],
      ['c', 'rs-2', null],
    ]);
  });

  it('indexes a pod bound after creation', () => {
    const store = openStore();
    store.tx(() => store.create('pods', pod('a', 'rs-1')));
    store.tx(() => {
      const a = store.get('pods', 'default', 'a')!;
      a.spec!.nodeName = 'node-1';
      store.update('pods', a);
    });
    expect(sqliteRows(store)).toEqual([{ name: 'a', uid: 'uid-1', rv: 2, owner: 'rs-1', node: 'node-1' }]);
    const other = openStore();
    other.tx(() => {
      expect(names(other.list('pods', undefined, { node: 'node-1' }))).toEqual(['a']);
      expect(names(other.listUnscheduledPods())).toEqual([]);
      expect(other.listOwnedBy('rs-1').map((d) => d.obj.metadata.name)).toEqual(['a']);
      expect(other.getByUid('uid-1')?.obj.spec?.nodeName).toBe('node-1');
    });
  });

  it('lists orphans in rowid order without flushing', () => {
    const store = openStore();
    store.tx(() => {
      for (const [name, owner] of [['d'], ['b', 'rs-1'], ['a'], ['c'], ['x']]) store.create('pods', pod(name!, owner));
    });
    const sqliteBefore = sqliteRows(store);
    const orphans = () => store.listOrphans('pods', 'default').map((o) => `${o.metadata.name}:${o.metadata.labels?.v ?? '-'}`);
    store.tx(() => {
      store.create('pods', pod('e'));
      const a = store.get('pods', 'default', 'a')!;
      a.metadata.labels = { v: '2' };
      store.update('pods', a);
      const b = store.get('pods', 'default', 'b')!;
      delete b.metadata.ownerReferences;
      store.update('pods', b);
      const c = store.get('pods', 'default', 'c')!;
      c.metadata.ownerReferences = pod('c', 'rs-1').metadata.ownerReferences;
      store.update('pods', c);
      store.remove('pods', 'default', 'x');
      store.create('pods', pod('x'));
      expect(orphans()).toEqual(['d:-', 'b:-', 'a:2', 'e:-', 'x:-']);
      expect(store.listOrphans('pods', 'other')).toEqual([]);
      expect(sqliteRows(store)).toEqual(sqliteBefore);
    });
    store.tx(() => expect(orphans()).toEqual(['d:-', 'b:-', 'a:2', 'e:-', 'x:-']));
  });

  it('restores pending writes when a savepoint rolls back', () => {
    const store = openStore();
    store.tx(() => {
      store.create('pods', pod('a'));
      expect(() =>
        store.savepoint(() => {
          const a = store.get('pods', 'default', 'a')!;
          a.metadata.labels = { changed: 'yes' };
          store.update('pods', a);
          store.create('pods', pod('b'));
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(store.get('pods', 'default', 'a')?.metadata.labels).toBeUndefined();
      expect(store.exists('pods', 'default', 'b')).toBe(false);
    });
    expect(sqliteRows(store).map((r) => [r.name, r.rv])).toEqual([['a', 1]]);
  });

  it('restores pending writes that a statement inside the rolled-back savepoint flushed', () => {
    const store = openStore();
    store.tx(() => {
      store.create('pods', pod('a'));
      expect(() =>
        store.savepoint(() => {
          const a = store.get('pods', 'default', 'a')!;
          a.metadata.labels = { changed: 'yes' };
          store.update('pods', a);
          expect(store.count('pods')).toBe(1);
          expect(sqliteRows(store).map((r) => [r.name, r.rv])).toEqual([['a', 2]]);
          store.create('pods', pod('b'));
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(sqliteRows(store)).toEqual([]);
      expect(store.get('pods', 'default', 'a')?.metadata.resourceVersion).toBe('1');
      expect(names(store.list('pods'))).toEqual(['a']);
    });
    expect(sqliteRows(store).map((r) => [r.name, r.rv])).toEqual([['a', 1]]);
  });

  it('lists owned pending writes in creation order', () => {
    const store = openStore();
    store.tx(() => {
      store.create('pods', pod('z', 'rs-1'));
      store.create('pods', pod('y', 'rs-1', 'node-1'));
      store.create('pods', pod('x', 'rs-2'));
      const z = store.get('pods', 'default', 'z')!;
      z.spec!.nodeName = 'node-2';
      store.update('pods', z);
      expect(store.listOwnedBy('rs-1').map((d) => d.obj.metadata.name)).toEqual(['z', 'y']);
      expect([...store.countOwnedPodsByNode('rs-1')]).toEqual([
        ['node-1', 1],
        ['node-2', 1],
      ]);
    });
    store.tx(() => expect(store.listOwnedBy('rs-1').map((d) => d.obj.metadata.name)).toEqual(['z', 'y']));
  });

  it('restores the owner index on rollback', () => {
    const store = openStore();
    store.tx(() => {
      store.create('pods', pod('a', 'rs-1'));
      expect(() =>
        store.savepoint(() => {
          const a = store.get('pods', 'default', 'a')!;
          a.metadata.ownerReferences![0].uid = 'rs-2';
          store.update('pods', a);
          expect(store.listOwnedBy('rs-1')).toEqual([]);
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(store.listOwnedBy('rs-1').map((d) => d.obj.metadata.name)).toEqual(['a']);
      expect(store.listOwnedBy('rs-2')).toEqual([]);
      expect(names(store.list('pods', 'default', { owner: 'rs-1' }))).toEqual(['a']);
    });
  });

  it('leaves no row for an object created and deleted in one transaction', () => {
    const store = openStore();
    store.tx(() => {
      store.create('pods', pod('a'));
      store.remove('pods', 'default', 'a');
      expect(store.getByUid('uid-1')).toBeUndefined();
    });
    expect(sqliteRows(store)).toEqual([]);
    expect(store.getMeta('rv')).toBe('2');
  });

  it('stores a recreated object', () => {
    const store = openStore();
    store.tx(() => store.create('pods', pod('a', 'rs-1')));
    store.tx(() => {
      store.remove('pods', 'default', 'a');
      store.create('pods', pod('a', 'rs-2', 'node-1'));
      expect(store.getByUid('uid-1')).toBeUndefined();
      expect(store.getByUid('uid-2')?.obj.metadata.name).toBe('a');
      expect(store.listOwnedBy('rs-1')).toEqual([]);
    });
    expect(sqliteRows(store)).toEqual([{ name: 'a', uid: 'uid-2', rv: 3, owner: 'rs-2', node: 'node-1' }]);
    expect(openStore().getByUid('uid-1')).toBeUndefined();
  });
});
