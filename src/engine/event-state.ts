/**
 * Storage for the event recorders' caches, which client-go keeps in
 * process memory and kubesim must carry across CLI invocations. Each record
 * is a meta value `<expires ms>|<JSON>` under an `eventState/` key. The
 * store caches meta values for a transaction and writes them at commit. A
 * record written in the transaction stays decoded until then, so several
 * events of one object in a transaction cost one encode and one write. A
 * write inside a reconcile's savepoint therefore copies no database pages,
 * and a rolled-back savepoint also rolls back its records.
 */
import type { Store } from '../store/store.js';
import { deepFreeze } from '../store/object-cache.js';
import type { DeferredMeta } from '../store/meta-values.js';

const PREFIX = 'eventState/';
/** The key right after every `eventState/` key ('/' + 1 is '0'). */
const PREFIX_END = 'eventState0';
/** Simulated time (ms) between scans that delete expired records. */
const SCAN_INTERVAL_MS = 10 * 60_000;
const NEXT_SCAN_META = 'eventStateNextScan';
const ONLY_THIS_TX = { onlyThisTx: true };

/** Record written in the current transaction. The store encodes it at commit, or earlier if it is read as text. */
class RecordValue implements DeferredMeta {
  private encoded: string | undefined;

  constructor(
    readonly expires: number,
    readonly state: unknown,
  ) {}

  text(): string {
    return (this.encoded ??= `${this.expires}|${JSON.stringify(this.state)}`);
  }
}

/**
 * Reads a record. One past its expiry reads as absent even before a scan
 * deletes it. The result can be the state passed to writeEventState earlier
 * in this transaction, which the store keeps to restore it if a savepoint
 * rolls back. The caller must therefore not change it (it is frozen under
 * tests), and writes a changed copy back. With `onlyThisTx` the caller
 * vouches that no committed record has this key (it hashes the uid of an
 * object created in this transaction), so a missing record costs no query.
 */
export function readEventState<T>(store: Store, key: string, now: number, onlyThisTx = false): T | undefined {
  const value = store.getMetaValue(PREFIX + key, onlyThisTx ? ONLY_THIS_TX : undefined);
  if (value === undefined) return undefined;
  if (value instanceof RecordValue) {
    if (value.expires <= now) return undefined;
    return value.state as T;
  }
  const raw = typeof value === 'string' ? value : value.text();
  const bar = raw.indexOf('|');
  if (Number(raw.slice(0, bar)) <= now) return undefined;
  return JSON.parse(raw.slice(bar + 1)) as T;
}

/** Writes a record that stops mattering at `expires` (ms). The store keeps `state`: do not change it afterwards. */
export function writeEventState(store: Store, key: string, state: unknown, expires: number): void {
  store.setMeta(PREFIX + key, new RecordValue(Math.ceil(expires), deepFreeze(state)));
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

/**
 * Deletes every record, for a cluster whose events were all removed (the
 * setup of a new cluster's kube-system). Must run in a transaction that has
 * not read a record.
 */
export function clearEventState(store: Store): void {
  store.prepared('DELETE FROM meta WHERE key >= ? AND key < ?').run(PREFIX, PREFIX_END);
}
