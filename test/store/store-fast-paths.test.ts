import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../src/store/db.js';
import { Store, cloneJson } from '../../src/store/store.js';
import type { KObject } from '../../src/api/types.js';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubesim-store-'));
  store = new Store(openDatabase(join(dir, 'state.db')), () => Date.UTC(2024, 0, 1));
  let n = 0;
  store.newUid = () => `uid-${++n}`;
  store.randomSuffix = () => `s${++n}`;
});

afterEach(() => {
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function configMap(name: string, data: Record<string, string>): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data } as KObject;
}

describe('Store.update', () => {
  it('keeps resourceVersion on no-op update', () => {
    const created = store.create('configmaps', configMap('a', { k: 'v' }));
    const again = store.update('configmaps', configMap('a', { k: 'v' }));
    expect(again.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it('stores the new resourceVersion', () => {
    store.create('configmaps', configMap('a', { k: 'v' }));
    const updated = store.update('configmaps', configMap('a', { k: 'w' }));
    expect(store.get('configmaps', 'default', 'a')).toEqual(updated);
    expect(updated.metadata.resourceVersion).toBe('2');
  });

  it('ignores a resourceVersion data key', () => {
    store.create('configmaps', configMap('a', { resourceVersion: '1' }));
    const updated = store.update('configmaps', configMap('a', { resourceVersion: '1', more: 'x' }));
    expect(store.get('configmaps', 'default', 'a')!.data).toEqual({ resourceVersion: '1', more: 'x' });
    expect(updated.metadata.resourceVersion).toBe('2');
  });

  it('leaves the input object untouched', () => {
    const input = configMap('a', { k: 'v' });
    store.create('configmaps', input);
    expect(input.metadata).toEqual({ name: 'a', namespace: 'default' });
  });
});

describe('Store.savepoint', () => {
  it('undoes meta writes on failure', () => {
    store.tx(() => {
      store.setMeta('counter', '1');
      expect(() =>
        store.savepoint(() => {
          store.setMeta('counter', '2');
          store.setMeta('other', 'x');
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(store.getMeta('counter')).toBe('1');
      expect(store.getMeta('other')).toBeUndefined();
    });
    expect(store.getMeta('counter')).toBe('1');
    expect(store.getMeta('other')).toBeUndefined();
  });

  it('keeps meta writes on success', () => {
    store.tx(() => store.savepoint(() => store.setMeta('counter', '3')));
    expect(store.getMeta('counter')).toBe('3');
  });

  it('discards meta writes on rollback', () => {
    expect(() =>
      store.tx(() => {
        store.setMeta('counter', '4');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.getMeta('counter')).toBeUndefined();
  });
});

describe('cloneJson', () => {
  it('copies nested values unshared', () => {
    const source = { a: [{ b: 1 }, null, 'x'], c: { d: true } };
    const copy = cloneJson(source);
    expect(copy).toEqual(source);
    copy.a[0] = { b: 2 };
    (copy.c as { d: boolean }).d = false;
    expect(source).toEqual({ a: [{ b: 1 }, null, 'x'], c: { d: true } });
  });
});

describe('owned writes', () => {
  it('fills in and returns the handed-over object', () => {
    const input = configMap('a', { k: 'v' });
    const created = store.create('configmaps', input, { owned: true });
    expect(created).toBe(input);
    expect(created.metadata.resourceVersion).toBe('1');
  });

  it('keeps the handed-over object as the cached one', () => {
    store.create('configmaps', configMap('a', { k: 'v' }));
    store.tx(() => {
      const mine = store.get('configmaps', 'default', 'a')!;
      mine.data = { k: 'w' };
      const saved = store.update('configmaps', mine, { owned: true });
      expect(saved).toBe(mine);
      expect(store.list('configmaps', 'default', { shared: true })[0]).toBe(mine);
      expect(() => {
        saved.data.k = 'changed after the write';
      }).toThrow(TypeError);
    });
    expect(store.tx(() => store.get('configmaps', 'default', 'a')!.data)).toEqual({ k: 'w' });
  });

  it('leaves the version alone on a no-op update', () => {
    const created = store.create('configmaps', configMap('a', { k: 'v' }));
    const same = cloneJson(created);
    store.update('configmaps', same, { owned: true });
    expect(same.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });
});
