import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import type { KObject } from '../../src/api/types.js';
import { StoreFixture, testConfigMap as configMap } from '../helpers/store-fixture.js';

let fixture: StoreFixture;
let store: Store;

beforeEach(() => {
  fixture = new StoreFixture();
  store = fixture.open();
});

afterEach(() => fixture.dispose());

function event(name: string, count = 1): KObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, reason: 'Tested', count } as KObject;
}

const ONLY_THIS_TX = { onlyThisTx: true };

describe('Store.createdInTx', () => {
  it('reports an object created in the current transaction', () => {
    store.tx(() => {
      const uid = store.create('configmaps', configMap('a')).metadata.uid!;
      expect(store.createdInTx(uid)).toBe(true);
    });
  });

  it('forgets the creates when the transaction ends', () => {
    const uid = store.create('configmaps', configMap('a')).metadata.uid!;
    store.tx(() => expect(store.createdInTx(uid)).toBe(false));
  });

  it('does not report an object that was only updated', () => {
    const uid = store.create('configmaps', configMap('a')).metadata.uid!;
    store.tx(() => {
      store.update('configmaps', { ...configMap('a'), data: { k: 'v' } });
      expect(store.createdInTx(uid)).toBe(false);
    });
  });

  it('forgets every create when a savepoint rolls back', () => {
    store.tx(() => {
      const before = store.create('configmaps', configMap('a')).metadata.uid!;
      let undone = '';
      expect(() =>
        store.savepoint(() => {
          undone = store.create('configmaps', configMap('b')).metadata.uid!;
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(store.createdInTx(before)).toBe(false);
      expect(store.createdInTx(undone)).toBe(false);
    });
  });
});

describe('Store.get with onlyThisTx', () => {
  it('skips a committed object, as the caller vouched none exists', () => {
    store.create('events', event('a.1'));
    store.tx(() => expect(store.get('events', 'default', 'a.1', ONLY_THIS_TX)).toBeUndefined());
  });

  it('reads an object written earlier in the transaction', () => {
    store.tx(() => {
      store.create('events', event('a.1', 3));
      expect(store.get('events', 'default', 'a.1', ONLY_THIS_TX)?.count).toBe(3);
    });
  });

  it('reads an object whose write reached SQLite before the commit', () => {
    store.tx(() => {
      store.create('events', event('a.1', 3));
      // Counting runs SQL over the objects table, which sends the pending writes first.
      expect(store.count('events')).toBe(1);
      expect(store.get('events', 'default', 'a.1', ONLY_THIS_TX)?.count).toBe(3);
    });
  });

  it('lets a create follow a miss', () => {
    store.tx(() => {
      expect(store.get('events', 'default', 'a.1', ONLY_THIS_TX)).toBeUndefined();
      store.create('events', event('a.1'));
    });
    expect(store.get('events', 'default', 'a.1')?.count).toBe(1);
  });

  it('reads a cached resource as a plain get does', () => {
    store.create('configmaps', configMap('a'));
    store.tx(() => expect(store.get('configmaps', 'default', 'a', ONLY_THIS_TX)?.metadata.name).toBe('a'));
  });

  it('reads as a plain get outside a transaction', () => {
    store.create('events', event('a.1'));
    expect(store.get('events', 'default', 'a.1', ONLY_THIS_TX)?.metadata.name).toBe('a.1');
  });
});

describe('Store.getMetaValue with onlyThisTx', () => {
  it('skips a committed value', () => {
    store.setMeta('k', 'committed');
    store.tx(() => expect(store.getMetaValue('k', ONLY_THIS_TX)).toBeUndefined());
  });

  it('reads a value written in the transaction', () => {
    store.tx(() => {
      store.setMeta('k', 'written');
      expect(store.getMetaValue('k', ONLY_THIS_TX)).toBe('written');
    });
  });
});

/** Writes a meta value inside a savepoint that then fails, so the savepoint rolls back. */
function writeInFailingSavepoint(key: string, value: string): void {
  expect(() =>
    store.savepoint(() => {
      store.setMeta(key, value);
      throw new Error('reconcile failed');
    }),
  ).toThrow('reconcile failed');
}

describe('Store meta values under a savepoint that rolls back', () => {
  it('restores a committed value after rollback', () => {
    store.setMeta('k', 'committed');
    store.tx(() => {
      writeInFailingSavepoint('k', 'written');
      expect(store.getMeta('k')).toBe('committed');
    });
  });

  it('leaves a key absent that only the savepoint wrote', () => {
    store.tx(() => {
      writeInFailingSavepoint('k', 'written');
      expect(store.getMeta('k')).toBeUndefined();
    });
    expect(store.getMeta('k')).toBeUndefined();
  });

  it('puts back a value the transaction wrote before the savepoint', () => {
    store.tx(() => {
      store.setMeta('k', 'before');
      expect(() =>
        store.savepoint(() => {
          store.setMeta('k', 'one');
          store.setMeta('k', 'two');
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(store.getMeta('k')).toBe('before');
    });
    expect(store.getMeta('k')).toBe('before');
  });
});
