/**
 * The store's object writes not yet sent to SQLite (write-behind). A pod
 * created, bound and given its status in one transaction costs one INSERT
 * when it is flushed, and an object created and deleted in one costs none.
 *
 * Reads combine SQLite's rows with these writes, in the order SQLite would
 * return the rows after a flush, so a query seldom needs the writes in
 * SQLite first. A savepoint that rolls back puts the writes
 * back as they were at its start (see mark() and undo()).
 */
import type { Prepare } from './db.js';
import { EncodedRow, entryKey, indexKeys, type CachedRow } from './object-cache.js';
import { TimedWrites } from './timed-writes.js';

/** The columns of an object row that have indexes besides its key. */
export interface IndexedColumns {
  uid: string;
  owner: string | null;
  node: string | null;
}

/** An object write not yet sent to SQLite. */
export interface PendingWrite {
  resource: string;
  namespace: string;
  name: string;
  uid: string;
  rv: number;
  /** The row to store, or null to delete the object. */
  row: CachedRow | null;
  /** The indexed columns of SQLite's row under this key, or null when it has none (the flush inserts). */
  base: IndexedColumns | null;
  /**
   * Whether the object was deleted and created again since SQLite's row: the
   * flush then deletes and inserts, so the row's rowid, and with it the order
   * of queries without ORDER BY, is the one writing through would give.
   */
  recreated: boolean;
  /** Orders the flush: a new row is inserted in the order its object was (last) created. */
  seq: number;
}

/** A row of a list query. */
export type ListedRow = CachedRow & { namespace: string; name: string };

/** A row of a query in rowid order within one resource and namespace. */
export interface RowidRow {
  id: number;
  name: string;
  data: string;
}

const INSERT_OBJECT = 'INSERT INTO objects(resource, namespace, name, uid, rv, owner, node, data, last_write) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const UPDATE_OBJECT = 'UPDATE objects SET uid = ?, rv = ?, owner = ?, node = ?, data = ?, last_write = ? WHERE resource = ? AND namespace = ? AND name = ?';
/** Leaves the indexed columns alone: setting one, even to its old value, makes SQLite rewrite its index entries. */
const UPDATE_OBJECT_DATA = 'UPDATE objects SET rv = ?, data = ? WHERE resource = ? AND namespace = ? AND name = ?';
/** UPDATE_OBJECT_DATA that also sets last_write, for rows that record it, because every write changes it. */
const UPDATE_OBJECT_DATA_WRITTEN = 'UPDATE objects SET rv = ?, data = ?, last_write = ? WHERE resource = ? AND namespace = ? AND name = ?';
/** Leaves the uid and owner columns alone when only the node changed (a pod's binding), so their indexes keep their entries. */
const UPDATE_OBJECT_NODE = 'UPDATE objects SET rv = ?, node = ?, data = ? WHERE resource = ? AND namespace = ? AND name = ?';
const DELETE_OBJECT = 'DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?';

/** Orders names as SQLite's ORDER BY does for ASCII text (Kubernetes names are ASCII). */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

export class PendingWrites {
  /** Writes by entryKey, in flush order. */
  private writes = new Map<string, PendingWrite>();
  /** The write last staged for each uid, so a lookup by uid needs no flush. */
  private byUid = new Map<string, PendingWrite>();
  /** The writes of each resource, in flush order, so a list query reads only its resource's writes. */
  private byResource = new Map<string, Map<string, PendingWrite>>();
  /** The writes that store a row with each owner uid, so an owner query reads only those. */
  private owners = new Map<string, Map<string, PendingWrite>>();
  /** Previous writes per key while a savepoint is open, so rolling it back restores them. */
  private undoLog: [key: string, previous: PendingWrite | undefined][] = [];
  private seq = 0;
  /** The writes of resources whose rows record their last write, for the --event-ttl sweep. */
  private readonly timed: TimedWrites;
  private readonly current = (key: string) => this.writes.get(key);

  /**
   * `prepare` must not flush these writes, because the flush runs through it.
   * `logging` reports whether a savepoint is open, so changes need undo entries.
   * `lastWriteResources` are the resources whose rows record their last write.
   */
  constructor(
    private readonly prepare: Prepare,
    private readonly logging: () => boolean,
    lastWriteResources: ReadonlySet<string> = new Set(),
  ) {
    this.timed = new TimedWrites(lastWriteResources);
  }

  get size(): number {
    return this.writes.size;
  }

  /** Returns the pending write of an object, if any. */
  get(resource: string, namespace: string, name: string): PendingWrite | undefined {
    return this.writes.size === 0 ? undefined : this.writes.get(entryKey(resource, namespace, name));
  }

  /** Reports whether a write is pending under an entryKey. */
  hasKey(key: string): boolean {
    return this.writes.has(key);
  }

  /** Returns the write last staged for a uid, if any. */
  lastOfUid(uid: string): PendingWrite | undefined {
    return this.byUid.get(uid);
  }

  /** Returns the pending writes that store a row whose owner is `uid`, in flush order. */
  ownedBy(uid: string): PendingWrite[] {
    const owned = this.owners.get(uid);
    if (owned === undefined) return [];
    const out = [...owned.values()];
    if (out.length > 1) out.sort((a, b) => a.seq - b.seq);
    return out;
  }

  /** Returns every pending write in flush order. */
  all(): Iterable<PendingWrite> {
    return this.writes.values();
  }

  /** Returns the pending writes of one resource in flush order. */
  ofResource(resource: string): Iterable<PendingWrite> {
    return this.byResource.get(resource)?.values() ?? [];
  }

  /** Adds a write (now pending under `key`) to the indexes by resource and owner. */
  private index(key: string, w: PendingWrite): void {
    let ofResource = this.byResource.get(w.resource);
    if (ofResource === undefined) this.byResource.set(w.resource, (ofResource = new Map()));
    ofResource.set(key, w);
    const owner = w.row?.owner;
    if (owner === null || owner === undefined) return;
    let owned = this.owners.get(owner);
    if (owned === undefined) this.owners.set(owner, (owned = new Map()));
    owned.set(key, w);
  }

  /** Removes a replaced or sent write from the owner index, and from the resource index unless `keepResource` is set. */
  private unindex(key: string, w: PendingWrite, keepResource: boolean): void {
    if (!keepResource) this.byResource.get(w.resource)?.delete(key);
    const owner = w.row?.owner;
    if (owner === null || owner === undefined) return;
    const owned = this.owners.get(owner);
    if (owned === undefined) return;
    owned.delete(key);
    if (owned.size === 0) this.owners.delete(owner);
  }

  /**
   * Records an object write for the flush. `base` describes SQLite's row
   * when no write is pending for the key: the replaced object's columns, or
   * null for a create.
   */
  stage(resource: string, namespace: string, name: string, uid: string, rv: number, row: CachedRow | null, base: IndexedColumns | null, create: boolean): void {
    const key = entryKey(resource, namespace, name);
    const previous = this.writes.get(key);
    if (this.logging()) this.undoLog.push([key, previous]);
    const write: PendingWrite = {
      resource,
      namespace,
      name,
      uid,
      rv,
      row,
      base: previous ? previous.base : base,
      recreated: previous ? previous.recreated || (create && previous.base !== null) : false,
      seq: previous && !create ? previous.seq : ++this.seq,
    };
    // A created object goes to the end of the flush order, as its INSERT would have.
    if (previous && create) this.writes.delete(key);
    // An update keeps its place among the resource's writes, as it does in this.writes.
    if (previous) this.unindex(key, previous, !create);
    this.writes.set(key, write);
    this.index(key, write);
    this.byUid.set(uid, write);
    if (this.timed.tracks(resource)) this.timed.staged(key, write);
  }

  /**
   * Sends the pending writes (of `resource` only, if given) to SQLite, one
   * statement per object. `sent` is called with each write before it is sent.
   */
  flush(resource?: string, sent?: (key: string, w: PendingWrite) => void): void {
    // A flush of one resource reads only that resource's writes, in the same order.
    const writes = resource === undefined ? this.writes : this.byResource.get(resource);
    if (writes === undefined || writes.size === 0) return;
    const logging = this.logging();
    for (const [key, w] of writes) {
      if (logging) this.undoLog.push([key, w]);
      sent?.(key, w);
      this.send(w);
      if (resource !== undefined) this.forget(key, w);
    }
    if (resource === undefined) {
      this.writes.clear();
      this.byUid.clear();
      this.byResource.clear();
      this.owners.clear();
      this.timed.clear();
    } else {
      this.timed.forget(resource);
    }
  }

  /**
   * Sends to SQLite the pending writes of `resource` (one whose rows record
   * their last write) over rows SQLite already has, so that a query over
   * stored rows reads them as they are now. The resource's new rows stay
   * pending (see dueCreates()). `sent` is called with each write before it is sent.
   */
  flushOverStored(resource: string, sent: (key: string, w: PendingWrite) => void): void {
    const keys = this.timed.takeOverStored(resource);
    if (keys === undefined) return;
    const logging = this.logging();
    for (const key of keys) {
      const w = this.writes.get(key);
      if (w === undefined || w.resource !== resource || w.base === null) continue;
      if (logging) this.undoLog.push([key, w]);
      sent(key, w);
      this.send(w);
      this.forget(key, w);
    }
  }

  /**
   * Returns up to `limit` pending writes that create rows of `resource`
   * (one whose rows record their last write) last written at or before
   * `cutoff` (ms), earliest first. The caller stages their deletion, so
   * the rows never reach SQLite.
   */
  dueCreates(resource: string, cutoff: number, limit: number): PendingWrite[] {
    return this.timed.takeDue(resource, cutoff, limit, this.current);
  }

  /** Returns the earliest last write (ms) among the pending writes that create rows of `resource`, or undefined. */
  earliestCreate(resource: string): number | undefined {
    return this.timed.earliest(resource, this.current);
  }

  /** Runs the statement that brings SQLite's row of one object to its pending write. */
  private send(w: PendingWrite): void {
    const base = w.base;
    if (w.row === null || w.recreated) {
      if (base) this.prepare(DELETE_OBJECT).run(w.resource, w.namespace, w.name);
      if (w.row !== null) this.prepare(INSERT_OBJECT).run(w.resource, w.namespace, w.name, w.uid, w.rv, w.row.owner, w.row.node, w.row.data, w.row.lastWrite ?? null);
    } else if (base && base.uid === w.uid && base.owner === w.row.owner && base.node === w.row.node) {
      if (w.row.lastWrite === undefined) this.prepare(UPDATE_OBJECT_DATA).run(w.rv, w.row.data, w.resource, w.namespace, w.name);
      else this.prepare(UPDATE_OBJECT_DATA_WRITTEN).run(w.rv, w.row.data, w.row.lastWrite, w.resource, w.namespace, w.name);
    } else if (base && base.uid === w.uid && base.owner === w.row.owner && w.row.lastWrite === undefined) {
      this.prepare(UPDATE_OBJECT_NODE).run(w.rv, w.row.node, w.row.data, w.resource, w.namespace, w.name);
    } else if (base) {
      this.prepare(UPDATE_OBJECT).run(w.uid, w.rv, w.row.owner, w.row.node, w.row.data, w.row.lastWrite ?? null, w.resource, w.namespace, w.name);
    } else {
      this.prepare(INSERT_OBJECT).run(w.resource, w.namespace, w.name, w.uid, w.rv, w.row.owner, w.row.node, w.row.data, w.row.lastWrite ?? null);
    }
    // SQLite has the text now, and the cache keeps the decoded object, which is what it reads.
    if (w.row instanceof EncodedRow) w.row.release();
  }

  /** Drops one sent write from the pending ones. */
  private forget(key: string, w: PendingWrite): void {
    this.writes.delete(key);
    this.unindex(key, w, false);
    if (this.byUid.get(w.uid) === w) this.byUid.delete(w.uid);
  }

  /** Returns a mark for undo(): the undo log's length now. */
  mark(): number {
    return this.undoLog.length;
  }

  /** Reports whether anything was staged or flushed since `mark`. */
  changedSince(mark: number): boolean {
    return this.undoLog.length > mark;
  }

  /** Puts the pending writes back as they were at `mark`. */
  undo(mark: number): void {
    if (this.undoLog.length === mark) return;
    for (let i = this.undoLog.length - 1; i >= mark; i--) {
      const [key, previous] = this.undoLog[i];
      if (previous) this.writes.set(key, previous);
      else this.writes.delete(key);
    }
    this.undoLog.length = mark;
    // Restore the flush order, which re-adding keys disturbed.
    const writes = [...this.writes.values()].sort((a, b) => a.seq - b.seq);
    this.writes.clear();
    this.byUid.clear();
    this.byResource.clear();
    this.owners.clear();
    this.timed.clear();
    for (const w of writes) {
      const key = entryKey(w.resource, w.namespace, w.name);
      this.writes.set(key, w);
      this.byUid.set(w.uid, w);
      this.index(key, w);
      if (this.timed.tracks(w.resource)) this.timed.staged(key, w);
    }
  }

  /** Drops the undo entries after `mark`, once no open savepoint can roll back to before them. */
  forgetUndo(mark: number): void {
    this.undoLog.length = mark;
  }

  /** Forgets everything (the transaction ended). */
  clear(): void {
    this.writes.clear();
    this.byUid.clear();
    this.byResource.clear();
    this.owners.clear();
    this.timed.clear();
    this.undoLog.length = 0;
  }

  /**
   * Returns a list query's SQLite rows as they read after the pending
   * writes: without the rows those writes replace or delete, and with the
   * written objects the query's index includes, in namespace and name order.
   */
  overlayList(index: string, resource: string, rows: ListedRow[]): ListedRow[] {
    const out = rows.filter((r) => !this.writes.has(entryKey(resource, r.namespace, r.name)));
    let added = false;
    for (const w of this.ofResource(resource)) {
      if (w.row === null || !indexKeys(resource, w.namespace, w.row).includes(index)) continue;
      const row = w.row;
      // The text is read through the row: the cache keeps an object this process wrote as it is, without encoding it.
      out.push({ namespace: w.namespace, name: w.name, owner: row.owner, node: row.node, get data() { return row.data; } });
      added = true;
    }
    if (added) out.sort((a, b) => (a.namespace === b.namespace ? compareText(a.name, b.name) : compareText(a.namespace, b.namespace)));
    return out;
  }

  /**
   * Returns the rows of an orphan query (objects of one resource and
   * namespace without an owner, in rowid order) as they read after the
   * pending writes. A written row keeps the place of the row it replaces,
   * an object that lost its owner goes to its rowid (`rowidOf` reads it from
   * SQLite), and a new row comes last, as a flush would insert it.
   */
  overlayOrphans(resource: string, namespace: string, rows: RowidRow[], rowidOf: (name: string) => number): { data: string }[] {
    const placed: { id: number; row: { data: string } }[] = [];
    for (const r of rows) {
      const w = this.writes.get(entryKey(resource, namespace, r.name));
      if (!w) placed.push({ id: r.id, row: r });
      else if (w.row !== null && !w.recreated && w.row.owner === null) placed.push({ id: r.id, row: w.row });
    }
    let moved = false;
    const added: CachedRow[] = [];
    for (const w of this.ofResource(resource)) {
      if (w.namespace !== namespace || w.row === null || w.row.owner !== null) continue;
      if (w.base === null || w.recreated) {
        added.push(w.row);
      } else if (w.base.owner !== null) {
        placed.push({ id: rowidOf(w.name), row: w.row });
        moved = true;
      }
    }
    if (moved) placed.sort((a, b) => a.id - b.id);
    const out: { data: string }[] = placed.map((p) => p.row);
    for (const row of added) out.push(row);
    return out;
  }
}
