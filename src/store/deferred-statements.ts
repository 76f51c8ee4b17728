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

/** One deferred run of a statement. `dropped` marks a run that is no longer needed (see dropUnsent). */
interface Deferred {
  sql: string;
  args: unknown[];
  dropped?: boolean;
}

/** A point to roll the deferred statements back to (see DeferredStatements.undo). */
export interface DeferredMark {
  length: number;
  flushes: number;
  drops: number;
}

export class DeferredStatements {
  private statements: Deferred[] = [];
  /** Statements run while a savepoint was open: rolling it back also rolls back their effect, so they are deferred again. */
  private flushed: Deferred[][] = [];
  /** Statements dropped while a savepoint was open, so rolling it back runs them again. */
  private drops: Deferred[] = [];
  /** Whether a statement ran since clear(). Until one does, none of the deferred runs is in SQLite. */
  private ranSinceClear = false;
  /**
   * The deferred runs by first argument until a statement runs, so that
   * dropUnsent() reads only the runs it can drop. A run that undo() took
   * back may stay listed, and marking it dropped then changes nothing.
   */
  private byFirst = new Map<unknown, Deferred[]>();

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
      this.push({ sql, args });
    },
  });

  get size(): number {
    return this.statements.length;
  }

  /** Defers one run of `sql` with `args`. */
  defer(sql: string, ...args: unknown[]): void {
    this.push({ sql, args });
  }

  private push(statement: Deferred): void {
    this.statements.push(statement);
    if (this.ranSinceClear) return;
    const first = statement.args[0];
    const runs = this.byFirst.get(first);
    if (runs === undefined) this.byFirst.set(first, [statement]);
    else runs.push(statement);
  }

  /**
   * Drops the deferred runs of `sql` whose first argument is `first`, and
   * reports whether it could: only while no statement has run since clear(),
   * so that no earlier run of them can be in SQLite.
   */
  dropUnsent(sql: string, first: unknown): boolean {
    if (this.ranSinceClear) return false;
    const runs = this.byFirst.get(first);
    if (runs === undefined) return true;
    const logging = this.logging();
    for (const statement of runs) {
      if (statement.dropped || statement.sql !== sql) continue;
      statement.dropped = true;
      if (logging) this.drops.push(statement);
    }
    return true;
  }

  /** Runs the deferred statements in order. */
  flush(): void {
    if (this.statements.length === 0) return;
    this.ranSinceClear = true;
    this.byFirst.clear();
    for (const statement of this.statements) if (!statement.dropped) this.prepare(statement.sql).run(...statement.args);
    if (this.logging()) this.flushed.push(this.statements);
    this.statements = [];
  }

  /** Returns a mark for undo(). */
  mark(): DeferredMark {
    return { length: this.statements.length, flushes: this.flushed.length, drops: this.drops.length };
  }

  /**
   * Puts the deferred statements back as they were at `mark`, after SQLite
   * rolled back to the same point: statements run since are deferred again,
   * then those deferred since are dropped.
   */
  undo(mark: DeferredMark): void {
    for (let i = this.drops.length - 1; i >= mark.drops; i--) this.drops[i].dropped = false;
    this.drops.length = mark.drops;
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
    this.drops.length = mark.drops;
  }

  /** Forgets everything (the transaction ended). */
  clear(): void {
    this.statements = [];
    this.flushed.length = 0;
    this.drops.length = 0;
    this.ranSinceClear = false;
    this.byFirst.clear();
  }
}
