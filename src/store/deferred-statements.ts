/**
 * Writing statements held back until the transaction commits, or until a
 * statement over the same table needs them in SQLite first. The kubelet
 * appends a pod's logs while it reconciles the pod, and deferring the INSERT
 * keeps that reconcile free of SQL writes, so it needs no SQL savepoint
 * (which copies every page it changes to a statement journal first).
 *
 * The statements run in the order they were deferred, so the rows and their
 * rowids come out as if each had run at once.
 */
import type { Prepare } from './db.js';

type Deferred = [sql: string, args: unknown[]];

/** A point to roll the deferred statements back to (see DeferredStatements.undo). */
export interface DeferredMark {
  length: number;
  flushes: number;
}

export class DeferredStatements {
  private statements: Deferred[] = [];
  /** Statements run while a savepoint was open: rolling it back also rolls back their effect, so they are deferred again. */
  private flushed: Deferred[][] = [];

  /**
   * `prepare` must not flush these statements, because the flush runs
   * through it. `logging` reports whether a savepoint is open.
   */
  constructor(
    private readonly prepare: Prepare,
    private readonly logging: () => boolean,
  ) {}

  /** A statement factory whose statements' run() is deferred (it returns nothing). */
  readonly deferring: Prepare = (sql: string) => ({
    run: (...args: unknown[]) => {
      this.statements.push([sql, args]);
    },
  });

  get size(): number {
    return this.statements.length;
  }

  /** Defers one run of `sql` with `args`. */
  defer(sql: string, ...args: unknown[]): void {
    this.statements.push([sql, args]);
  }

  /** Runs the deferred statements in order. */
  flush(): void {
    if (this.statements.length === 0) return;
    for (const [sql, args] of this.statements) this.prepare(sql).run(...args);
    if (this.logging()) this.flushed.push(this.statements);
    this.statements = [];
  }

  /** Returns a mark for undo(). */
  mark(): DeferredMark {
    return { length: this.statements.length, flushes: this.flushed.length };
  }

  /**
   * Puts the deferred statements back as they were at `mark`, after SQLite
   * rolled back to the same point: statements run since are deferred again,
   * then those deferred since are dropped.
   */
  undo(mark: DeferredMark): void {
    if (this.flushed.length > mark.flushes) {
      // Every flush emptied the list, so the statements flushed first come first.
      let statements = this.statements;
      for (let i = this.flushed.length - 1; i >= mark.flushes; i--) statements = this.flushed[i].concat(statements);
      this.flushed.length = mark.flushes;
      this.statements = statements;
    }
    this.statements.length = mark.length;
  }

  /** Drops the flush records after `mark`, once no open savepoint can roll back to before them. */
  forgetUndo(mark: DeferredMark): void {
    this.flushed.length = mark.flushes;
  }

  /** Forgets everything (the transaction ended). */
  clear(): void {
    this.statements = [];
    this.flushed.length = 0;
  }
}
