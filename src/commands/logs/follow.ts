/**
 * `logs -f`: after the lines so far, prints each new line as simulated time
 * reaches it, until every followed container instance has ended. Time
 * moves as in shared/clock-step.ts: a manual clock is advanced to the next
 * log line or timer, a wall clock is waited for.
 */
import type { Cluster } from '../../engine/cluster.js';
import type { PodRecord } from '../../kubelet/state.js';
import { stepClock } from '../shared/clock-step.js';

/** One container instance being followed, and how many of its lines were printed. */
export interface FollowedStream {
  namespace: string;
  pod: string;
  podUid: string;
  container: string;
  attempt: number;
  printed: number;
  format(line: { ts: number; line: string }): string;
}

/** Whether the followed instance can still print: the pod exists and the same attempt is running. */
function isStreamOpen(cluster: Cluster, s: FollowedStream): boolean {
  const pod = cluster.store.get('pods', s.namespace, s.pod);
  if (!pod || pod.metadata.uid !== s.podUid) return false;
  const rec = (pod._sim as PodRecord | undefined)?.containers[s.container];
  return !!rec && rec.stage === 'run' && rec.restarts === s.attempt;
}

function nextLineTime(cluster: Cluster, s: FollowedStream): number | undefined {
  return cluster.store.nextLogTime(s.podUid, s.container, s.attempt, cluster.simNow);
}

function printNew(cluster: Cluster, s: FollowedStream, out: (text: string) => void): void {
  const lines = cluster.store.readLogs(s.podUid, s.container, s.attempt, cluster.simNow);
  if (lines.length <= s.printed) return;
  out(lines.slice(s.printed).map((l) => s.format(l) + '\n').join(''));
  s.printed = lines.length;
}

/** Follows the streams until all have ended (or, on a manual clock, nothing more can happen). */
export async function followStreams(cluster: Cluster, streams: FollowedStream[], out: (text: string) => void): Promise<void> {
  for (;;) {
    for (const s of streams) printNew(cluster, s, out);
    const open = streams.filter((s) => isStreamOpen(cluster, s));
    if (open.length === 0) return;
    const times = open.map((s) => nextLineTime(cluster, s)).filter((t): t is number => t !== undefined);
    const extra = times.length > 0 ? Math.min(...times) : undefined;
    if (!(await stepClock(cluster, { extra }))) {
      for (const s of streams) printNew(cluster, s, out);
      return;
    }
  }
}
