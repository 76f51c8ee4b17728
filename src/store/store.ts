/**
 * The object store: the one write path for the CLI, controllers and kubelet.
 * Every write is admitted (defaulted and validated), gets a new
 * resourceVersion, and notifies the watchers that queue controller work, all
 * inside one SQLite transaction.
 *
 * Object rows reach SQLite at the latest when the transaction commits
 * (write-behind, see pending-writes.ts). Reads see the pending rows first,
 * and any other SQL statement over the objects table sends them to SQLite
 * before it runs.
 */
import type { Database } from './db.js';
import type { KObject } from '../api/types.js';
import { alreadyExists, conflict, notFound } from '../api/errors.js';
import { findResource, resourceString } from '../api/registry.js';
import { APPEND_LOG_SQL, appendLogBatch, nextLogBatchTime, readLogBatches, truncateLogBatches, type LogLine } from './log-batches.js';
import { EncodedRow, ObjectCache, deepFreeze, entryKey, queryKey, type CachedRow } from './object-cache.js';
import { PendingWrites, compareText, type ListedRow, type PendingWrite, type RowidRow } from './pending-writes.js';
import { PendingTimers, type Timer } from './pending-timers.js';
import { DeferredStatements } from './deferred-statements.js';
import { MetaValues, type MetaValue } from './meta-values.js';
import { jsonEqual } from './json-equal.js';
import { WorkQueue, type QueueItem } from './work-queue.js';

function qualified(resource: string): string {
  const r = findResource(resource);
  return r ? resourceString(r) : resource;
}

export type WriteOp = 'create' | 'update' | 'delete';

/** Called for every write before it is stored; throws ApiError to reject it. */
export type Admission = (resource: string, obj: KObject, old: KObject | undefined, op: WriteOp) => void;

/** Called after every stored write, inside the same transaction. */
export type WriteHook = (resource: string, obj: KObject | undefined, old: KObject | undefined) => void;

/** Options of create() and update(). */
export interface WriteOptions {
  /**
   * The caller hands the object over: the store fills it in, keeps it as the
   * cache's own object and returns it, instead of working on copies. For
   * callers that built the object for this write, or hold a private copy from
   * get(), and that only read it afterwards (it is frozen under tests).
   */
  owned?: boolean;
}

export interface ListOptions {
  /** Only objects whose controller (or first) owner has this uid. */
  owner?: string;
  /** Only objects bound to this node (pods). */
  node?: string;
  /**
   * Return the cache's own objects instead of copies (inside a transaction;
   * frozen under tests). For hot read-only paths: the caller must copy an
   * object (cloneJson) before changing it.
   */
  shared?: boolean;
}

/**
 * Reports whether an update of an object being deleted leaves nothing to
 * hold it, so the API server deletes the object instead of storing it (the
 * generic registry's ShouldDeleteDuringUpdate): no finalizers left and no
 * graceful deletion under way. A namespace also waits for its spec.finalizers.
 */
function finishesDeletion(resource: string, obj: KObject, old: KObject): boolean {
  if ((obj.metadata.finalizers ?? []).length > 0) return false;
  if ((old.metadata.deletionGracePeriodSeconds ?? 0) !== 0) return false;
  return resource !== 'namespaces' || (obj.spec?.finalizers ?? []).length === 0;
}

let isoSecond = NaN;
let isoText = '';

/** Formats a millisecond timestamp as the API's RFC 3339 seconds form. */
export function isoTime(ms: number): string {
  // Writes at one simulated instant ask for the same second over and over, so the last one is kept.
  const second = Math.floor(ms / 1000);
  if (second !== isoSecond) {
    isoText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    isoSecond = second;
  }
  return isoText;
}

/**
 * Deep-copies JSON data (objects, arrays, scalars). Stored objects are plain
 * JSON, and this is several times faster than structuredClone on them.
 */
export function cloneJson<T>(value: T): T {
  return value !== null && typeof value === 'object' ? (cloneObject(value) as T) : value;
}

/** Copies an object or array; scalars inside are copied without a call each. */
function cloneObject(value: object): object {
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out[i] = item !== null && typeof item === 'object' ? cloneObject(item) : item;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    out[key] = item !== null && typeof item === 'object' ? cloneObject(item) : item;
  }
  return out;
}

/** Statements that need no savepoint opened before them: queries and the transaction statements themselves. */
const READING_SQL = /^\s*(SELECT|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/** Top-level properties an update has compared before the whole object (see update()). */
const STATUS = ['status'];
const SPEC_AND_STATUS = ['spec', 'status'];

/** Stands in for metadata.resourceVersion while an update is encoded once for both comparison and storage. */
const RV_SENTINEL = '\u0000kubesim-rv';
const RV_SENTINEL_JSON = JSON.stringify(RV_SENTINEL);

/**
 * Resources whose rows record the second of their last write (column
 * last_write, ms). kube-apiserver gives every write of an Event a new
 * --event-ttl lease (the events registry's TTLFunc returns the TTL for
 * creates and updates alike), and the TTL sweep finds due events through an
 * index on this column.
 */
const LAST_WRITE_RESOURCES = new Set(['events']);

/** SQL that reads or writes the objects table, so pending writes must reach SQLite before it runs. */
const OBJECTS_SQL = /\bobjects\b/;
/** SQL that reads or writes the timers table, so pending timers must reach SQLite before it runs. */
const TIMERS_SQL = /\btimers\b/;
/** SQL that reads or writes the logs table, so deferred log writes must reach SQLite before it runs. */
const LOGS_SQL = /\blogs\b/;

/**
 * The pending writes a statement needs in SQLite first: all (true), none
 * (false), those of one resource, or (`{ stored }`) those of one resource in
 * LAST_WRITE_RESOURCES over rows SQLite already has.
 */
type FlushScope = true | false | string | { stored: string };

export function ownerUidOf(obj: KObject): string | null {
  const refs = obj.metadata.ownerReferences;
  if (!refs || refs.length === 0) return null;
  return (refs.find((r) => r.controller) ?? refs[0]).uid;
}

/** Resources with a spec whose registry strategy sets no metadata.generation, so the store leaves it out. */
const UNVERSIONED_SPEC = new Set(['pods', 'events', 'namespaces', 'services', 'nodes']);

/**
 * Resources without a spec whose registry strategy still sets
 * metadata.generation: 1 at create, and a new generation when anything
 * outside metadata, or the labels, changes (the EndpointSlice strategy).
 */
const VERSIONED_WITHOUT_SPEC = new Set(['endpointslices']);
const METADATA = ['metadata'];

export class Store {
  private depth = 0;
  /** Increments with every outermost transaction, so callers can cache reads for one transaction. */
  txSerial = 0;
  /**
   * Increments when pending object writes are sent to SQLite (except the
   * early send of writes over stored rows in LAST_WRITE_RESOURCES, which
   * only moves their last writes later) and when a savepoint rolls back.
   * A caller compares it, with txSerial, to detect that SQLite's object rows changed since it read them.
   */
  rowsSerial = 0;
  private rv = 0;
  /** Meta values read or written in the current transaction; writes reach SQLite at commit. */
  private readonly meta = new MetaValues(
    (sql) => this.stmt(sql),
    () => this.depth > 0,
    () => this.savepoints > 0,
  );
  private savepoints = 0;
  /** Per open savepoint level, whether its SQL SAVEPOINT was issued (it is, before the level's first SQL write). */
  private savepointOpened: boolean[] = [];
  private queue: WorkQueue;
  /** Statements that write, which need the current savepoint opened first. */
  private readonly writingSql = new Set<string>();
  private writes = new Map<string, number>();
  private readonly stmts: Record<string, any> = {};
  admission: Admission | undefined;
  readonly hooks: WriteHook[] = [];
  /** Decoded objects and list results, valid while no other process has written (see object-cache.ts). */
  private cache = new ObjectCache();
  /** The resourceVersion this process last committed or saw; another value at BEGIN means the cache is stale. */
  private cacheRv = -1;
  private epoch = 0;
  /** Object writes of this transaction not yet in SQLite. */
  private readonly pending = new PendingWrites(
    (sql) => this.stmt(sql, false),
    () => this.savepoints > 0,
    LAST_WRITE_RESOURCES,
  );
  /** Statements that touch the objects table (see OBJECTS_SQL). */
  private readonly objectsSql = new Set<string>();
  /** Timers added in this transaction, not yet in SQLite. */
  private readonly timers = new PendingTimers(
    (sql) => this.stmt(sql, false),
    () => this.savepoints > 0,
  );
  /** Statements that touch the timers table (see TIMERS_SQL). */
  private readonly timersSql = new Set<string>();
  /** Log writes of this transaction, not yet run. */
  private readonly logWrites = new DeferredStatements(
    (sql) => this.stmt(sql, false),
    () => this.savepoints > 0,
  );
  /** Statements that touch the logs table (see LOGS_SQL). */
  private readonly logsSql = new Set<string>();
  /** Uids of the objects created in this transaction (see createdInTx). */
  private readonly createdUids = new Set<string>();
  /** Keys of uncached objects whose writes reached SQLite before the commit, so reads with onlyThisTx must query them. */
  private readonly sentUncached = new Set<string>();
  /** Owner uids of the rows this transaction sent to SQLite before the commit (see ownedOnlyInTx). */
  private readonly sentOwners = new Set<string>();

  /**
   * Changes whenever this process's view of the store may be stale: another
   * process wrote, or writes it saw were rolled back. State a process derives
   * from writes it saw (through hooks) is valid only while this stays the same.
   */
  get viewEpoch(): number {
    return this.epoch;
  }

  private dropView(): void {
    this.cache.clear();
    this.epoch++;
  }

  constructor(
    readonly db: Database,
    /** Simulated current time in milliseconds. */
    public now: () => number,
  ) {
    this.queue = new WorkQueue((sql) => this.stmt(sql), { get: (key) => this.getMeta(key), set: (key, value) => this.setMeta(key, value) });
  }

  /**
   * Returns a prepared statement for `sql`, compiled once per store and
   * reused. Call it right before running the statement: inside a savepoint,
   * a writing statement opens the savepoint first.
   */
  prepared(sql: string) {
    return this.stmt(sql);
  }

  /**
   * Like prepared(), for a statement over the objects table that reads or
   * writes only rows of `resource`: only that resource's pending writes are
   * sent to SQLite before it runs.
   */
  preparedFor(resource: string, sql: string) {
    return this.stmt(sql, resource);
  }

  /** Issues the SQL SAVEPOINT of every open level that has not written yet. */
  private openSavepoints(): void {
    const opened = this.savepointOpened;
    if (opened.length === 0 || opened[opened.length - 1]) return;
    for (let i = 0; i < opened.length; i++) {
      if (opened[i]) continue;
      this.stmt('SAVEPOINT kubesim_sp').run();
      opened[i] = true;
    }
  }

  private stmt(sql: string, flush: FlushScope = true) {
    let s = this.stmts[sql];
    if (!s) {
      s = this.stmts[sql] = this.db.prepare(sql);
      if (!READING_SQL.test(sql)) this.writingSql.add(sql);
      if (OBJECTS_SQL.test(sql)) this.objectsSql.add(sql);
      if (TIMERS_SQL.test(sql)) this.timersSql.add(sql);
      if (LOGS_SQL.test(sql)) this.logsSql.add(sql);
    }
    if (flush !== false) {
      if (this.pending.size > 0 && this.objectsSql.has(sql)) {
        if (typeof flush === 'object') this.flushPendingOverStored(flush.stored);
        else this.flushPending(flush === true ? undefined : flush);
      }
      if (this.timers.size > 0 && this.timersSql.has(sql)) this.timers.flush();
      if (this.logWrites.size > 0 && this.logsSql.has(sql)) this.logWrites.flush();
    }
    if (this.savepoints > 0 && this.writingSql.has(sql)) this.openSavepoints();
    return s;
  }

  /** Runs fn in one IMMEDIATE transaction; nested calls join the outer one. */
  tx<T>(fn: () => T): T {
    if (this.depth > 0) {
      this.depth++;
      try {
        return fn();
      } finally {
        this.depth--;
      }
    }
    this.stmt('BEGIN IMMEDIATE').run();
    this.depth = 1;
    this.txSerial++;
    this.rv = Number(this.getMeta('rv') ?? '0');
    if (this.rv !== this.cacheRv) this.dropView();
    const startRv = this.rv;
    let committed = false;
    try {
      const result = fn();
      if (this.rv !== startRv) this.setMeta('rv', String(this.rv));
      this.pending.flush();
      this.timers.flush();
      this.logWrites.flush();
      // The queue records its version in meta, so it flushes first.
      this.queue.flush();
      this.meta.flush();
      this.stmt('COMMIT').run();
      committed = true;
      this.queue.committed();
      this.cacheRv = this.rv;
      return result;
    } catch (err) {
      if (this.db.inTransaction) this.stmt('ROLLBACK').run();
      this.dropView();
      this.cacheRv = -1;
      throw err;
    } finally {
      this.depth = 0;
      this.pending.clear();
      this.timers.clear();
      this.logWrites.clear();
      if (!committed) this.queue.reset();
      this.savepointOpened.length = 0;
      this.meta.clear();
      this.createdUids.clear();
      this.sentUncached.clear();
      this.sentOwners.clear();
      this.savepoints = 0;
    }
  }

  /**
   * Runs fn inside the current transaction as a savepoint: if fn throws, its
   * writes (objects, queue, timers and meta) are undone and the error rethrown.
   */
  savepoint<T>(fn: () => T): T {
    if (this.depth === 0) return this.tx(() => this.savepoint(fn));
    const mark = this.meta.mark();
    const pendingMark = this.pending.mark();
    const timersMark = this.timers.mark();
    const logsMark = this.logWrites.mark();
    const queueMark = this.queue.mark();
    // The SQL savepoint is issued lazily, before the first SQL write (openSavepoints), so a reconcile that only reads costs no statements.
    const level = this.savepointOpened.length;
    this.savepointOpened.push(false);
    this.savepoints++;
    try {
      const result = fn();
      if (this.savepointOpened[level]) this.stmt('RELEASE kubesim_sp').run();
      return result;
    } catch (err) {
      // The cache already shows this level's writes, staged or sent to SQLite: start it again.
      const wrote = this.savepointOpened[level] || this.pending.changedSince(pendingMark);
      if (this.savepointOpened[level]) {
        this.stmt('ROLLBACK TO kubesim_sp').run();
        this.stmt('RELEASE kubesim_sp').run();
      }
      if (wrote) this.dropView();
      this.rowsSerial++;
      this.pending.undo(pendingMark);
      this.timers.undo(timersMark);
      this.logWrites.undo(logsMark);
      this.queue.rollback(queueMark);
      this.meta.undo(mark);
      // Its creates are undone and their uids can be drawn again, so all uids are dropped: a missing uid only costs a query.
      this.createdUids.clear();
      throw err;
    } finally {
      // An enclosing savepoint may still roll back, and then needs this level's entries too.
      if (level === 0) {
        this.meta.forgetUndo(mark);
        this.pending.forgetUndo(0);
        this.timers.forgetUndo(timersMark);
        this.logWrites.forgetUndo(logsMark);
      }
      this.savepointOpened.length = level;
      this.savepoints--;
    }
  }

  get inTx(): boolean {
    return this.depth > 0;
  }

  /** Reads a meta value; inside a transaction it is cached until the transaction ends. */
  getMeta(key: string): string | undefined {
    return this.meta.get(key);
  }

  /**
   * Writes a meta value. Inside a transaction the value reaches SQLite when
   * the transaction commits, and a deferred value is encoded then or when read as text.
   */
  setMeta(key: string, value: MetaValue): void {
    this.meta.set(key, value);
  }

  /**
   * Returns a meta value as last written, so a deferred value comes back
   * unencoded. With `onlyThisTx`, inside a transaction, the caller vouches
   * that no committed value has this key (it derives from the uid of an
   * object created in this transaction): only this transaction's values are
   * read, which costs no query.
   */
  getMetaValue(key: string, opts?: { onlyThisTx?: boolean }): MetaValue | undefined {
    return opts?.onlyThisTx && this.depth > 0 ? this.meta.known(key) : this.meta.value(key);
  }

  /** Sets the row's lastWrite to the current second (ms) if its resource is in LAST_WRITE_RESOURCES. */
  private stampLastWrite(resource: string, row: CachedRow): void {
    if (LAST_WRITE_RESOURCES.has(resource)) row.lastWrite = Math.floor(this.now() / 1000) * 1000;
  }

  /** Whether an object exists, without decoding it. */
  exists(resource: string, namespace: string, name: string): boolean {
    // Inside a transaction the row read is cached, so admission's namespace check costs one query per transaction.
    if (this.depth > 0) return this.readRow(resource, namespace, name) !== undefined;
    return this.stmt('SELECT 1 FROM objects WHERE resource = ? AND namespace = ? AND name = ?').get(resource, namespace, name) !== undefined;
  }

  /**
   * Counts this process's writes to a resource; with txSerial it lets a
   * caller reuse what it decoded earlier in the same transaction.
   */
  writesOf(resource: string): number {
    return this.writes.get(resource) ?? 0;
  }

  private wrote(resource: string): void {
    this.writes.set(resource, (this.writes.get(resource) ?? 0) + 1);
  }

  /**
   * Reads one object. With `shared`, inside a transaction, it is the cache's
   * own object (see ListOptions.shared): the caller must copy it before changing it.
   * With `onlyThisTx`, inside a transaction, the caller vouches that no
   * committed object has this name, because the name derives from the uid
   * of an object created in this transaction (createdInTx): only this
   * transaction's writes are read, which costs no query.
   */
  get(resource: string, namespace: string, name: string, opts?: { shared?: boolean; onlyThisTx?: boolean }): KObject | undefined {
    const row = opts?.onlyThisTx && this.depth > 0 ? this.readRowOfThisTx(resource, namespace, name) : this.readRow(resource, namespace, name);
    if (!row) return undefined;
    if (opts?.shared && this.depth > 0) {
      const shared = this.cache.shared(resource, namespace, name);
      if (shared) return shared;
    }
    // Copying a decoded object is cheaper than parsing, but decoding one only to copy it costs both.
    const cached = this.depth > 0 ? this.cache.decoded(resource, namespace, name) : undefined;
    return cached ? cloneJson(cached) : JSON.parse(row.data);
  }

  /** Reads the stored row of one object, through the cache inside a transaction. */
  private readRow(resource: string, namespace: string, name: string): CachedRow | undefined {
    if (this.depth > 0) {
      const staged = this.pending.get(resource, namespace, name);
      if (staged) return staged.row ?? undefined;
      const cached = this.cache.row(resource, namespace, name);
      if (cached !== undefined) return cached ?? undefined;
    }
    // A key without a pending write reads the same in SQLite before and after a flush.
    const row = this.stmt('SELECT data, owner, node FROM objects WHERE resource = ? AND namespace = ? AND name = ?', false).get(resource, namespace, name) as
      | CachedRow
      | undefined;
    if (this.depth > 0) this.cache.remember(resource, namespace, name, row);
    return row;
  }

  /**
   * Reads the row of an object that only this transaction can have written:
   * its pending write, or SQLite's row if the write reached SQLite already.
   * Only objects of uncached resources (events) skip the query: a cached
   * resource's cache can be dropped in a transaction, and with it the
   * knowledge of which rows it sent. An absent object is remembered, so a
   * create that follows checks nothing again.
   */
  private readRowOfThisTx(resource: string, namespace: string, name: string): CachedRow | undefined {
    if (this.cache.caches(resource)) return this.readRow(resource, namespace, name);
    const staged = this.pending.get(resource, namespace, name);
    if (staged) return staged.row ?? undefined;
    if (this.sentUncached.size > 0 && this.sentUncached.has(entryKey(resource, namespace, name))) return this.readRow(resource, namespace, name);
    this.cache.remember(resource, namespace, name, undefined);
    return undefined;
  }

  /**
   * Reports whether the object with this uid was created in the current
   * transaction. If so, no committed row or meta value has a key derived
   * from the uid (see get's onlyThisTx and getMetaValue's). A savepoint that
   * rolls back forgets the earlier creates too, so a false answer may be wrong but a true one is not.
   */
  createdInTx(uid: string): boolean {
    return this.createdUids.size > 0 && this.createdUids.has(uid);
  }

  /** Sends pending object writes (of `resource` only, if given) to SQLite, noting the uncached ones (see readRowOfThisTx). */
  private flushPending(resource?: string): void {
    this.rowsSerial++;
    this.pending.flush(resource, this.noteSent);
  }

  /** flushPending() of only the writes of `resource` over rows SQLite has (see PendingWrites.flushOverStored()). */
  private flushPendingOverStored(resource: string): void {
    this.pending.flushOverStored(resource, this.noteSent);
  }

  /** Notes a pending write sent to SQLite before the commit, for readRowOfThisTx() and ownedOnlyInTx(). */
  private readonly noteSent = (key: string, w: PendingWrite): void => {
    if (w.row === null) return;
    if (!this.cache.caches(w.resource)) this.sentUncached.add(key);
    if (w.row.owner !== null) this.sentOwners.add(w.row.owner);
  };

  /**
   * Reports whether all objects owned by `uid` are among this transaction's
   * pending writes, so a list of them needs no query. The owner was created
   * in this transaction, so no committed row can name its uid, and no row
   * naming it as owner has been sent to SQLite since.
   */
  private ownedOnlyInTx(uid: string): boolean {
    return this.depth > 0 && this.createdInTx(uid) && !this.sentOwners.has(uid);
  }

  /**
   * Finds an object by uid. With `shared`, inside a transaction, it is the
   * cache's own object (see ListOptions.shared): the caller must copy it
   * before changing it.
   */
  getByUid(uid: string, opts?: { shared?: boolean }): { resource: string; obj: KObject } | undefined {
    const staged = this.pending.lastOfUid(uid);
    if (staged) {
      // The uid's last staged write: its object, unless it was deleted or its name now belongs to another object.
      const current = this.pending.get(staged.resource, staged.namespace, staged.name);
      if (current?.uid === uid && current.row) {
        return staged.resource === 'events' ? undefined : { resource: current.resource, obj: this.decodeRow(current.row, opts?.shared ? current : undefined) };
      }
      return undefined;
    }
    // Every SQLite row that a pending write replaces has its uid among the pending writes, so the rest need no flush.
    // The condition matches the partial index objects_uid (store/db.ts): events are never looked up by uid.
    const row = this.stmt("SELECT resource, namespace, name, data, owner, node FROM objects WHERE uid = ? AND resource != 'events'", false).get(uid) as
      | (ListedRow & { resource: string })
      | undefined;
    return row ? { resource: row.resource, obj: this.decodeRow(row, opts?.shared ? row : undefined) } : undefined;
  }

  /**
   * Lists objects of a resource, in one namespace or (namespace undefined)
   * all, sorted by namespace and name. With `shared`, inside a transaction,
   * the objects are the cache's own (see ListOptions.shared).
   *
   * The queries compare `resource = +?`: a bare parameter compared with the
   * partial indexes' `resource = 'events'` conditions makes SQLite prepare
   * the statement again for every new value. Without statistics SQLite
   * would plan an owner or node list through objects_key, reading every
   * object of the resource, so those queries name their index.
   */
  list(resource: string, namespace?: string, opts: ListOptions = {}): KObject[] {
    const index = queryKey(resource, namespace, opts);
    let out: KObject[];
    if (opts.owner !== undefined) {
      out = this.ownedOnlyInTx(opts.owner)
        ? this.queryPending(index, resource)
        : this.query(index, resource, 'INDEXED BY objects_owner WHERE owner = ? AND resource = +? ORDER BY namespace, name', opts.owner, resource);
    } else if (opts.node !== undefined) {
      out = this.query(index, resource, 'INDEXED BY objects_node WHERE node = ? AND resource = +? ORDER BY namespace, name', opts.node, resource);
    } else if (namespace === undefined) {
      out = this.query(index, resource, 'WHERE resource = +? ORDER BY namespace, name', resource);
    } else {
      out = this.query(index, resource, 'WHERE resource = +? AND namespace = ? ORDER BY name', resource, namespace);
    }
    if (namespace !== undefined && (opts.owner !== undefined || opts.node !== undefined)) out = out.filter((o) => (o.metadata.namespace ?? '') === namespace);
    return this.depth > 0 && !opts.shared ? out.map(cloneJson) : out;
  }

  /** Lists pods not yet bound to a node (the cache's own objects inside a transaction: copy one before changing it). */
  listUnscheduledPods(): KObject[] {
    return this.query(queryKey('pods', undefined, { unscheduled: true }), 'pods', "WHERE resource = 'pods' AND node IS NULL ORDER BY namespace, name");
  }

  /**
   * Runs a list query over the objects table, or returns its cached result
   * inside a transaction, where the rows read are also cached under `index`.
   */
  private query(index: string, resource: string, where: string, ...args: string[]): KObject[] {
    const cached = this.depth > 0 ? this.cache.listed(index) : undefined;
    if (cached) return cached;
    let rows = this.stmt(`SELECT namespace, name, data, owner, node FROM objects ${where}`, false).all(...args) as ListedRow[];
    if (this.pending.size > 0) rows = this.pending.overlayList(index, resource, rows);
    return this.depth > 0 ? this.cache.load(index, resource, rows) : rows.map((r) => JSON.parse(r.data) as KObject);
  }

  /** Runs a list query over the pending writes alone, when no SQLite row can match it (see ownedOnlyInTx). */
  private queryPending(index: string, resource: string): KObject[] {
    return this.cache.listed(index) ?? this.cache.load(index, resource, this.pending.overlayList(index, resource, []));
  }

  /**
   * Lists every object whose controller (or first) owner has this uid, with
   * its resource, in the order SQLite returns them after a flush (rowid
   * order). Pending writes are read where they are, so this costs no flush.
   * With `shared`, inside a transaction, the objects are the cache's own
   * (see ListOptions.shared).
   */
  listOwnedBy(uid: string, opts?: { shared?: boolean }): { resource: string; obj: KObject }[] {
    // SQLite returns rows in rowid order (objects_owner). An updated row keeps its rowid, and a new row comes last.
    // Only the pending writes of rows with this owner matter, and the store indexes them by owner.
    let owned = this.pending.ownedBy(uid);
    // An existing row that gains this owner belongs at its rowid, which only SQLite has, so flush then (rare).
    if (owned.some((w) => w.row !== null && w.base !== null && !w.recreated && w.base.owner !== uid)) {
      this.flushPending();
      owned = [];
    }
    const shared = opts?.shared === true;
    const rows = this.ownedOnlyInTx(uid)
      ? []
      : (this.stmt('SELECT resource, namespace, name, data, owner, node FROM objects WHERE owner = ?', false).all(uid) as (ListedRow & { resource: string })[]);
    const out: { resource: string; obj: KObject }[] = [];
    for (const r of rows) {
      const w = this.pending.get(r.resource, r.namespace, r.name);
      if (!w) out.push({ resource: r.resource, obj: this.decodeRow(r, shared ? r : undefined) });
      else if (w.row !== null && !w.recreated && w.row.owner === uid) out.push({ resource: w.resource, obj: this.decodeRow(w.row, shared ? w : undefined) });
    }
    for (const w of owned) {
      if (w.row !== null && w.row.owner === uid && (w.base === null || w.recreated)) out.push({ resource: w.resource, obj: this.decodeRow(w.row, shared ? w : undefined) });
    }
    return out;
  }

  /**
   * Counts the pods bound to each node whose controller (or first) owner
   * has this uid. Pending writes are counted where they are, so this costs
   * no flush.
   */
  countOwnedPodsByNode(uid: string): Map<string, number> {
    const counts = new Map<string, number>();
    const add = (node: string, n: number) => counts.set(node, (counts.get(node) ?? 0) + n);
    if (this.pending.size === 0) {
      const rows = this.stmt("SELECT node, count(*) AS n FROM objects WHERE owner = ? AND resource = 'pods' AND node IS NOT NULL GROUP BY node", false).all(uid) as { node: string; n: number }[];
      for (const r of rows) add(r.node, r.n);
      return counts;
    }
    const rows = this.stmt("SELECT namespace, name, node FROM objects WHERE owner = ? AND resource = 'pods' AND node IS NOT NULL", false).all(uid) as { namespace: string; name: string; node: string }[];
    for (const r of rows) if (!this.pending.hasKey(entryKey('pods', r.namespace, r.name))) add(r.node, 1);
    for (const w of this.pending.ownedBy(uid)) {
      if (w.resource === 'pods' && w.row !== null && w.row.owner === uid && w.row.node !== null) add(w.row.node, 1);
    }
    // GROUP BY returns the nodes in order.
    return new Map([...counts].sort((a, b) => compareText(a[0], b[0])));
  }

  /**
   * Returns the result of list(resource, undefined, { owner }) if this
   * transaction has already loaded that list, and otherwise undefined without
   * running a query. The objects are the cache's own, so callers must not change them.
   */
  listOwnedIfLoaded(resource: string, owner: string): KObject[] | undefined {
    return this.depth > 0 ? this.cache.listed(queryKey(resource, undefined, { owner })) : undefined;
  }

  /**
   * Lists the objects of a resource in one namespace that have no owner, as
   * private copies, in the order SQLite returns them after a flush (rowid
   * order). Pending writes are read where they are, so this costs no flush.
   */
  listOrphans(resource: string, namespace: string): KObject[] {
    const sql = 'SELECT rowid AS id, name, data FROM objects WHERE resource = ? AND namespace = ? AND owner IS NULL';
    const rows = this.stmt(sql, false).all(resource, namespace) as RowidRow[];
    if (this.pending.size === 0) return rows.map((r) => JSON.parse(r.data) as KObject);
    const rowidOf = (name: string) =>
      (this.stmt('SELECT rowid AS id FROM objects WHERE resource = ? AND namespace = ? AND name = ?', false).get(resource, namespace, name) as { id: number }).id;
    return this.pending.overlayOrphans(resource, namespace, rows, rowidOf).map((row) => this.decodeRow(row));
  }

  /**
   * Decodes a row into a private copy, without encoding one this process
   * wrote. Given the row's object key (`shareAs`), inside a transaction, it
   * returns the cache's own object instead, and caches a row read from
   * SQLite, so each version of an object is parsed once.
   */
  private decodeRow(row: { data: string }, shareAs?: { resource: string; namespace: string; name: string }): KObject {
    if (shareAs === undefined) return row instanceof EncodedRow ? cloneJson(row.obj) : JSON.parse(row.data);
    if (row instanceof EncodedRow) return row.obj;
    const { resource, namespace, name } = shareAs;
    if (this.depth === 0 || !this.cache.caches(resource)) return JSON.parse(row.data);
    // While the cache is valid it contains the row SQLite has (or the pending one), so only an uncached row is remembered.
    if (!this.cache.row(resource, namespace, name)) {
      // Callers that share pass a whole row (indexed columns included).
      const { owner, node } = row as CachedRow;
      this.cache.remember(resource, namespace, name, { data: row.data, owner, node });
    }
    return this.cache.shared(resource, namespace, name) ?? JSON.parse(row.data);
  }

  /** Counts objects of a resource without loading them. */
  count(resource: string, namespace?: string): number {
    const row =
      namespace === undefined
        ? this.stmt('SELECT count(*) AS n FROM objects WHERE resource = +?').get(resource)
        : this.stmt('SELECT count(*) AS n FROM objects WHERE resource = +? AND namespace = ?').get(resource, namespace);
    return (row as { n: number }).n;
  }

  private nextRv(): string {
    if (this.depth === 0) throw new Error('store write outside a transaction');
    this.rv += 1;
    return String(this.rv);
  }

  /** Generates a uid from the cluster's seeded generator so runs repeat. */
  newUid: () => string = () => {
    throw new Error('store.newUid is not wired');
  };

  /** Picks a generateName suffix; wired by the engine to the seeded generator. */
  randomSuffix: () => string = () => {
    throw new Error('store.randomSuffix is not wired');
  };

  /** Creates an object; fills uid, resourceVersion, generation and creationTimestamp. */
  create(resource: string, input: KObject, opts?: WriteOptions): KObject {
    return this.tx(() => {
      const obj: KObject = opts?.owned ? input : cloneJson(input);
      const meta = obj.metadata ?? (obj.metadata = { name: '' });
      if (!meta.name && meta.generateName) {
        const base = meta.generateName.slice(0, 58);
        for (let attempt = 0; ; attempt++) {
          meta.name = base + this.randomSuffix();
          if (!this.exists(resource, meta.namespace ?? '', meta.name) || attempt > 8) break;
        }
      }
      meta.uid = this.newUid();
      meta.creationTimestamp = isoTime(this.now());
      this.admission?.(resource, obj, undefined, 'create');
      const ns = meta.namespace ?? '';
      if (this.exists(resource, ns, meta.name)) throw alreadyExists(qualified(resource), meta.name);
      meta.resourceVersion = this.nextRv();
      if ((obj.spec !== undefined && !UNVERSIONED_SPEC.has(resource)) || VERSIONED_WITHOUT_SPEC.has(resource)) meta.generation = 1;
      delete meta.deletionTimestamp;
      // An owned object of an uncached resource (an event) is encoded when its row reaches SQLite,
      // so one deleted before then, as the --event-ttl sweep deletes events in a long catch-up, never is.
      const row: CachedRow =
        this.cache.caches(resource) || opts?.owned
          ? new EncodedRow(deepFreeze(opts?.owned ? obj : cloneJson(obj)), ownerUidOf(obj), obj.spec?.nodeName ?? null)
          : { data: JSON.stringify(obj), owner: ownerUidOf(obj), node: obj.spec?.nodeName ?? null };
      this.stampLastWrite(resource, row);
      this.pending.stage(resource, ns, meta.name, meta.uid, Number(meta.resourceVersion), row, null, true);
      this.createdUids.add(meta.uid);
      this.cache.wrote(resource, ns, meta.name, row, undefined);
      this.wrote(resource);
      for (const h of this.hooks) h(resource, obj, undefined);
      return obj;
    });
  }

  /**
   * Replaces an object. The caller's resourceVersion must be the stored one
   * (a stale one is a Conflict and nothing is written); an empty one skips the check.
   */
  update(resource: string, input: KObject, opts?: WriteOptions): KObject {
    return this.tx(() => {
      const obj: KObject = opts?.owned ? input : cloneJson(input);
      const meta = obj.metadata;
      const ns = meta.namespace ?? '';
      const oldRow = this.readRow(resource, ns, meta.name);
      if (!oldRow) throw notFound(qualified(resource), meta.name);
      const old: KObject = this.cache.shared(resource, ns, meta.name) ?? JSON.parse(oldRow.data);
      if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
        throw conflict(qualified(resource), meta.name);
      }
      meta.uid = old.metadata.uid;
      meta.creationTimestamp = old.metadata.creationTimestamp;
      if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;
      this.admission?.(resource, obj, old, 'update');
      if (old.metadata.deletionTimestamp && finishesDeletion(resource, obj, old)) {
        this.remove(resource, ns, meta.name);
        // The API server returns the object as the deletion left it, with the deletion's resourceVersion.
        meta.resourceVersion = String(this.rv);
        return obj;
      }
      let sameSpec = false;
      if (old.metadata.generation !== undefined && VERSIONED_WITHOUT_SPEC.has(resource)) {
        const same = jsonEqual(obj, old, METADATA) && jsonEqual(meta.labels, old.metadata.labels);
        meta.generation = same ? old.metadata.generation : old.metadata.generation + 1;
      } else if (old.metadata.generation !== undefined) {
        sameSpec = jsonEqual(obj.spec, old.spec);
        meta.generation = sameSpec ? old.metadata.generation : old.metadata.generation + 1;
      }
      if (this.cache.caches(resource)) {
        // A no-op equals the stored object with the old version in place; the row is encoded when it reaches SQLite.
        // Most updates change the status, so it is compared first, and no part is compared twice.
        meta.resourceVersion = old.metadata.resourceVersion ?? '';
        if (jsonEqual(obj.status, old.status) && jsonEqual(obj, old, sameSpec ? SPEC_AND_STATUS : STATUS)) return cloneJson(old);
        meta.resourceVersion = this.nextRv();
        const row: CachedRow = new EncodedRow(deepFreeze(opts?.owned ? obj : cloneJson(obj)), ownerUidOf(obj), obj.spec?.nodeName ?? null);
        this.stampLastWrite(resource, row);
        this.pending.stage(resource, ns, meta.name, meta.uid!, Number(meta.resourceVersion), row, { uid: old.metadata.uid!, owner: oldRow.owner, node: oldRow.node }, false);
        this.cache.wrote(resource, ns, meta.name, row, oldRow);
        this.wrote(resource);
        for (const h of this.hooks) h(resource, obj, old);
        return obj;
      }
      // Encode once with a placeholder version: with the old version in its
      // place it must equal the stored text (JSON.stringify output) for a no-op.
      meta.resourceVersion = RV_SENTINEL;
      const encoded = JSON.stringify(obj);
      const oldRv = old.metadata.resourceVersion ?? '';
      if (encoded.replace(RV_SENTINEL_JSON, JSON.stringify(oldRv)) === oldRow.data) {
        meta.resourceVersion = oldRv;
        return cloneJson(old);
      }
      meta.resourceVersion = this.nextRv();
      const row: CachedRow = {
        data: encoded.replace(RV_SENTINEL_JSON, JSON.stringify(meta.resourceVersion)),
        owner: ownerUidOf(obj),
        node: obj.spec?.nodeName ?? null,
      };
      this.stampLastWrite(resource, row);
      this.pending.stage(resource, ns, meta.name, meta.uid!, Number(meta.resourceVersion), row, { uid: old.metadata.uid!, owner: oldRow.owner, node: oldRow.node }, false);
      this.cache.wrote(resource, ns, meta.name, row, oldRow);
      this.wrote(resource);
      for (const h of this.hooks) h(resource, obj, old);
      return obj;
    });
  }

  /**
   * Removes an object from storage now (finalizers and grace periods are the
   * caller's business). Returns the removed object as the cache held it,
   * which write hooks also get: callers must not change it (it is frozen under tests).
   */
  remove(resource: string, namespace: string, name: string): KObject | undefined {
    return this.tx(() => {
      const oldRow = this.readRow(resource, namespace, name);
      if (!oldRow) return undefined;
      // Nothing changes the removed object, so an object the cache decoded already costs nothing.
      const old = this.decodeRow(oldRow, { resource, namespace, name });
      this.admission?.(resource, old, old, 'delete');
      this.pending.stage(resource, namespace, name, old.metadata.uid!, Number(this.nextRv()), null, { uid: old.metadata.uid!, owner: oldRow.owner, node: oldRow.node }, false);
      this.cache.wrote(resource, namespace, name, undefined, oldRow);
      this.wrote(resource);
      if (resource === 'pods') this.deletePodLogs(old.metadata.uid!);
      for (const h of this.hooks) h(resource, undefined, old);
      return old;
    });
  }

  /**
   * Deletes a removed pod's log lines. A pod created in this transaction has
   * no lines in SQLite while no log statement has run in it, so its deferred
   * appends are dropped instead, which saves both the INSERTs and the DELETE.
   */
  private deletePodLogs(uid: string): void {
    if (this.createdInTx(uid) && this.logWrites.dropUnsent(APPEND_LOG_SQL, uid)) return;
    this.logWrites.defer('DELETE FROM logs WHERE pod_uid = ?', uid);
  }

  /** Queues `key` for `controller`; a key already queued keeps its place. */
  enqueue(controller: string, key: string): void {
    if (this.depth === 0) throw new Error('store enqueue outside a transaction');
    this.queue.push(controller, key);
  }

  /** Reports whether `key` is queued for `controller` and not yet taken (inside a transaction). */
  isQueued(controller: string, key: string): boolean {
    return this.queue.has(controller, key);
  }

  /** Takes the oldest queued key, if any (inside a transaction). */
  takeNextQueued(): QueueItem | undefined {
    return this.queue.takeOne();
  }

  /** Takes up to `limit` queued keys, oldest first (inside a transaction). */
  takeQueued(limit: number): QueueItem[] {
    return this.queue.take(limit);
  }

  /** Asks for `key` of `controller` to be queued at `due` (ms); inside a transaction the timer reaches SQLite at commit. */
  addTimer(due: number, controller: string, key: string): void {
    if (this.depth === 0) {
      this.stmt('INSERT OR IGNORE INTO timers(due, controller, key) VALUES (?, ?, ?)').run(Math.ceil(due), controller, key);
      return;
    }
    this.timers.add(Math.ceil(due), controller, key);
  }

  /** Returns the earliest timer's due time, or undefined when no timer is waiting. */
  nextTimerDue(): number | undefined {
    return this.timers.nextDue(this.depth > 0);
  }

  /** Reports whether a timer of `controller` (for `key`, if given) is waiting, without sending pending timers to SQLite. */
  hasTimer(controller: string, key?: string): boolean {
    return this.timers.has(controller, key);
  }

  /**
   * Removes and returns the timers due at `now`, in due time order and, at
   * one time, in the order they were added (outside savepoints).
   */
  takeDueTimers(now: number): Timer[] {
    return this.timers.takeDue(now);
  }

  /** Appends container log lines (one row per call); each line is visible once simulated time reaches its timestamp. */
  appendLogs(podUid: string, container: string, attempt: number, lines: LogLine[]): void {
    appendLogBatch(this.depth > 0 ? this.logWrites.deferring : (sql) => this.stmt(sql), podUid, container, attempt, lines);
  }

  /** Reads the log lines of one container attempt up to `until` (ms), in timestamp then append order. */
  readLogs(podUid: string, container: string, attempt: number, until: number): LogLine[] {
    return readLogBatches((sql) => this.stmt(sql), podUid, container, attempt, until);
  }

  /** Drops log lines that a killed container never got to print. */
  truncateLogs(podUid: string, container: string, attempt: number, after: number): void {
    truncateLogBatches((sql) => this.stmt(sql), podUid, container, attempt, after);
  }

  /** Returns the time of the first log line of one container attempt after `after` (ms), for `logs -f`. */
  nextLogTime(podUid: string, container: string, attempt: number, after: number): number | undefined {
    return nextLogBatchTime((sql) => this.stmt(sql), podUid, container, attempt, after);
  }

  /**
   * Deletes in one statement the objects of `resource` whose rowids the
   * query `selectRowids` returns (its parameters are `args`), and returns
   * how many it deleted. Unlike remove(), it neither decodes the objects nor
   * runs admission or write hooks, and it does not update the object cache.
   * It is therefore only for a resource that the object cache does not keep
   * and whose deletion no admission step, hook or watcher acts on: events,
   * which the --event-ttl sweep deletes by the thousand. Each deleted object
   * still takes a resourceVersion, as it would through remove(). For a
   * resource in LAST_WRITE_RESOURCES the query reads this transaction's
   * writes over stored rows but not the objects it created, which
   * removePendingWrittenBy() deletes.
   */
  removeSelected(resource: string, selectRowids: string, ...args: unknown[]): number {
    return this.tx(() => {
      // The unary + keeps SQLite from reading every object of the resource through objects_key.
      const sql = `DELETE FROM objects WHERE rowid IN (${selectRowids}) AND +resource = ?`;
      const { changes } = this.stmt(sql, this.storedScope(resource)).run(...args, resource) as { changes: number };
      this.rv += changes;
      this.writes.set(resource, this.writesOf(resource) + changes);
      return changes;
    });
  }

  /**
   * Like preparedFor(), for a query over the stored rows of a resource in
   * LAST_WRITE_RESOURCES: only its pending writes over rows SQLite has are
   * sent there first. The objects this transaction created stay pending and
   * out of the query's sight (see removePendingWrittenBy() and earliestPendingWrite()).
   */
  preparedStored(resource: string, sql: string) {
    return this.stmt(sql, this.storedScope(resource));
  }

  private storedScope(resource: string): FlushScope {
    return LAST_WRITE_RESOURCES.has(resource) ? { stored: resource } : resource;
  }

  /**
   * Deletes up to `limit` objects of a resource in LAST_WRITE_RESOURCES
   * that this transaction created and last wrote at or before `cutoff` (ms),
   * earliest first, and returns how many it deleted. Their rows never reach
   * SQLite. As for removeSelected(), no admission step or hook runs, and
   * each deletion takes a resourceVersion.
   */
  removePendingWrittenBy(resource: string, cutoff: number, limit: number): number {
    if (this.depth === 0 || limit <= 0) return 0;
    const due = this.pending.dueCreates(resource, cutoff, limit);
    for (const w of due) this.pending.stage(resource, w.namespace, w.name, w.uid, Number(this.nextRv()), null, null, false);
    if (due.length > 0) this.writes.set(resource, this.writesOf(resource) + due.length);
    return due.length;
  }

  /** Returns the earliest last write (ms) among the objects of `resource` this transaction created and still has, or undefined. */
  earliestPendingWrite(resource: string): number | undefined {
    return this.depth === 0 ? undefined : this.pending.earliestCreate(resource);
  }
}
