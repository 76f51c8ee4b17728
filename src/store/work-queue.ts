/**
 * The controllers' work queue inside one transaction. The queue table contains
 * the keys still due when a transaction commits. While a transaction runs,
 * keys are added and taken in memory, so a reconcile costs no queue
 * statements. Keys come out in the order they went in, and a key already
 * waiting keeps its place, except that the scheduler's and the kubelet's keys
 * come out before the other controllers' keys (see FIRST_LANE).
 *
 * A commit writes only the changes, and the process keeps the queue in
 * memory for its next transaction unless another process changed the table
 * since, which the queueVersion meta value shows. A settle that leaves
 * thousands of keys queued across many transactions then reads them once,
 * not once per transaction.
 */
import type { Prepare } from './db.js';

/** Meta key counting the commits that changed the queue table. */
const QUEUE_VERSION = 'queueVersion';

/** The store's meta values, read and written inside its transaction. */
export interface QueueMeta {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** One queued key; `id` is its row in the queue table when it came from there. */
export interface QueueItem {
  controller: string;
  key: string;
  id?: number;
}

function itemKey(controller: string, key: string): string {
  return controller + '\u0000' + key;
}

/**
 * Controllers whose keys are taken before any other controller's. In a live
 * cluster the scheduler and the kubelets work while a ReplicaSet controller
 * is still creating its burst of pods, so a pod is bound and its containers
 * set up moments after its creation. Taking their keys first does the same at
 * one simulated instant: each pod is created, bound and set up in the same
 * transaction, where its three writes reach SQLite as one row.
 */
const FIRST_LANE = new Set(['scheduler', 'kubelet']);

/** Keys in the order they were queued; the ones before `head` were taken. */
interface Lane {
  items: QueueItem[];
  head: number;
}

/** A mark for rollback(): each lane's length. */
export interface QueueMark {
  first: number;
  rest: number;
}

function newLane(): Lane {
  return { items: [], head: 0 };
}

export class WorkQueue {
  private first: Lane = newLane();
  private rest: Lane = newLane();
  private waiting = new Set<string>();
  /** Rows of the queue table taken in this transaction, deleted at commit. */
  private takenRowIds: number[] = [];
  private loaded = false;
  /** The queue version the memory matched at this process's last commit, if it kept the memory. */
  private retained: string | undefined;
  /** The version written by flush(), kept once the commit succeeds. */
  private flushed: string | undefined;

  /** `prepare` is the store's cache of prepared statements. */
  constructor(
    private readonly prepare: Prepare,
    private readonly meta: QueueMeta,
  ) {}

  /** Reads the keys left in the queue table by earlier transactions, once per transaction, unless the memory still matches it. */
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    const version = this.meta.get(QUEUE_VERSION);
    if (this.retained !== undefined && this.retained === version) return;
    this.clearMemory();
    const rows = this.prepare('SELECT id, controller, key FROM queue ORDER BY id').all() as QueueItem[];
    for (const row of rows) {
      this.laneOf(row.controller).items.push(row);
      this.waiting.add(itemKey(row.controller, row.key));
    }
  }

  /** Adds a key unless it is already waiting. */
  push(controller: string, key: string): void {
    this.load();
    const k = itemKey(controller, key);
    if (this.waiting.has(k)) return;
    this.waiting.add(k);
    this.laneOf(controller).items.push({ controller, key });
  }

  private laneOf(controller: string): Lane {
    return FIRST_LANE.has(controller) ? this.first : this.rest;
  }

  /** Reports whether a key is waiting to be taken. */
  has(controller: string, key: string): boolean {
    this.load();
    return this.waiting.has(itemKey(controller, key));
  }

  /** Takes up to `limit` keys from the front. */
  take(limit: number): QueueItem[] {
    const out: QueueItem[] = [];
    while (out.length < limit) {
      const item = this.takeOne();
      if (!item) break;
      out.push(item);
    }
    return out;
  }

  /** Takes the key at the front, if any (take(1) without the array). */
  takeOne(): QueueItem | undefined {
    this.load();
    const lane = this.first.head < this.first.items.length ? this.first : this.rest;
    if (lane.head === lane.items.length) return undefined;
    const item = lane.items[lane.head++];
    this.waiting.delete(itemKey(item.controller, item.key));
    if (item.id !== undefined) this.takenRowIds.push(item.id);
    if (lane.head > 4096 && lane.head * 2 > lane.items.length) {
      lane.items = lane.items.slice(lane.head);
      lane.head = 0;
    }
    return item;
  }

  /** Returns a mark for rollback(): the queue's length now. */
  mark(): QueueMark {
    return { first: this.first.items.length, rest: this.rest.items.length };
  }

  /** Drops the keys added since `mark` (a rolled-back savepoint added them). */
  rollback(mark: QueueMark): void {
    this.rollbackLane(this.first, mark.first);
    this.rollbackLane(this.rest, mark.rest);
  }

  private rollbackLane(lane: Lane, mark: number): void {
    for (let i = lane.items.length - 1; i >= Math.max(mark, lane.head); i--) {
      const item = lane.items[i];
      this.waiting.delete(itemKey(item.controller, item.key));
    }
    lane.items.length = Math.max(mark, lane.head);
  }

  /**
   * Writes this transaction's changes to the queue table (inside the
   * committing transaction): deletes the taken rows, inserts the new keys.
   */
  flush(): void {
    this.flushed = undefined;
    if (!this.loaded) return;
    let changed = this.takenRowIds.length > 0;
    if (changed) {
      const del = this.prepare('DELETE FROM queue WHERE id = ?');
      for (const id of this.takenRowIds) del.run(id);
    }
    const insert = this.prepare('INSERT OR IGNORE INTO queue(controller, key) VALUES (?, ?)');
    let inSync = true;
    for (const lane of [this.first, this.rest]) {
      for (let i = lane.head; i < lane.items.length; i++) {
        const item = lane.items[i];
        if (item.id !== undefined) continue;
        const info = insert.run(item.controller, item.key);
        // An ignored insert means the table had a row the memory did not: read the table again next time.
        if (info.changes === 0) inSync = false;
        else item.id = Number(info.lastInsertRowid);
        changed = true;
      }
    }
    let version = this.meta.get(QUEUE_VERSION);
    if (changed || version === undefined) {
      version = String(Number(version ?? '0') + 1);
      this.meta.set(QUEUE_VERSION, version);
    }
    // Out of sync, the memory is dropped after the commit (committed() finds no flushed version).
    this.flushed = inSync ? version : undefined;
  }

  /** Keeps the flushed queue in memory for the next transaction (after a successful commit). */
  committed(): void {
    const version = this.flushed;
    if (version === undefined) {
      // A transaction that did not load the queue left the table as the memory saw it.
      if (this.loaded) this.reset();
      this.loaded = false;
      return;
    }
    for (const lane of [this.first, this.rest]) {
      lane.items = lane.items.slice(lane.head);
      lane.head = 0;
    }
    this.takenRowIds = [];
    this.loaded = false;
    this.retained = version;
    this.flushed = undefined;
  }

  /** Forgets everything in memory (after a rollback, or a commit that did not load the queue). */
  reset(): void {
    this.clearMemory();
    this.loaded = false;
    this.retained = undefined;
    this.flushed = undefined;
  }

  private clearMemory(): void {
    this.first = newLane();
    this.rest = newLane();
    this.waiting.clear();
    this.takenRowIds = [];
  }
}
