/**
 * Event expiry as kube-apiserver's --event-ttl (default 1h) does it: etcd
 * deletes an Event when the lease attached at its last write runs out. A
 * sweep runs when simulated time reaches the earliest expiry. It deletes
 * the due stored events in one statement over an index on their last write
 * (the store's last_write column). The due events that the transaction
 * created are dropped before they reach SQLite. Its cost therefore follows
 * the events that expire, not the events stored.
 */
import type { Store } from '../store/store.js';
import type { Controller } from './controller.js';
import { deleteExpiredEventState } from './event-state.js';

/** kube-apiserver's default --event-ttl. */
export const EVENT_TTL_MS = 3_600_000;
/**
 * kube-apiserver reuses one etcd lease for the writes of a minute and grants
 * it TTL + 60 s, so an event expires between 1h and 1h01m after its last
 * write. kubesim expires it at the first whole minute at or after 1h, which
 * lets one sweep take all the events of a minute.
 */
const LEASE_REUSE_MS = 60_000;
/** Maximum time (ms) an event stays stored after its last write. */
export const EVENT_LIFETIME_MS = EVENT_TTL_MS + LEASE_REUSE_MS;

export const EVENT_TTL_CONTROLLER = 'event-ttl';
const SWEEP_KEY = 'expired';
/** Events deleted per reconcile; the sweep wakes again at once when more are due. */
const SWEEP_BATCH = 2000;

/** Per store: the transaction that last confirmed a pending sweep timer, so a burst of events checks once. */
const sweepConfirmedTx = new WeakMap<Store, number>();

/** The earliest last write (ms) among stored events as a sweep read it, with the store's serials at that read. */
interface StoredEarliest {
  tx: number;
  rows: number;
  last: number | null;
}

/**
 * Per store: the last sweep's reading of the earliest stored event. While
 * no event row has reached SQLite since, that earliest last write can only
 * have moved later, so a sweep with an earlier cut-off skips its SQL.
 */
const storedEarliest = new WeakMap<Store, StoredEarliest>();

/** Returns when an event last written at `lastWriteMs` expires (ms, a whole minute). */
export function eventExpiry(lastWriteMs: number): number {
  return Math.ceil((lastWriteMs + EVENT_TTL_MS) / LEASE_REUSE_MS) * LEASE_REUSE_MS;
}

/**
 * Makes sure a sweep is pending for an event just written at `lastWriteMs`.
 * The sweep reschedules itself for the earliest remaining expiry, so only
 * an empty schedule needs a timer here.
 */
export function scheduleEventExpiry(store: Store, lastWriteMs: number): void {
  if (sweepConfirmedTx.get(store) === store.txSerial) return;
  if (!store.hasTimer(EVENT_TTL_CONTROLLER)) store.addTimer(eventExpiry(lastWriteMs), EVENT_TTL_CONTROLLER, SWEEP_KEY);
  sweepConfirmedTx.set(store, store.txSerial);
}

/**
 * Deletes up to `limit` events that have expired at `now`, and the
 * recorders' records that no longer matter. Returns the number of events
 * deleted and when the next one expires (undefined when none is stored).
 */
export function expireEvents(store: Store, now: number, limit = SWEEP_BATCH): { deleted: number; next: number | undefined } {
  // Expiry times are whole minutes, so at `now` everything written up to a minute-aligned cut-off has expired.
  const cutoff = Math.floor(now / LEASE_REUSE_MS) * LEASE_REUSE_MS - EVENT_TTL_MS;
  const batch = Math.max(1, Math.floor(limit));
  let deleted = 0;
  let storedLast: number | null;
  const known = storedEarliest.get(store);
  if (known !== undefined && store.db.inTransaction && known.tx === store.txSerial && known.rows === store.rowsSerial && (known.last === null || known.last > cutoff)) {
    // No stored event is due.
    storedLast = known.last;
  } else {
    // removeSelected sends this transaction's pending writes over stored events to SQLite first, so the index reflects them.
    // Nothing acts on an event's deletion (no controller watches events, admission and the write
    // hooks ignore them), so one statement deletes the due stored events without decoding them.
    // The limit is in the SQL text because a bound LIMIT made SQLite recompile the statement on every run.
    // The queries name the index because without statistics SQLite prefers objects_key and would read every event.
    deleted = store.removeSelected(
      'events',
      `SELECT rowid FROM objects INDEXED BY objects_event_last_write WHERE resource = 'events' AND last_write <= ? LIMIT ${batch}`,
      cutoff,
    );
    const stored = store.preparedStored('events', "SELECT min(last_write) AS last FROM objects INDEXED BY objects_event_last_write WHERE resource = 'events'").get() as {
      last: number | null;
    };
    storedLast = stored.last;
    if (store.db.inTransaction) storedEarliest.set(store, { tx: store.txSerial, rows: store.rowsSerial, last: storedLast });
  }
  // A settling transaction can span more simulated time than an event lives, so the events it
  // created and that expired are dropped before they reach SQLite.
  if (deleted < batch) deleted += store.removePendingWrittenBy('events', cutoff, batch - deleted);
  deleteExpiredEventState(store, now);

  const pending = store.earliestPendingWrite('events');
  let earliest = pending;
  if (storedLast !== null) earliest = pending === undefined ? storedLast : Math.min(storedLast, pending);
  const next = earliest === undefined ? undefined : eventExpiry(earliest);
  return { deleted, next: deleted > 0 && deleted === batch ? now : next };
}

/** Timer-driven controller that runs the --event-ttl sweep. */
export const eventTtlController: Controller = {
  name: EVENT_TTL_CONTROLLER,
  watches: {},
  reconcile(ctx) {
    const { next } = expireEvents(ctx.store, ctx.now());
    sweepConfirmedTx.delete(ctx.store);
    if (next !== undefined) ctx.wakeAt(next, SWEEP_KEY);
  },
};
