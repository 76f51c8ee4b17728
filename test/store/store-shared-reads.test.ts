import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { StoreFixture, testPod as pod } from '../helpers/store-fixture.js';

let fixture: StoreFixture;

beforeEach(() => {
  fixture = new StoreFixture();
});

afterEach(() => fixture.dispose());

const names = (found: { obj: KObject }[]) => found.map((d) => d.obj.metadata.name);

describe('shared reads by uid and owner', () => {
  it('returns the cached object from getByUid', () => {
    const first = fixture.open();
    first.tx(() => first.create('pods', pod('a')));
    const store = fixture.open();
    store.tx(() => {
      const found = store.getByUid('uid-1', { shared: true });
      expect(found?.resource).toBe('pods');
      expect(found?.obj).toBe(store.get('pods', 'default', 'a', { shared: true }));
      expect(Object.isFrozen(found?.obj)).toBe(true);
    });
  });

  it('returns a private copy from getByUid by default', () => {
    const store = fixture.open();
    store.tx(() => {
      store.create('pods', pod('a'));
      const found = store.getByUid('uid-1');
      expect(found?.obj).not.toBe(store.get('pods', 'default', 'a', { shared: true }));
      expect(Object.isFrozen(found?.obj)).toBe(false);
    });
  });

  it('returns the cached objects from listOwnedBy', () => {
    const first = fixture.open();
    first.tx(() => first.create('pods', pod('a', 'rs-1')));
    const store = fixture.open();
    store.tx(() => {
      store.create('pods', pod('b', 'rs-1'));
      const found = store.listOwnedBy('rs-1', { shared: true });
      expect(names(found)).toEqual(['a', 'b']);
      expect(found[0].obj).toBe(store.get('pods', 'default', 'a', { shared: true }));
      expect(found[1].obj).toBe(store.get('pods', 'default', 'b', { shared: true }));
      expect(store.listOwnedBy('rs-1', { shared: true })[0].obj).toBe(found[0].obj);
    });
  });

  it('lists dependents after a rolled-back savepoint', () => {
    const store = fixture.open();
    store.tx(() => {
      store.create('pods', pod('a', 'rs-1'));
      expect(() =>
        store.savepoint(() => {
          store.create('pods', pod('b', 'rs-1'));
          store.remove('pods', 'default', 'a');
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      expect(names(store.listOwnedBy('rs-1'))).toEqual(['a']);
      store.create('pods', pod('c', 'rs-1'));
      expect(names(store.listOwnedBy('rs-1'))).toEqual(['a', 'c']);
    });
  });

  it('lists dependents flushed to SQLite', () => {
    const store = fixture.open();
    store.tx(() => {
      store.create('pods', pod('a', 'rs-1'));
      expect(store.count('pods')).toBe(1);
      store.create('pods', pod('b', 'rs-1'));
      expect(names(store.listOwnedBy('rs-1'))).toEqual(['a', 'b']);
      expect(store.listOwnedBy('rs-2')).toEqual([]);
    });
  });

  it('lists a moved dependent under its new owner', () => {
    const store = fixture.open();
    store.tx(() => store.create('pods', pod('a', 'rs-1')));
    store.tx(() => {
      const moved = store.get('pods', 'default', 'a')!;
      moved.metadata.ownerReferences![0].uid = 'rs-2';
      store.update('pods', moved);
      expect(store.listOwnedBy('rs-1')).toEqual([]);
      expect(names(store.listOwnedBy('rs-2'))).toEqual(['a']);
    });
  });

  it('returns the cached object from remove', () => {
    const store = fixture.open();
    store.tx(() => {
      store.create('pods', pod('a'));
      const cached = store.get('pods', 'default', 'a', { shared: true });
      expect(store.remove('pods', 'default', 'a')).toBe(cached);
    });
  });
});

describe('lookups of absent events', () => {
  const event = (name: string): KObject =>
    ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'a' }, reason: 'Started' }) as KObject;

  it('finds an event created after a lookup found none', () => {
    const store = fixture.open();
    store.tx(() => store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as KObject));
    store.tx(() => {
      expect(store.get('events', 'default', 'e1')).toBeUndefined();
      expect(store.exists('events', 'default', 'e1')).toBe(false);
      store.create('events', event('e1'));
      expect(store.exists('events', 'default', 'e1')).toBe(true);
    });
    store.tx(() => {
      expect(store.get('events', 'default', 'e1')?.reason).toBe('Started');
      store.remove('events', 'default', 'e1');
      expect(store.exists('events', 'default', 'e1')).toBe(false);
      store.create('events', event('e1'));
      expect(store.exists('events', 'default', 'e1')).toBe(true);
    });
  });

  it('forgets an absent event when another store creates it', () => {
    const store = fixture.open();
    store.tx(() => store.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } } as KObject));
    store.tx(() => expect(store.exists('events', 'default', 'e1')).toBe(false));
    const other = fixture.open();
    other.tx(() => other.create('events', event('e1')));
    store.tx(() => expect(store.exists('events', 'default', 'e1')).toBe(true));
  });
});

