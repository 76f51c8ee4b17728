/**
 * Controller wake-ups (rows of the timers table) added in the current
 * transaction, kept in memory until it commits, as object writes are. A
 * reconcile that schedules a wake-up then runs no statement, so it needs no
 * SQL savepoint, and a wake-up that falls due in the same transaction never
 * reaches SQLite.
 *
 * Reads combine the table with these timers in the order the table would
 * give after a flush: by due time, then by rowid. A new row comes after every
 * existing one, and new rows keep the order they were added in.
 */
import type { Prepare } from './db.js';

/** One wake-up: reconcile `key` of `controller` at `due` (ms). */
export interface Timer {
  due: number;
  controller: string;
  key: string;
}

interface PendingTimer extends Timer {
  /** Counts additions, so a savepoint can drop the timers added after its mark. */
  seq: number;
}

/** A point to roll the pending timers back to (see PendingTimers.undo). */
export interface TimerMark {
  seq: number;
  flushes: number;
}

/** Identifies a timer as the table's unique index does. */
function timerId(due: number, controller: string, key: string): string {
  return due + '\u0000' + controller + '\u0000' + key;
}

export class PendingTimers {
  /** Timers not yet in SQLite, in the order they were added. */
  private timers: PendingTimer[] = [];
  private ids = new Set<string>();
  /** Pending timers per controller and per controller and key, so has() needs no scan. */
  private counts = new Map<string, number>();
  /** The earliest pending due time (Infinity when none is pending), so nextDue() and takeDue() need no scan. */
  private minDue = Infinity;
  private seq = 0;
  /** Timers flushed while a savepoint was open: rolling it back also rolls back their rows, so they are pending again. */
  private flushed: PendingTimer[][] = [];
  /**
   * Earliest due time in the table as last read in this transaction
   * (Infinity when the table is empty), or NaN when unknown. Inside a
   * transaction only this class writes the table and keeps this value current,
   * so a settle that steps through many instants queries the table's minimum once.
   */
  private storedMin = NaN;

  /**
   * `prepare` must not flush these timers, because the flush runs through it.
   * `logging` reports whether a savepoint is open.
   */
  constructor(
    private readonly prepare: Prepare,
    private readonly logging: () => boolean,
  ) {}

  get size(): number {
    return this.timers.length;
  }

  /** Adds a timer unless the same one is pending (the table ignores a duplicate of its own rows at the flush). */
  add(due: number, controller: string, key: string): void {
    const id = timerId(due, controller, key);
    if (this.ids.has(id)) return;
    this.ids.add(id);
    this.timers.push({ due, controller, key, seq: ++this.seq });
    this.count(controller, key, 1);
    if (due < this.minDue) this.minDue = due;
  }

  private count(controller: string, key: string, delta: number): void {
    for (const k of [controller, controller + '\u0000' + key]) {
      const n = (this.counts.get(k) ?? 0) + delta;
      if (n === 0) this.counts.delete(k);
      else this.counts.set(k, n);
    }
  }

  /** Replaces the pending timers and recomputes what is derived from them. */
  private reset(timers: PendingTimer[]): void {
    this.timers = timers;
    this.ids.clear();
    this.counts.clear();
    this.minDue = Infinity;
    for (const t of timers) {
      this.ids.add(timerId(t.due, t.controller, t.key));
      this.count(t.controller, t.key, 1);
      if (t.due < this.minDue) this.minDue = t.due;
    }
  }

  /** Returns a mark for undo(). */
  mark(): TimerMark {
    return { seq: this.seq, flushes: this.flushed.length };
  }

  /**
   * Puts the pending timers back as they were at `mark`, after SQLite rolled
   * back to the same point: timers flushed since are pending again, and
   * timers added since are dropped. Timers taken since are not restored.
   */
  undo(mark: TimerMark): void {
    // The rollback removed rows flushed since `mark` and restored rows that takeDue deleted since,
    // so the table's minimum is unknown.
    this.storedMin = NaN;
    const last = this.timers.length > 0 ? this.timers[this.timers.length - 1] : undefined;
    if (this.flushed.length === mark.flushes && (last === undefined || last.seq <= mark.seq)) return;
    // Every flush emptied the memory, so the timers flushed first come first.
    let timers = this.timers;
    for (let i = this.flushed.length - 1; i >= mark.flushes; i--) timers = this.flushed[i].concat(timers);
    this.flushed.length = mark.flushes;
    let end = timers.length;
    while (end > 0 && timers[end - 1].seq > mark.seq) end--;
    this.reset(timers.slice(0, end));
  }

  /** Drops the flush records after `mark`, once no open savepoint can roll back to before them. */
  forgetUndo(mark: TimerMark): void {
    this.flushed.length = mark.flushes;
  }

  /**
   * Returns the earliest due time in the table or in memory, or undefined
   * when there is no timer. With `inTx` (inside a transaction) it reuses the
   * table's minimum from an earlier call instead of querying again.
   */
  nextDue(inTx: boolean): number | undefined {
    let stored = this.storedMin;
    if (Number.isNaN(stored) || !inTx) {
      const row = this.prepare('SELECT min(due) AS due FROM timers').get() as { due: number | null };
      stored = row.due ?? Infinity;
      this.storedMin = inTx ? stored : NaN;
    }
    const due = Math.min(stored, this.minDue);
    return due === Infinity ? undefined : due;
  }

  /** Reports whether a timer of `controller` (for `key`, if given) is waiting, in the table or in memory. */
  has(controller: string, key?: string): boolean {
    if (this.counts.has(key === undefined ? controller : controller + '\u0000' + key)) return true;
    const row =
      key === undefined
        ? this.prepare('SELECT 1 FROM timers WHERE controller = ? LIMIT 1').get(controller)
        : this.prepare('SELECT 1 FROM timers WHERE controller = ? AND key = ? LIMIT 1').get(controller, key);
    return row !== undefined;
  }

  /**
   * Removes and returns the timers due at `now`, by due time, rows of the
   * table before new ones at the same time. Only outside savepoints: undo()
   * does not restore taken timers.
   */
  takeDue(now: number): Timer[] {
    let stored: Timer[] = [];
    // A table whose earliest row is later than `now` has nothing due (see storedMin).
    if (!(this.storedMin > now)) {
      stored = this.prepare('SELECT id, due, controller, key FROM timers WHERE due <= ? ORDER BY due, id').all(now) as Timer[];
      if (stored.length > 0) this.prepare('DELETE FROM timers WHERE due <= ?').run(now);
      this.storedMin = NaN;
    }
    if (this.minDue > now) return stored;
    // A pending timer equal to a stored one was never a row of its own.
    const storedIds = new Set(stored.map((t) => timerId(t.due, t.controller, t.key)));
    const due: PendingTimer[] = [];
    const rest: PendingTimer[] = [];
    for (const t of this.timers) {
      if (t.due > now) rest.push(t);
      else if (!storedIds.has(timerId(t.due, t.controller, t.key))) due.push(t);
    }
    this.reset(rest);
    due.sort((a, b) => a.due - b.due || a.seq - b.seq);
    const out: Timer[] = [];
    let i = 0;
    for (const t of due) {
      while (i < stored.length && stored[i].due <= t.due) out.push(stored[i++]);
      out.push({ due: t.due, controller: t.controller, key: t.key });
    }
    while (i < stored.length) out.push(stored[i++]);
    return out;
  }

  /** Inserts the pending timers into the table, in the order they were added. */
  flush(): void {
    if (this.timers.length === 0) return;
    const insert = this.prepare('INSERT OR IGNORE INTO timers(due, controller, key) VALUES (?, ?, ?)');
    for (const t of this.timers) insert.run(t.due, t.controller, t.key);
    this.storedMin = Math.min(this.storedMin, this.minDue);
    if (this.logging()) this.flushed.push(this.timers);
    this.reset([]);
  }

  /** Forgets everything (the transaction ended, and other processes may write the table). */
  clear(): void {
    this.reset([]);
    this.flushed.length = 0;
    this.storedMin = NaN;
  }
}
