/**
 * Moves a replay cluster's manual clock forward, taking a snapshot of a
 * command's output after every timer that falls due on the way. The
 * snapshots let the matcher recognize a state (a rollout caught half-way)
 * that kubesim passed through before the transcript's moment.
 */
import type { Cluster } from '../../engine/cluster.js';

/** Most snapshots taken during one advance; later timers run without one. */
export const MAX_SNAPSHOTS = 200;

/** Time of the earliest pending timer, or undefined when none is pending. */
export function nextTimer(cluster: Cluster): number | undefined {
  return cluster.nextTimerDue();
}

/** Sets the manual clock to `time` (never backwards) and settles the cluster there. */
export function moveClockTo(cluster: Cluster, time: number): void {
  const now = cluster.clockNow();
  if (time > now) cluster.advanceClock(time - now);
  cluster.settle();
}

/**
 * Advances the clock by `ms`, stopping at each due timer to call `observe`,
 * which usually runs the step's command. It stops early when `observe`
 * returns true, and then returns the time it stopped at. Otherwise it
 * returns undefined once the clock has reached the target.
 */
export async function advanceObserving(
  cluster: Cluster,
  ms: number,
  observe: () => Promise<boolean | void>,
): Promise<number | undefined> {
  const target = cluster.clockNow() + ms;
  for (let n = 0; n < MAX_SNAPSHOTS; n++) {
    const due = nextTimer(cluster);
    if (due === undefined || due > target) break;
    moveClockTo(cluster, Math.max(due, cluster.clockNow()));
    if (await observe()) return cluster.clockNow();
  }
  moveClockTo(cluster, target);
  return undefined;
}

/** `15h`, `2m30s`, `45s`: a duration for report remarks. */
export function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return m > 0 ? `${h}h${m}m` : `${h}h`;
  if (m > 0) return rest > 0 ? `${m}m${rest}s` : `${m}m`;
  return `${rest}s`;
}
