/**
 * The meta table's values within one transaction: a value read once is kept
 * until the transaction ends, and writes reach SQLite when it commits.
 * A savepoint that rolls back puts the values it wrote back (see mark()).
 */
import type { Prepare } from './db.js';

const UPSERT_META = 'INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value';

/**
 * A meta value that its writer keeps decoded. It is encoded only when read
 * as text or written to SQLite at commit, so when a key is written many times
 * in one transaction, only its last value is encoded.
 */
export interface DeferredMeta {
  /** Returns the value as stored text, the same text on every call. */
  text(): string;
}

/** A value as written, either text or a deferred value that is encoded later. */
export type MetaValue = string | DeferredMeta;

/** Marks an undo entry of a key that had no value in this transaction: undoing it drops the key, so the next read queries SQLite. */
const UNREAD: unique symbol = Symbol('unread');

function textOf(value: MetaValue | undefined): string | undefined {
  return typeof value === 'object' ? value.text() : value;
}

export class MetaValues {
  /** Values read or written in the current transaction; null records a key known to be absent. */
  private values = new Map<string, MetaValue | null>();
  private dirty = new Set<string>();
  /** Previous values, so a rolled-back savepoint also rolls back its writes. */
  private undoLog: [key: string, value: MetaValue | null | typeof UNREAD, dirty: boolean][] = [];

  /** `inTx` and `logging` report whether a transaction and a savepoint are open. */
  constructor(
    private readonly prepare: Prepare,
    private readonly inTx: () => boolean,
    private readonly logging: () => boolean,
  ) {}

  /** Reads a value as text. Inside a transaction the value is kept until the transaction ends. */
  get(key: string): string | undefined {
    return textOf(this.value(key));
  }

  /** Returns a value as last written, so a deferred value comes back unencoded. */
  value(key: string): MetaValue | undefined {
    const inTx = this.inTx();
    if (inTx) {
      // One lookup: absent keys are kept as null, so undefined means not read yet.
      const known = this.values.get(key);
      if (known !== undefined) return known ?? undefined;
    }
    const row = this.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    if (inTx) this.values.set(key, row?.value ?? null);
    return row?.value;
  }

  /** Returns a value read or written in this transaction, without a query: undefined if there is none. */
  known(key: string): MetaValue | undefined {
    return this.values.get(key) ?? undefined;
  }

  /** Writes a value; inside a transaction it reaches SQLite at flush(). */
  set(key: string, value: MetaValue): void {
    if (!this.inTx()) {
      this.prepare(UPSERT_META).run(key, textOf(value));
      return;
    }
    // A key first written here needs no query for its undo entry: SQLite keeps its value until the commit.
    if (this.logging()) this.undoLog.push([key, this.values.get(key) ?? UNREAD, this.dirty.has(key)]);
    this.values.set(key, value);
    this.dirty.add(key);
  }

  /** Writes the values changed in this transaction to SQLite. */
  flush(): void {
    if (this.dirty.size === 0) return;
    const upsert = this.prepare(UPSERT_META);
    // set() and undo() mark keys dirty, and both leave a written value there, so a dirty key is never null.
    for (const key of this.dirty) upsert.run(key, textOf(this.values.get(key) as MetaValue));
    this.dirty.clear();
  }

  /** Returns a mark for undo(). */
  mark(): number {
    return this.undoLog.length;
  }

  /** Puts back the values written since `mark`. */
  undo(mark: number): void {
    for (let i = this.undoLog.length - 1; i >= mark; i--) {
      const [key, value, dirty] = this.undoLog[i];
      if (value === UNREAD) this.values.delete(key);
      else this.values.set(key, value);
      if (dirty) this.dirty.add(key);
      else this.dirty.delete(key);
    }
  }

  /** Drops the undo entries after `mark` (the savepoint that made them ended). */
  forgetUndo(mark: number): void {
    this.undoLog.length = mark;
  }

  /** Forgets everything (the transaction ended). */
  clear(): void {
    this.values.clear();
    this.dirty.clear();
    this.undoLog.length = 0;
  }
}
