import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { ownerSpread, trackOwnerSpread } from '../../../src/controllers/scheduler/owner-spread.js';
import { copyForWrite } from '../../../src/controllers/write-copy.js';
import { StoreFixture, testPod } from '../../helpers/store-fixture.js';

let fixture: StoreFixture;
let store: Store;

function openStore(): Store {
  const s = fixture.open();
  s.hooks.push(trackOwnerSpread(s));
  return s;
}

const pod = (name: string, owner: string, node?: string) => testPod(name, owner, node);

/** Returns the owner's counts as a plain object, read inside a transaction. */
function spread(s: Store, owner: string): Record<string, number> {
  return s.tx(() => Object.fromEntries(ownerSpread(s, owner)));
}

beforeEach(() => {
  fixture = new StoreFixture();
  store = openStore();
});

afterEach(() => fixture.dispose());

describe('owner spread', () => {
  it('counts bound pods per node', () => {
    store.create('pods', pod('a', 'rs-1', 'n1'));
    store.create('pods', pod('b', 'rs-1', 'n1'));
    store.create('pods', pod('c', 'rs-1'));
    store.create('pods', pod('d', 'rs-2', 'n2'));
    expect(spread(store, 'rs-1')).toEqual({ n1: 2 });
  });

  it('counts an owner list loaded earlier', () => {
    store.create('pods', pod('a', 'rs-1', 'n2'));
    store.create('pods', pod('b', 'rs-1', 'n1'));
    store.create('pods', pod('c', 'rs-1', 'n2'));
    store.create('pods', pod('d', 'rs-1'));
    const counts = store.tx(() => {
      store.list('pods', undefined, { owner: 'rs-1', shared: true });
      return [...ownerSpread(store, 'rs-1')];
    });
    expect(counts).toEqual([['n1', 1], ['n2', 2]]);
  });

  it('keeps counts through status updates', () => {
    store.create('pods', pod('a', 'rs-1', 'n1'));
    const counts = store.tx(() => {
      ownerSpread(store, 'rs-1');
      const running = copyForWrite(store.get('pods', 'default', 'a', { shared: true })!, ['status']);
      running.status = { phase: 'Running' };
      store.update('pods', running, { owned: true });
      return Object.fromEntries(ownerSpread(store, 'rs-1'));
    });
    expect(counts).toEqual({ n1: 1 });
  });

  it('moves a pod whose owner changes', () => {
    store.create('pods', pod('a', 'rs-1', 'n1'));
    const counts = store.tx(() => {
      ownerSpread(store, 'rs-1');
      ownerSpread(store, 'rs-2');
      // The spec stays the stored object, so only the owner references differ.
      const adopted = copyForWrite(store.get('pods', 'default', 'a', { shared: true })!, []);
      adopted.metadata.ownerReferences = testPod('a', 'rs-2').metadata.ownerReferences;
      store.update('pods', adopted, { owned: true });
      return [Object.fromEntries(ownerSpread(store, 'rs-1')), Object.fromEntries(ownerSpread(store, 'rs-2'))];
    });
    expect(counts[0]).toEqual({});
    expect(counts[1]).toEqual({ n1: 1 });
  });

  it('follows binds and deletions in later transactions', () => {
    store.create('pods', pod('a', 'rs-1', 'n1'));
    expect(spread(store, 'rs-1')).toEqual({ n1: 1 });
    store.create('pods', pod('b', 'rs-1'));
    store.tx(() => {
      const b = store.get('pods', 'default', 'b')!;
      b.spec.nodeName = 'n2';
      store.update('pods', b);
    });
    store.remove('pods', 'default', 'a');
    expect(spread(store, 'rs-1')).toEqual({ n2: 1 });
  });

  it('counts again after another process writes', () => {
    store.create('pods', pod('a', 'rs-1', 'n1'));
    expect(spread(store, 'rs-1')).toEqual({ n1: 1 });
    const other = openStore();
    try {
      other.create('pods', pod('b', 'rs-1', 'n2'));
    } finally {
      other.db.close();
    }
    expect(spread(store, 'rs-1')).toEqual({ n1: 1, n2: 1 });
  });

  it('forgets a bind that a savepoint rolled back', () => {
    store.create('pods', pod('a', 'rs-1', 'n1'));
    store.tx(() => {
      expect(Object.fromEntries(ownerSpread(store, 'rs-1'))).toEqual({ n1: 1 });
      expect(() =>
        store.savepoint(() => {
          store.create('pods', pod('b', 'rs-1', 'n1'));
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(Object.fromEntries(ownerSpread(store, 'rs-1'))).toEqual({ n1: 1 });
    });
  });
});
