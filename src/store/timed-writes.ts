/**
 * The pending writes of resources whose rows record their last write
 * (events, which the --event-ttl sweep deletes by it), in two groups:
 *
 * - writes that create a row, in last-write order, so the sweep can drop
 *   the objects created and expired within one transaction before their
 *   rows reach SQLite, at a cost that follows the objects dropped;
 * - writes over rows SQLite already has, which the sweep sends to SQLite
 *   first, so that its query over stored rows reads their last write.
 *
 * An entry is valid while its write is the one pending under its key (the
 * caller checks by identity), so a later write or a flush makes it stale
 * without any bookkeeping here.
 */
import type { PendingWrite } from './pending-writes.js';

/** A pending create of a row, with its key. */
export interface TimedEntry {
  key: string;
  write: PendingWrite;
}

/** Creates of one resource in staging order, which is last-write order while simulated time only moves forward. */
interface CreateQueue {
  entries: TimedEntry[];
  /** Entries before this index were taken or found stale. */
  head: number;
  /** False once an entry came in with an earlier last write than the one before it. */
  ordered: boolean;
}

/** Above this many taken entries at the front, a queue drops them. */
const COMPACT_AFTER = 1024;

/** Returns the write pending under a key, so that stale entries are skipped. */
export type CurrentWrite = (key: string) => PendingWrite | undefined;

export class TimedWrites {
  private readonly creates = new Map<string, CreateQueue>();
  /** Keys of pending writes over stored rows, by resource. */
  private readonly overStored = new Map<string, Set<string>>();

  /** `resources` are those whose rows record their last write. */
  constructor(private readonly resources: ReadonlySet<string>) {}

  /** Reports whether writes of `resource` are tracked here. */
  tracks(resource: string): boolean {
    return this.resources.has(resource);
  }

  /** Records a write just staged under `key` (of a tracked resource). */
  staged(key: string, write: PendingWrite): void {
    if (write.base !== null) {
      let keys = this.overStored.get(write.resource);
      if (keys === undefined) this.overStored.set(write.resource, (keys = new Set()));
      keys.add(key);
      return;
    }
    const lastWrite = write.row?.lastWrite;
    if (lastWrite === undefined) return;
    let queue = this.creates.get(write.resource);
    if (queue === undefined) this.creates.set(write.resource, (queue = { entries: [], head: 0, ordered: true }));
    const { entries } = queue;
    if (entries.length > queue.head && (entries[entries.length - 1].write.row?.lastWrite ?? 0) > lastWrite) queue.ordered = false;
    entries.push({ key, write });
  }

  /** Removes and returns the keys of `resource`'s pending writes over stored rows (some may be stale). */
  takeOverStored(resource: string): Set<string> | undefined {
    const keys = this.overStored.get(resource);
    if (keys === undefined || keys.size === 0) return undefined;
    this.overStored.delete(resource);
    return keys;
  }

  /**
   * Takes up to `limit` pending creates of `resource` last written at or
   * before `cutoff` (ms), earliest first.
   */
  takeDue(resource: string, cutoff: number, limit: number, current: CurrentWrite): PendingWrite[] {
    const queue = this.creates.get(resource);
    const out: PendingWrite[] = [];
    if (queue === undefined) return out;
    this.order(queue);
    const { entries } = queue;
    while (queue.head < entries.length && out.length < limit) {
      const entry = entries[queue.head];
      if (current(entry.key) === entry.write) {
        if ((entry.write.row?.lastWrite ?? 0) > cutoff) break;
        out.push(entry.write);
      }
      queue.head++;
    }
    this.compact(queue);
    return out;
  }

  /** Returns the earliest last write (ms) among `resource`'s pending creates, or undefined when there is none. */
  earliest(resource: string, current: CurrentWrite): number | undefined {
    const queue = this.creates.get(resource);
    if (queue === undefined) return undefined;
    this.order(queue);
    const { entries } = queue;
    while (queue.head < entries.length && current(entries[queue.head].key) !== entries[queue.head].write) queue.head++;
    this.compact(queue);
    return queue.head < entries.length ? entries[queue.head].write.row?.lastWrite : undefined;
  }

  /** Drops the entries of one resource, whose writes were sent to SQLite. */
  forget(resource: string): void {
    this.creates.delete(resource);
    this.overStored.delete(resource);
  }

  /** Drops every entry, because the writes were sent or the transaction ended. */
  clear(): void {
    this.creates.clear();
    this.overStored.clear();
  }

  /** Sorts a queue's live entries by last write if one came out of order (a clock set back). */
  private order(queue: CreateQueue): void {
    if (queue.ordered) return;
    const live = queue.entries.slice(queue.head);
    // Array.prototype.sort is stable, so entries of one last write keep their staging order.
    live.sort((a, b) => (a.write.row?.lastWrite ?? 0) - (b.write.row?.lastWrite ?? 0));
    queue.entries = live;
    queue.head = 0;
    queue.ordered = true;
  }

  private compact(queue: CreateQueue): void {
    if (queue.head === queue.entries.length) {
      queue.entries.length = 0;
      queue.head = 0;
    } else if (queue.head > COMPACT_AFTER) {
      queue.entries = queue.entries.slice(queue.head);
      queue.head = 0;
    }
  }
}
