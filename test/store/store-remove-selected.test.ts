import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
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

function event(name: string, reason: string): KObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, reason } as KObject;
}

function names(resource: string): string[] {
  return store.list(resource, 'default').map((o) => o.metadata.name);
}

const BY_REASON = "SELECT rowid FROM objects WHERE json_extract(data, '$.reason') = ?";

describe('Store.removeSelected', () => {
  it('deletes the selected objects and returns how many', () => {
    store.create('events', event('a', 'Pulled'));
    store.create('events', event('b', 'Started'));
    store.create('events', event('c', 'Pulled'));

    expect(store.removeSelected('events', BY_REASON, 'Pulled')).toBe(2);
    expect(names('events')).toEqual(['b']);
  });

  it('keeps selected rows of other resources', () => {
    store.create('events', event('a', 'Pulled'));
    store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, reason: 'Pulled' } as KObject);

    expect(store.removeSelected('events', BY_REASON, 'Pulled')).toBe(1);
    expect(names('configmaps')).toEqual(['c']);
  });

  it('takes one resourceVersion per deleted object', () => {
    store.create('events', event('a', 'Pulled'));
    store.create('events', event('b', 'Pulled'));
    store.removeSelected('events', BY_REASON, 'Pulled');

    expect(store.create('events', event('c', 'Started')).metadata.resourceVersion).toBe('5');
    expect(store.writesOf('events')).toBe(5);
  });

  it('keeps the resourceVersion when nothing matches', () => {
    store.create('events', event('a', 'Pulled'));

    expect(store.removeSelected('events', BY_REASON, 'Killing')).toBe(0);
    expect(store.create('events', event('b', 'Started')).metadata.resourceVersion).toBe('2');
  });

  it('undoes its deletes with a rolled-back savepoint', () => {
    store.create('events', event('a', 'Pulled'));
    store.tx(() => {
      expect(() =>
        store.savepoint(() => {
          store.removeSelected('events', BY_REASON, 'Pulled');
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
    });

    expect(names('events')).toEqual(['a']);
  });
});

describe('event last_write', () => {
  function lastWrites(): { name: string; last_write: number | null }[] {
    return store.db.prepare('SELECT name, last_write FROM objects ORDER BY name').all() as { name: string; last_write: number | null }[];
  }

  it('stamps last_write on events only', () => {
    const at = Date.UTC(2024, 0, 1, 0, 0, 7, 600);
    store.now = () => at;
    store.create('events', event('a', 'Pulled'));
    store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } } as KObject);

    expect(lastWrites()).toEqual([
      { name: 'a', last_write: Date.UTC(2024, 0, 1, 0, 0, 7) },
      { name: 'c', last_write: null },
    ]);
  });

  it('moves last_write with each update', () => {
    store.create('events', event('a', 'Pulled'));
    const later = Date.UTC(2024, 0, 1, 0, 30);
    store.now = () => later;
    const stored = store.get('events', 'default', 'a')!;
    store.update('events', { ...stored, count: 2 });

    expect(lastWrites()).toEqual([{ name: 'a', last_write: later }]);
  });
});
