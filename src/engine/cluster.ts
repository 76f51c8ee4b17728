/**
 * A cluster: its store, settings and clock, and the simulation loop that
 * settles it up to "now". Settling takes due timers in time order, sets the
 * simulated time to each one, and drains the work queue at that instant, so
 * what a command observes is what a live cluster would show.
 */
import { openDatabase, tuneForLongSettle } from '../store/db.js';
import { Store } from '../store/store.js';
import type { KObject } from '../api/types.js';
import { ApiError } from '../api/errors.js';
import { clusterFile } from './home.js';
import { DEFAULT_SETTINGS, type ClusterSettings } from './settings.js';
import type { Controller, ControllerContext, WatchMapper } from './controller.js';
import { draw, nameSuffix, uuid } from './random.js';
import { debug } from './debug.js';
import { relieveMemory } from './memory.js';
import { tuneForLongRun } from './long-run.js';

const log = debug('engine');

/** Keys taken off the work queue per query. */
const BATCH = 500;
/** Queue batches allowed at one simulated instant before the loop is declared stuck. */
const MAX_ROUNDS_PER_INSTANT = 20000;
/** How long one settling transaction may hold the write lock before committing. */
const TX_BUDGET_MS = 100;

export class Cluster {
  readonly store: Store;
  settings: ClusterSettings = { ...DEFAULT_SETTINGS };
  private sim = 0;
  private controllers = new Map<string, Controller>();
  private watchers = new Map<string, [string, WatchMapper][]>();

  constructor(
    readonly name: string,
    file: string = clusterFile(name),
  ) {
    const db = openDatabase(file);
    this.store = new Store(db, () => this.sim);
    this.loadSettings();
    this.sim = Number(this.store.getMeta('simTime') ?? '0');
    this.store.newUid = () => uuid(this.settings.seed, this.nextCounter());
    this.store.randomSuffix = () => nameSuffix(this.settings.seed, this.nextCounter());
    this.store.hooks.push((resource, obj, old) => this.notify(resource, obj, old));
  }

  /** Whether the cluster was bootstrapped (settings written). */
  get initialized(): boolean {
    return this.store.getMeta('settings') !== undefined;
  }

  loadSettings(): void {
    const raw = this.store.getMeta('settings');
    if (raw) this.settings = { ...DEFAULT_SETTINGS, ...JSON.parse(raw) };
  }

  saveSettings(): void {
    this.store.tx(() => this.store.setMeta('settings', JSON.stringify(this.settings)));
  }

  private nextCounter(): number {
    // The counter is read and written inside the caller's transaction, so concurrent writers never reuse a value.
    const n = Number(this.store.getMeta('rngCounter') ?? '0') + 1;
    this.store.setMeta('rngCounter', String(n));
    return n;
  }

  /** The next seeded random 32-bit value (must be called inside a transaction). */
  random(): number {
    return draw(this.settings.seed, this.nextCounter(), 7);
  }

  /** Cluster time now: wall clock plus offset, or the manual clock's value. */
  clockNow(): number {
    const offset = Number(this.store.getMeta('clockOffset') ?? '0');
    if (this.settings.clock === 'manual') return Number(this.store.getMeta('manualNow') ?? '0');
    return Math.floor(Date.now() / 1000) * 1000 + offset;
  }

  /** Simulated time the cluster has been settled to. */
  get simNow(): number {
    return this.sim;
  }

  /** Moves the clock forward by `ms` (the settle that follows runs what fell due). */
  advanceClock(ms: number): void {
    this.store.tx(() => {
      if (this.settings.clock === 'manual') {
        this.store.setMeta('manualNow', String(Number(this.store.getMeta('manualNow') ?? '0') + ms));
      } else {
        this.store.setMeta('clockOffset', String(Number(this.store.getMeta('clockOffset') ?? '0') + ms));
      }
    });
  }

  register(controllers: Controller[]): void {
    for (const c of controllers) {
      this.controllers.set(c.name, c);
      for (const [resource, mapper] of Object.entries(c.watches)) {
        const list = this.watchers.get(resource) ?? [];
        list.push([c.name, mapper]);
        this.watchers.set(resource, list);
      }
    }
  }

  private notify(resource: string, obj: KObject | undefined, old: KObject | undefined): void {
    const list = this.watchers.get(resource);
    if (!list) return;
    // Index loops because every write runs this for each watcher, and array destructuring goes through the iterator protocol.
    for (let i = 0; i < list.length; i++) {
      const watcher = list[i];
      const keys = watcher[1](obj, old, this.store);
      if (!keys) continue;
      if (typeof keys === 'string') this.store.enqueue(watcher[0], keys);
      else for (let j = 0; j < keys.length; j++) this.store.enqueue(watcher[0], keys[j]);
    }
  }

  /** One context per controller, made on first use: its functions read the cluster's state when called. */
  private contexts = new Map<string, ControllerContext>();

  private context(controller: string): ControllerContext {
    let ctx = this.contexts.get(controller);
    if (!ctx) {
      ctx = this.newContext(controller);
      this.contexts.set(controller, ctx);
    }
    return ctx;
  }

  private newContext(controller: string): ControllerContext {
    const cluster = this;
    return {
      store: this.store,
      // A getter, because loadSettings() replaces the settings object.
      get settings() {
        return cluster.settings;
      },
      now: () => this.sim,
      wakeAt: (ms, key) => this.store.addTimer(Math.max(ms, this.sim), controller, key),
      random: () => this.random(),
    };
  }

  /** Catches up with the stored simulated time written by other processes (inside a transaction). */
  private syncSim(): void {
    this.sim = Math.max(this.sim, Number(this.store.getMeta('simTime') ?? '0'));
  }

  /**
   * Runs everything that falls due up to `target` (default: the clock's now),
   * in time order. Returns the number of reconciles run.
   */
  /** Time of the earliest pending timer, or undefined when none is pending. */
  nextTimerDue(): number | undefined {
    return this.store.nextTimerDue();
  }

  settle(target: number = this.clockNow()): number {
    let total = 0;
    let long = false;
    const progress = { instant: -1, rounds: 0 };
    try {
      for (;;) {
        const step = this.store.tx(() => this.settleSome(target, progress));
        relieveMemory();
        total += step.reconciled;
        if (step.finished) return total;
        tuneForLongRun();
        if (!long) {
          long = true;
          tuneForLongSettle(this.store.db, true);
        }
      }
    } finally {
      if (long) tuneForLongSettle(this.store.db, false);
    }
  }

  /**
   * Settles inside one transaction until nothing is due up to `target` or
   * the transaction has run for TX_BUDGET_MS. Catching up over many due
   * instants then costs one commit per budget, not one per instant.
   */
  private settleSome(target: number, progress: { instant: number; rounds: number }): { reconciled: number; finished: boolean } {
    this.syncSim();
    const started = Date.now();
    let reconciled = 0;
    for (;;) {
      if (progress.instant !== this.sim) {
        progress.instant = this.sim;
        progress.rounds = 0;
      }
      const done = this.drainBatch();
      reconciled += done;
      if (done > 0) {
        if (++progress.rounds >= MAX_ROUNDS_PER_INSTANT) {
          process.stderr.write(`kubesim: controllers did not settle at ${new Date(this.sim).toISOString()}; stopping this settle\n`);
          return { reconciled, finished: true };
        }
        if (Date.now() - started >= TX_BUDGET_MS) return { reconciled, finished: false };
        continue;
      }
      const due = this.nextTimerDue();
      if (due === undefined || due > target) {
        if (target > this.sim) {
          this.sim = target;
          this.store.setMeta('simTime', String(this.sim));
        }
        return { reconciled, finished: true };
      }
      this.sim = Math.max(this.sim, due);
      this.store.setMeta('simTime', String(this.sim));
      for (const t of this.store.takeDueTimers(this.sim)) this.store.enqueue(t.controller, t.key);
      if (Date.now() - started >= TX_BUDGET_MS) return { reconciled, finished: false };
    }
  }

  /**
   * Reconciles up to BATCH queued keys at the current instant. Keys are taken
   * one at a time, as a workqueue hands them out, so a write that queues a key
   * still waiting is absorbed by that key's coming turn. Taking the whole
   * batch at once let such a key run a second time, after the batch, for nothing.
   */
  private drainBatch(): number {
    let done = 0;
    for (; done < BATCH; done++) {
      const item = this.store.takeNextQueued();
      if (!item) break;
      this.reconcileOne(item.controller, item.key);
    }
    return done;
  }

  private reconcileOne(name: string, key: string): void {
    const c = this.controllers.get(name);
    if (!c) return;
    try {
      this.store.savepoint(() => c.reconcile(this.context(name), key));
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'Conflict') {
        this.store.enqueue(name, key);
        return;
      }
      log(`reconcile failed controller=${name} key=${key} error=${(err as Error).stack ?? err}`);
      if (process.env.KUBESIM_STRICT_RECONCILE) throw err;
    }
  }
}
