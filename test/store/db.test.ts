import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase, tuneForLongSettle } from '../../src/store/db.js';
import { StoreFixture } from '../helpers/store-fixture.js';

let fixture: StoreFixture;

afterEach(() => fixture?.dispose());

function plan(sql: string): string[] {
  const db = fixture.open().db;
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail);
}

describe('pod-only indexes', () => {
  it('uses objects_orphans for orphan pods', () => {
    fixture = new StoreFixture();

    expect(plan("SELECT data FROM objects WHERE resource = 'pods' AND namespace = 'default' AND owner IS NULL")).toEqual([
      'SEARCH objects USING INDEX objects_orphans (resource=? AND namespace=?)',
    ]);
  });

  it('leaves events out of pod indexes', () => {
    fixture = new StoreFixture();
    const db = fixture.open().db;

    expect(() => db.prepare("SELECT name FROM objects INDEXED BY objects_orphans WHERE resource = 'events' AND namespace = 'default' AND owner IS NULL")).toThrow('no query solution');
    expect(() => db.prepare("SELECT name FROM objects INDEXED BY objects_unscheduled WHERE resource = 'events' AND node IS NULL")).toThrow('no query solution');
  });
});

describe('long settle tuning', () => {
  it('widens and restores the window', () => {
    fixture = new StoreFixture();
    const db = fixture.open().db;
    const ordinary = db.pragma('wal_autocheckpoint', { simple: true });
    tuneForLongSettle(db, true);
    const wide = db.pragma('wal_autocheckpoint', { simple: true });
    tuneForLongSettle(db, false);
    const restored = db.pragma('wal_autocheckpoint', { simple: true });

    expect(ordinary).toBe(10000);
    expect(wide).toBe(40000);
    expect(restored).toBe(10000);
  });

  it('raises and restores the spill threshold', () => {
    fixture = new StoreFixture();
    const db = fixture.open().db;
    const ordinary = db.pragma('cache_spill', { simple: true });
    tuneForLongSettle(db, true);
    const raised = db.pragma('cache_spill', { simple: true });
    tuneForLongSettle(db, false);
    const restored = db.pragma('cache_spill', { simple: true });

    // Spilling stays on: the pragma reads the cache's page count (16 MiB of pages) or the threshold, whichever is larger.
    expect(ordinary).toBe(3964);
    expect(raised).toBe(8000);
    expect(restored).toBe(3964);
  });
});

describe('last_write migration', () => {
  it('fills last_write from stored event timestamps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-db-'));
    const file = join(dir, 'state.db');
    // The objects table and event index of schema version 7, with two events and a pod.
    const old = new BetterSqlite3(file);
    old.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE objects (resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
        uid TEXT NOT NULL, rv INTEGER NOT NULL, owner TEXT, node TEXT, data TEXT NOT NULL);
      CREATE INDEX objects_event_last_write ON objects(
        coalesce(json_extract(data, '$.lastTimestamp'), json_extract(data, '$.metadata.creationTimestamp'))) WHERE resource = 'events';`);
    const insert = old.prepare('INSERT INTO objects(resource, namespace, name, uid, rv, data) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('events', 'default', 'a', 'u1', 1, JSON.stringify({ metadata: { creationTimestamp: '2022-05-31T07:00:00Z' }, lastTimestamp: '2022-05-31T07:30:05Z' }));
    insert.run('events', 'default', 'b', 'u2', 2, JSON.stringify({ metadata: { creationTimestamp: '2022-05-31T07:10:00Z' }, lastTimestamp: null }));
    insert.run('pods', 'default', 'p', 'u3', 3, JSON.stringify({ metadata: { creationTimestamp: '2022-05-31T07:00:00Z' } }));
    old.pragma('user_version = 7');
    old.close();

    const db = openDatabase(file);
    const rows = db.prepare('SELECT name, last_write FROM objects ORDER BY name').all();
    const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'objects_event_last_write'").get() as { sql: string };
    db.close();
    rmSync(dir, { recursive: true, force: true });

    expect(rows).toEqual([
      { name: 'a', last_write: Date.parse('2022-05-31T07:30:05Z') },
      { name: 'b', last_write: Date.parse('2022-05-31T07:10:00Z') },
      { name: 'p', last_write: null },
    ]);
    expect(index.sql).toBe("CREATE INDEX objects_event_last_write ON objects(last_write) WHERE resource = 'events'");
  });
});
