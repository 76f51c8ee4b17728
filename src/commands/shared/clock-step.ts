/**
 * Waiting in simulated time, for commands that watch the cluster (`wait`,
 * `logs -f`). On a manual clock the command moves the clock itself to the
 * next due timer, as time would pass while a real kubectl waits; on a wall
 * clock it sleeps until then (re-checking at least every second, because
 * other processes may add timers) and settles.
 */
import type { Cluster } from '../../engine/cluster.js';

/** Longest sleep between checks on a wall clock. */
const WALL_POLL_MS = 1000;

/** The earliest due timer, or undefined when none is pending. */
export function nextTimerDue(cluster: Cluster): number | undefined {
  return cluster.nextTimerDue();
}

/**
 * Moves to the next moment something can change: the next timer, or
 * `extra` (a log line's time) or `deadline` when earlier. Returns false on
 * a manual clock when nothing is pending at all, so the caller stops.
 */
export async function stepClock(cluster: Cluster, opts: { extra?: number; deadline?: number } = {}): Promise<boolean> {
  let next = nextTimerDue(cluster) ?? Infinity;
  if (opts.extra !== undefined) next = Math.min(next, opts.extra);
  if (opts.deadline !== undefined) next = Math.min(next, opts.deadline);
  if (cluster.settings.clock === 'manual') {
    if (next === Infinity) return false;
    const now = cluster.clockNow();
    if (next > now) cluster.advanceClock(next - now);
    cluster.settle();
    return true;
  }
  const wait = Math.max(0, Math.min(next - cluster.clockNow(), WALL_POLL_MS));
  await new Promise((resolve) => setTimeout(resolve, wait));
  cluster.settle();
  return true;
}
