import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../../src/store/db.js';
import { Store } from '../../../src/store/store.js';
import type { KObject } from '../../../src/api/types.js';
import { ownerSpread, trackOwnerSpread } from '../../../src/controllers/scheduler/owner-spread.js';

let dir: string;
let store: Store;
let n = 0;

function openStore(): Store {
  const s = new Store(openDatabase(join(dir, 'state.db')), () => Date.UTC(2024, 0, 1));
  s.newUid = () => `uid-${++n}`;
  s.randomSuffix = () => `s${++n}`;
  s.hooks.push(trackOwnerSpread(s));
  return s;
}

function pod(name: string, owner: string, node?: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: owner, controller: true }] },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx' }] },
  } as KObject;
}

/** Returns the owner's counts as a plain object, read inside a transaction. */
function spread(s: Store, owner: string): Record<string, number> {
  return s.tx(() => Object.fromEntries(ownerSpread(s, owner)));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubesim-spread-'));
  n = 0;
  store = openStore();
});

afterEach(() => {
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('owner spread', () => {
  it('counts bound pods per node', () => {
    store.create('pods', pod('a', 'rs-1', 'n1'));
    store.create('pods', pod('b', 'rs-1', 'n1'));
    store.create('pods', pod('c', 'rs-1'));
    store.create('pods', pod('d', 'rs-2', 'n2'));
    expect(spread(store, 'rs-1')).toEqual({ n1: 2 });
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
