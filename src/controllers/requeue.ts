/**
 * Retries after a failed sync, as a controller's rate-limited work queue
 * does (client-go's ItemExponentialFailureRateLimiter): the n-th failure in
 * a row waits base × 2^(n-1), up to a maximum. The failure count is a store
 * record (an event-state record, which expires) that lasts until just
 * after the retry it scheduled, so a retry that fails again doubles the
 * wait. A failure after that starts again from the base, as the queue's
 * Forget after a successful sync does.
 */
import type { ControllerContext } from '../engine/controller.js';
import { readEventState, writeEventState } from '../engine/event-state.js';

/** Backoff of a controller's work queue: the first wait and the maximum (ms). */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** DefaultControllerRateLimiter's per-item backoff: 5 ms doubling up to 1000 s. */
export const CONTROLLER_BACKOFF: Backoff = { baseMs: 5, maxMs: 1000_000 };

/**
 * Asks for `key` of `controller` to be synced again after its backoff, and
 * counts the failure. Returns the wait in ms.
 */
export function requeueRateLimited(ctx: ControllerContext, controller: string, key: string, backoff: Backoff = CONTROLLER_BACKOFF): number {
  const recordKey = `requeue/${controller}/${key}`;
  const now = ctx.now();
  const failures = readEventState<number>(ctx.store, recordKey, now) ?? 0;
  const delay = Math.min(backoff.baseMs * 2 ** failures, backoff.maxMs);
  // The record expires 1 ms after the retry, so the retry still reads it.
  writeEventState(ctx.store, recordKey, failures + 1, now + delay + 1);
  ctx.wakeAt(now + delay, key);
  return delay;
}
