import { afterEach, describe, expect, it } from 'vitest';
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
