import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import type { KObject } from '../../src/api/types.js';

let dir: string;
let store: Store;

function open(): Store {
  const s = new Store(openDatabase(join(dir, 'state.db')), () => 0);
  let n = 0;
  s.newUid = () => `uid-${++n}`;
  s.randomSuffix = () => `s${++n}`;
  return s;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kubesim-logs-'));
  store = open();
});

afterEach(() => {
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const out = (ts: number, line: string) => ({ ts, stream: 'stdout', line });
const texts = (lines: { line: string }[]) => lines.map((l) => l.line);

describe('Store container logs', () => {
  it('stores one row per append call', () => {
    store.tx(() => store.appendLogs('p', 'c', 0, [out(1000, 'a'), out(1000, 'b'), out(2000, 'c')]));
    expect((store.db.prepare('SELECT count(*) AS n FROM logs').get() as { n: number }).n).toBe(1);
  });

  it('hides lines until their timestamp', () => {
    store.tx(() => store.appendLogs('p', 'c', 0, [out(1000, 'a'), out(2000, 'b'), out(3000, 'c')]));
    expect(texts(store.readLogs('p', 'c', 0, 999))).toEqual([]);
    expect(texts(store.readLogs('p', 'c', 0, 2000))).toEqual(['a', 'b']);
    expect(texts(store.readLogs('p', 'c', 0, 5000))).toEqual(['a', 'b', 'c']);
  });

  it('orders by timestamp then append', () => {
    store.tx(() => {
      store.appendLogs('p', 'c', 0, [out(2000, 'first-at-2'), out(1000, 'at-1'), out(3000, 'at-3')]);
      store.appendLogs('p', 'c', 0, [out(2000, 'second-at-2'), out(500, 'at-0.5')]);
    });
    expect(texts(store.readLogs('p', 'c', 0, 10_000))).toEqual(['at-0.5', 'at-1', 'first-at-2', 'second-at-2', 'at-3']);
  });

  it('keeps stream, floors timestamp, separates attempts', () => {
    store.tx(() => {
      store.appendLogs('p', 'c', 0, [{ ts: 1500.7, stream: 'stderr', line: 'oops' }]);
      store.appendLogs('p', 'c', 1, [out(1000, 'attempt 1')]);
      store.appendLogs('p', 'd', 0, [out(1000, 'other container')]);
    });
    expect(store.readLogs('p', 'c', 0, 10_000)).toEqual([{ ts: 1500, stream: 'stderr', line: 'oops' }]);
    expect(texts(store.readLogs('p', 'c', 1, 10_000))).toEqual(['attempt 1']);
    expect(texts(store.readLogs('p', 'd', 0, 10_000))).toEqual(['other container']);
  });

  it('truncates lines after a kill', () => {
    store.tx(() => {
      store.appendLogs('p', 'c', 0, [out(1000, 'a'), out(2000, 'b'), out(3000, 'c')]);
      store.appendLogs('p', 'c', 0, [out(4000, 'd')]);
      store.appendLogs('p', 'c', 1, [out(4000, 'next attempt')]);
      store.truncateLogs('p', 'c', 0, 2000);
    });
    expect(texts(store.readLogs('p', 'c', 0, 10_000))).toEqual(['a', 'b']);
    expect(store.nextLogTime('p', 'c', 0, 2000)).toBeUndefined();
    expect(texts(store.readLogs('p', 'c', 1, 10_000))).toEqual(['next attempt']);
  });

  it('finds the next line time', () => {
    store.tx(() => {
      store.appendLogs('p', 'c', 0, [out(1000, 'a'), out(5000, 'e')]);
      store.appendLogs('p', 'c', 0, [out(3000, 'c')]);
    });
    expect(store.nextLogTime('p', 'c', 0, 0)).toBe(1000);
    expect(store.nextLogTime('p', 'c', 0, 1000)).toBe(3000);
    expect(store.nextLogTime('p', 'c', 0, 3000)).toBe(5000);
    expect(store.nextLogTime('p', 'c', 0, 5000)).toBeUndefined();
  });

  it('deletes logs with the pod', () => {
    const pod = store.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: {} } as KObject);
    store.tx(() => {
      store.appendLogs(pod.metadata.uid!, 'c', 0, [out(1000, 'a')]);
      store.appendLogs('other', 'c', 0, [out(1000, 'kept')]);
    });
    store.remove('pods', 'default', 'web');
    expect(store.readLogs(pod.metadata.uid!, 'c', 0, 10_000)).toEqual([]);
    expect(texts(store.readLogs('other', 'c', 0, 10_000))).toEqual(['kept']);
  });

  it('migrates one-row-per-line logs', () => {
    store.db.close();
    rmSync(join(dir, 'state.db'));
    const old = new BetterSqlite3(join(dir, 'state.db'));
    old.exec(`CREATE TABLE logs (id INTEGER PRIMARY KEY, pod_uid TEXT NOT NULL, container TEXT NOT NULL,
      attempt INTEGER NOT NULL, ts INTEGER NOT NULL, stream TEXT NOT NULL, line TEXT NOT NULL);
      CREATE INDEX logs_pod ON logs(pod_uid, container, attempt, ts);
      CREATE TABLE objects (resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
        uid TEXT NOT NULL, rv INTEGER NOT NULL, owner TEXT, node TEXT, data TEXT NOT NULL);`);
    const insert = old.prepare('INSERT INTO logs(pod_uid, container, attempt, ts, stream, line) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('p', 'c', 0, 2000, 'stdout', 'second');
    insert.run('p', 'c', 0, 1000, 'stderr', 'first');
    insert.run('p', 'c', 0, 2000, 'stdout', 'third');
    insert.run('p', 'c', 0, 9000, 'stdout', 'later');
    old.pragma('user_version = 2');
    old.close();
    store = open();
    expect(store.readLogs('p', 'c', 0, 5000)).toEqual([
      { ts: 1000, stream: 'stderr', line: 'first' },
      { ts: 2000, stream: 'stdout', line: 'second' },
      { ts: 2000, stream: 'stdout', line: 'third' },
    ]);
    expect(store.nextLogTime('p', 'c', 0, 5000)).toBe(9000);
  });
});
