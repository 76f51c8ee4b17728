import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { StoreFixture } from '../helpers/store-fixture.js';

let fixture: StoreFixture;

beforeEach(() => {
  fixture = new StoreFixture();
});

afterEach(() => fixture.dispose());

/** Reads the timer rows straight from SQLite, so the store's pending timers stay in memory. */
function sqliteTimers(store: Store): string[] {
  const rows = store.db.prepare('SELECT due, controller, key FROM timers ORDER BY due, id').all() as { due: number; controller: string; key: string }[];
  return rows.map((r) => `${r.due} ${r.controller} ${r.key}`);
}

/** Runs `body` in a savepoint that then fails, and checks that the savepoint rethrows the failure. */
function failSavepoint(store: Store, body: () => void): void {
  expect(() =>
    store.savepoint(() => {
      body();
      throw new Error('reconcile failed');
    }),
  ).toThrow('reconcile failed');
}

/** Takes the timers due at `now` from the store, formatted as sqliteTimers formats rows. */
function takeDue(store: Store, now: number): string[] {
  return store.takeDueTimers(now).map((t) => `${t.due} ${t.controller} ${t.key}`);
}

describe('pending timers', () => {
  it('keeps timers in memory until commit', () => {
    const store = fixture.open();
    store.tx(() => {
      store.addTimer(20.5, 'kubelet', 'ns/a');
      store.addTimer(10, 'job', 'ns/b');
      expect(sqliteTimers(store)).toEqual([]);
      expect(store.nextTimerDue()).toBe(10);
      expect(store.hasTimer('kubelet', 'ns/a')).toBe(true);
      expect(store.hasTimer('kubelet', 'ns/b')).toBe(false);
      expect(store.hasTimer('job')).toBe(true);
    });
    expect(sqliteTimers(store)).toEqual(['10 job ns/b', '21 kubelet ns/a']);
    expect(fixture.open().nextTimerDue()).toBe(10);
  });

  it('takes due timers in table order', () => {
    const store = fixture.open();
    store.tx(() => {
      store.addTimer(10, 'c', 'stored-10');
      store.addTimer(20, 'c', 'stored-20');
      store.addTimer(30, 'c', 'stored-30');
    });
    store.tx(() => {
      store.addTimer(20, 'c', 'new-20');
      store.addTimer(10, 'c', 'new-10');
      store.addTimer(20, 'c', 'stored-20');
      store.addTimer(40, 'c', 'new-40');
      expect(takeDue(store, 25)).toEqual(['10 c stored-10', '10 c new-10', '20 c stored-20', '20 c new-20']);
      expect(takeDue(store, 25)).toEqual([]);
      expect(store.nextTimerDue()).toBe(30);
    });
    expect(sqliteTimers(store)).toEqual(['30 c stored-30', '40 c new-40']);
  });

  it('drops the timers of a rolled-back savepoint', () => {
    const store = fixture.open();
    store.tx(() => {
      store.addTimer(10, 'c', 'kept');
      failSavepoint(store, () => store.addTimer(20, 'c', 'dropped'));
      expect(store.hasTimer('c', 'dropped')).toBe(false);
    });
    expect(sqliteTimers(store)).toEqual(['10 c kept']);
  });

  it('restores timers flushed inside a rolled-back savepoint', () => {
    const store = fixture.open();
    store.tx(() => {
      store.addTimer(10, 'c', 'kept');
      failSavepoint(store, () => {
        store.addTimer(20, 'c', 'dropped');
        expect(store.prepared('SELECT count(*) AS n FROM timers').get()).toEqual({ n: 2 });
      });
      expect(sqliteTimers(store)).toEqual([]);
      expect(store.nextTimerDue()).toBe(10);
    });
    expect(sqliteTimers(store)).toEqual(['10 c kept']);
  });

  it('finds timer flushed after table read', () => {
    const store = fixture.open();
    store.tx(() => {
      expect(store.nextTimerDue()).toBeUndefined();
      store.addTimer(10, 'c', 'flushed');
      store.prepared('SELECT count(*) AS n FROM timers').get();
      expect(store.nextTimerDue()).toBe(10);
      expect(takeDue(store, 10)).toEqual(['10 c flushed']);
      expect(store.nextTimerDue()).toBeUndefined();
    });
    expect(sqliteTimers(store)).toEqual([]);
  });

  it('rereads next due after rollback', () => {
    const store = fixture.open();
    store.tx(() => {
      store.addTimer(10, 'c', 'kept');
      expect(store.nextTimerDue()).toBe(10);
      failSavepoint(store, () => {
        store.addTimer(5, 'c', 'dropped');
        store.prepared('SELECT count(*) AS n FROM timers').get();
        expect(store.nextTimerDue()).toBe(5);
      });
      expect(store.nextTimerDue()).toBe(10);
    });
  });

  it('sees stored rows a rollback restored', () => {
    const store = fixture.open();
    store.tx(() => store.addTimer(10, 'c', 'stored'));
    store.tx(() => {
      failSavepoint(store, () => {
        expect(takeDue(store, 10)).toEqual(['10 c stored']);
        expect(store.nextTimerDue()).toBeUndefined();
      });
      expect(store.nextTimerDue()).toBe(10);
    });
    expect(sqliteTimers(store)).toEqual(['10 c stored']);
  });

  it('reads timers added by another process', () => {
    const store = fixture.open();
    const other = fixture.open();
    store.tx(() => expect(store.nextTimerDue()).toBeUndefined());
    other.tx(() => other.addTimer(30, 'c', 'other'));
    store.tx(() => {
      expect(store.nextTimerDue()).toBe(30);
      expect(takeDue(store, 30)).toEqual(['30 c other']);
    });
  });
});
