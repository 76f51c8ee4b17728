/**
 * The memory of this process's CronJob syncs: the wake-ups it stored, and
 * which CronJobs a sync left settled. Both hold for one view of the
 * store only (Store.viewEpoch moves when a write is rolled back or another
 * process writes), so a new view starts from nothing and every write queues
 * its CronJob again.
 */
import type { ControllerContext } from '../../engine/controller.js';
import type { Store } from '../../store/store.js';

interface SyncMemory {
  store?: Store;
  epoch: number;
  /** Wake-up time stored per CronJob key. */
  due: Map<string, number>;
  /** Keys whose last sync recorded no event that a repeated sync would record again (see isSettled). */
  settled: Set<string>;
}

let memory: SyncMemory = { epoch: -1, due: new Map(), settled: new Set() };

/** CronJob keys remembered before the memory is emptied. */
const MAX_KEYS = 10_000;

/** Returns the memory of the store's current view, and starts it afresh when the view changed. */
function memoryOf(store: Store): SyncMemory {
  if (memory.store !== store || memory.epoch !== store.viewEpoch) memory = { store, epoch: store.viewEpoch, due: new Map(), settled: new Set() };
  return memory;
}

/**
 * Requests a sync of `key` at `due`, unless this process already did in the
 * current view. A CronJob syncs several times between two start times, and
 * each sync requested the same wake-up, one timers-table insert each. A
 * stored timer leaves the table only when the simulated time reaches it, so
 * a timer requested earlier is still there while now < due.
 */
export function wakeCronJobAt(ctx: ControllerContext, due: number, key: string): void {
  const m = memoryOf(ctx.store);
  if (m.due.get(key) === due && ctx.now() < due) return;
  ctx.wakeAt(due, key);
  if (m.due.size >= MAX_KEYS) {
    m.due.clear();
    m.settled.clear();
  }
  m.due.set(key, due);
}

/** Records how the sync of `key` ended: settled (see isSettled) or not. */
export function noteSync(store: Store, key: string, settled: boolean): void {
  const m = memoryOf(store);
  if (!settled) {
    m.settled.delete(key);
    return;
  }
  if (m.settled.size >= MAX_KEYS) m.settled.clear();
  m.settled.add(key);
}

/**
 * Reports whether the last sync of `key` in this view left the CronJob
 * settled and its next wake-up is still ahead. A sync run now would then
 * find what that sync left, as long as the CronJob and its jobs' finished
 * states, uids and owners did not change since, and do nothing: no write,
 * no event, no new timer.
 */
export function isSettled(store: Store, key: string): boolean {
  const m = memoryOf(store);
  if (!m.settled.has(key)) return false;
  const due = m.due.get(key);
  return due !== undefined && store.now() < due;
}
