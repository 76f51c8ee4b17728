/**
 * The job controller's back-off before it replaces a failed pod: 10 s
 * after the first failure, doubling with each consecutive failure, capped
 * at 6 minutes.
 */

/** DefaultJobPodFailureBackOff: the delay after the first failure. */
export const JOB_BACKOFF_BASE_MS = 10_000;
/** MaxJobPodFailureBackOff: the delay never grows past this. */
export const JOB_BACKOFF_MAX_MS = 360_000;

/**
 * Calculates the delay after `failures` consecutive failed pods (failures
 * since the last success). Worked example: 1 → 10 s, 2 → 20 s, 3 → 40 s,
 * 6 → 320 s, 7 and more → 360 s. Zero failures means no delay.
 */
export function calculateBackoffDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(JOB_BACKOFF_MAX_MS, JOB_BACKOFF_BASE_MS * 2 ** (failures - 1));
}

/** One finished pod as the job controller remembers it. */
export interface FinishedPod {
  phase: 'Succeeded' | 'Failed';
  /** When the pod finished (ms). */
  finishedAt: number;
  /** Completion index of an Indexed job's pod. */
  index?: number;
}

/**
 * Finds when the next replacement pod may be created: the last failure plus
 * the back-off for the failures counted since the last success. Returns 0
 * when nothing has failed since then.
 */
export function calculateNextCreateTime(finished: FinishedPod[]): number {
  const lastSuccess = Math.max(-Infinity, ...finished.filter((f) => f.phase === 'Succeeded').map((f) => f.finishedAt));
  const failures = finished.filter((f) => f.phase === 'Failed' && f.finishedAt >= lastSuccess);
  if (failures.length === 0) return 0;
  const lastFailure = Math.max(...failures.map((f) => f.finishedAt));
  return lastFailure + calculateBackoffDelay(failures.length);
}
