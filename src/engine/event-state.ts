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

/**
 * Per store: the records written in the current transaction, decoded, with
 * the stored text they were written as. A record read back while its text
 * is unchanged needs no JSON.parse. A rolled-back savepoint restores other
 * text, which is then parsed again.
 */
const written = new WeakMap<Store, { tx: number; records: Map<string, { raw: string; state: unknown }> }>();

function writtenRecords(store: Store): Map<string, { raw: string; state: unknown }> {
  let entry = written.get(store);
  if (entry?.tx !== store.txSerial) {
    entry = { tx: store.txSerial, records: new Map() };
    written.set(store, entry);
  }
  return entry.records;
}

/**
 * Reads a record. One past its expiry reads as absent even before a scan
 * deletes it. The caller owns the result: it may change it and then write
 * it back (writeEventState).
 */
export function readEventState<T>(store: Store, key: string, now: number): T | undefined {
  const raw = store.getMeta(PREFIX + key);
  if (raw === undefined) return undefined;
  const bar = raw.indexOf('|');
  if (Number(raw.slice(0, bar)) <= now) return undefined;
  const records = writtenRecords(store);
  const cached = records.get(key);
  if (cached !== undefined) {
    // The caller may change the record, so the next read parses unless the record is written again first.
    records.delete(key);
    if (cached.raw === raw) return cached.state as T;
  }
  return JSON.parse(raw.slice(bar + 1)) as T;
}

/** Writes a record that stops mattering at `expires` (ms). The store keeps `state`: do not change it afterwards. */
export function writeEventState(store: Store, key: string, state: unknown, expires: number): void {
  const raw = `${Math.ceil(expires)}|${JSON.stringify(state)}`;
  store.setMeta(PREFIX + key, raw);
  writtenRecords(store).set(key, { raw, state });
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
