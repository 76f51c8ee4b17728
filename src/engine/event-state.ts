/**
 * Storage for the event recorders' caches, which client-go keeps in
 * process memory and kubesim must carry across CLI invocations. Each record
 * is a meta value `<expires ms>|<JSON>` under an `eventState/` key. The
 * store caches meta values for a transaction and writes them at commit, so
 * the several events of one object in a transaction cost one write. A write
 * inside a reconcile's savepoint therefore copies no database pages, and a
 * rolled-back savepoint also rolls back its records.
 */
import type { Store } from '../store/store.js';

const PREFIX = 'eventState/';
/** The key right after every `eventState/` key ('/' + 1 is '0'). */
const PREFIX_END = 'eventState0';
/** Simulated time (ms) between scans that delete expired records. */
const SCAN_INTERVAL_MS = 10 * 60_000;
const NEXT_SCAN_META = 'eventStateNextScan';

/** Reads a record; one past its expiry reads as absent even before a scan deletes it. */
export function readEventState<T>(store: Store, key: string, now: number): T | undefined {
  const raw = store.getMeta(PREFIX + key);
  if (raw === undefined) return undefined;
  const bar = raw.indexOf('|');
  if (Number(raw.slice(0, bar)) <= now) return undefined;
  return JSON.parse(raw.slice(bar + 1)) as T;
}

/** Writes a record that stops mattering at `expires` (ms). */
export function writeEventState(store: Store, key: string, state: unknown, expires: number): void {
  store.setMeta(PREFIX + key, `${Math.ceil(expires)}|${JSON.stringify(state)}`);
}

/**
 * Deletes expired records at most every 10 simulated minutes. The scan
 * reads every record, but records live at most about two hours after their
 * last event (a drained bucket refills in 2h05m), so their number follows
 * recent events, not all events ever recorded.
 */
export function deleteExpiredEventState(store: Store, now: number): void {
  if (Number(store.getMeta(NEXT_SCAN_META) ?? '0') > now) return;
  // A record this transaction already read stays in the store's meta cache. It reads as
  // expired there too, so writing it back at commit only keeps it until the next scan.
  store
    .prepared("DELETE FROM meta WHERE key >= ? AND key < ? AND CAST(substr(value, 1, instr(value, '|') - 1) AS INTEGER) <= ?")
    .run(PREFIX, PREFIX_END, now);
  store.setMeta(NEXT_SCAN_META, String(now + SCAN_INTERVAL_MS));
}
