/**
 * The controllers' work queue inside one transaction. The queue table contains
 * the keys still due when a transaction commits. While a transaction runs,
 * keys are added and taken in memory, so a reconcile costs no queue
 * statements. Keys come out in the order they went in, and a key already
 * waiting keeps its place.
 */
import type { Prepare } from './db.js';

/** One queued key; `id` is its row in the queue table when it came from there. */
export interface QueueItem {
  controller: string;
  key: string;
  id?: number;
}

function itemKey(controller: string, key: string): string {
  return controller + '\u0000' + key;
}

export class WorkQueue {
  private items: QueueItem[] = [];
  private head = 0;
  private waiting = new Set<string>();
  /** Rows of the queue table taken in this transaction, deleted at commit. */
  private takenRowIds: number[] = [];
  private loaded = false;

  /** `prepare` is the store's cache of prepared statements. */
  constructor(private readonly prepare: Prepare) {}

  /** Reads the keys left in the queue table by earlier transactions, once per transaction. */
  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    const rows = this.prepare('SELECT id, controller, key FROM queue ORDER BY id').all() as QueueItem[];
    for (const row of rows) {
      this.items.push(row);
      this.waiting.add(itemKey(row.controller, row.key));
    }
  }

  /** Adds a key unless it is already waiting. */
  push(controller: string, key: string): void {
    this.load();
    const k = itemKey(controller, key);
    if (this.waiting.has(k)) return;
    this.waiting.add(k);
    this.items.push({ controller, key });
  }

  /** Reports whether a key is waiting to be taken. */
  has(controller: string, key: string): boolean {
    this.load();
    return this.waiting.has(itemKey(controller, key));
  }

  /** Takes up to `limit` keys from the front. */
  take(limit: number): QueueItem[] {
    this.load();
    const end = Math.min(this.items.length, this.head + limit);
    const out = this.items.slice(this.head, end);
    this.head = end;
    for (const item of out) {
      this.waiting.delete(itemKey(item.controller, item.key));
      if (item.id !== undefined) this.takenRowIds.push(item.id);
    }
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return out;
  }

  /** Returns a mark for rollback(): the queue's length now. */
  mark(): number {
    return this.items.length;
  }

  /** Drops the keys added since `mark` (a rolled-back savepoint added them). */
  rollback(mark: number): void {
    for (let i = this.items.length - 1; i >= Math.max(mark, this.head); i--) {
      const item = this.items[i];
      this.waiting.delete(itemKey(item.controller, item.key));
    }
    this.items.length = Math.max(mark, this.head);
  }

  /** Writes the queue back to its table (inside the committing transaction) and empties the memory. */
  flush(): void {
    if (!this.loaded) return;
    if (this.takenRowIds.length > 0) {
      const del = this.prepare('DELETE FROM queue WHERE id = ?');
      for (const id of this.takenRowIds) del.run(id);
    }
    const insert = this.prepare('INSERT OR IGNORE INTO queue(controller, key) VALUES (?, ?)');
    for (let i = this.head; i < this.items.length; i++) {
      const item = this.items[i];
      if (item.id === undefined) insert.run(item.controller, item.key);
    }
    this.reset();
  }

  /** Forgets everything in memory (after a commit or a rollback). */
  reset(): void {
    this.items = [];
    this.head = 0;
    this.waiting.clear();
    this.takenRowIds = [];
    this.loaded = false;
  }
}
