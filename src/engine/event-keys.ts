/**
 * Summaries of the events and recorder records that may be stored, so the
 * recorders skip the SQLite lookups of keys that were never written. Nearly every event a
 * pod or Job gets is new, and its lookup by name, like that of its
 * object's first correlation record, reads pages of a large table only to
 * find nothing.
 *
 * Each summary is a set of key hashes that contains every stored key: it
 * is loaded from SQLite and gains every key this process writes. Deletes
 * and rolled-back writes leave their keys in it, which only costs a lookup.
 * Another process's commit changes SQLite's data_version, and the summary
 * is then loaded again. A summary is loaded only after a process has looked
 * up enough keys to pay for reading all of them.
 */
import type { Store } from '../store/store.js';

/** Lookups a process makes through a summary before it loads the summary's keys. */
const LOOKUPS_BEFORE_LOAD = 256;

/** Returns the value of the last 7 characters of `text` as hex digits, or -1 when they are not lowercase hex. */
function hexTail(text: string): number {
  if (text.length < 7) return -1;
  let value = 0;
  for (let i = text.length - 7; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let digit: number;
    if (c >= 48 && c <= 57) digit = c - 48;
    else if (c >= 97 && c <= 102) digit = c - 87;
    else return -1;
    value = value * 16 + digit;
  }
  return value;
}

/**
 * Returns a number for `key`; equal keys get equal numbers, and a collision
 * only costs a lookup. The recorders' names and record keys end in a hash
 * written as 16 hex digits, whose last 7 serve as they are (28 bits keep the
 * number a small integer). Other keys are hashed with 32-bit FNV-1a.
 */
function hashKey(key: string): number {
  const tail = hexTail(key);
  if (tail >= 0) return tail;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}

/** A superset of the stored keys of one kind, loaded on demand. */
class KeySummary {
  private keys: Set<number> | undefined;
  private lookups = 0;
  /** Keys written in the current transaction, which SQLite may not have yet when the summary loads. */
  private writtenInTx: string[] = [];
  private writtenTx = -1;

  constructor(private readonly load: () => string[]) {}

  /** Reports whether `key` may be stored. False means it certainly is not. */
  mayExist(key: string): boolean {
    if (this.keys === undefined) {
      if (++this.lookups < LOOKUPS_BEFORE_LOAD) return true;
      const keys = new Set<number>();
      for (const stored of this.load()) keys.add(hashKey(stored));
      for (const written of this.writtenInTx) keys.add(hashKey(written));
      this.keys = keys;
    }
    return this.keys.has(hashKey(key));
  }

  /** Adds a key written in transaction `tx`. */
  wrote(key: string, tx: number): void {
    if (this.keys !== undefined) {
      this.keys.add(hashKey(key));
      return;
    }
    if (this.writtenTx !== tx) {
      this.writtenTx = tx;
      this.writtenInTx = [];
    }
    this.writtenInTx.push(key);
  }

  /** Forgets the loaded keys, because another process may have written. */
  reset(): void {
    this.keys = undefined;
    this.lookups = 0;
    this.writtenInTx = [];
  }
}

interface StoreSummaries {
  events: KeySummary;
  records: KeySummary;
  /** Reads SQLite's data_version, which changes when another connection commits. */
  readDataVersion: () => number;
  /** The data_version when last checked, and the transaction it was checked in. */
  dataVersion: number;
  checkedTx: number;
}

const summaries = new WeakMap<Store, StoreSummaries>();


/** Returns the store's summaries, loaded again when another process has committed since the last check. */
function summariesOf(store: Store): StoreSummaries {
  let s = summaries.get(store);
  if (s === undefined) {
    // Event names alone make the keys: a name stored in another namespace only costs a lookup.
    const events = new KeySummary(() => store.preparedFor('events', "SELECT name FROM objects WHERE resource = 'events'").pluck().all() as string[]);
    const records = new KeySummary(
      () => store.prepared("SELECT key FROM meta WHERE key >= 'eventState/' AND key < 'eventState0'").pluck().all() as string[],
    );
    // Prepared directly: the store would open a savepoint before a statement it does not know as a read.
    const dataVersion = store.db.prepare('PRAGMA data_version').pluck();
    s = { events, records, readDataVersion: () => dataVersion.get() as number, dataVersion: NaN, checkedTx: -1 };
    summaries.set(store, s);
    // Events created in this process by any path (a user's create included) join the summary.
    const created = s.events;
    store.hooks.push((resource, obj, old) => {
      if (resource === 'events' && obj !== undefined && old === undefined) created.wrote(obj.metadata.name, store.txSerial);
    });
  }
  if (s.checkedTx !== store.txSerial) {
    // A write transaction keeps other connections from committing, so one check per transaction suffices.
    const version = s.readDataVersion();
    if (version !== s.dataVersion) {
      s.events.reset();
      s.records.reset();
      s.dataVersion = version;
    }
    s.checkedTx = store.txSerial;
  }
  return s;
}

/**
 * Reports whether an event may be stored under this name. When it cannot
 * be, the store notes the name as absent, so neither reading nor creating
 * the event costs a query (inside a transaction).
 */
export function eventMayExist(store: Store, namespace: string, name: string): boolean {
  if (summariesOf(store).events.mayExist(name)) return true;
  store.noteAbsent('events', namespace, name);
  return false;
}

/** Reports whether a recorder record may be stored under meta key `key`. False means it certainly is not. */
export function recordMayExist(store: Store, key: string): boolean {
  return summariesOf(store).records.mayExist(key);
}

/** Adds a recorder record written under meta key `key` to the summary. */
export function recordWritten(store: Store, key: string): void {
  summariesOf(store).records.wrote(key, store.txSerial);
}
