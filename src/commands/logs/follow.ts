/**
 * `logs -f`: after the lines so far, prints each new line as simulated time
 * reaches it, until every followed container instance has ended. Time
 * moves as in shared/clock-step.ts: a manual clock is advanced to the next
 * log line or timer, a wall clock is waited for. On a manual clock it also
 * ends once no followed container can print anything more, so following a
 * server does not move the clock to unrelated timers such as event expiry.
 */
import type { Cluster } from '../../engine/cluster.js';
import type { PodRecord } from '../../kubelet/state.js';
import { podDeadline } from '../../kubelet/deadline.js';
import { stepClock } from '../shared/clock-step.js';
import { prefixLines, truncateToBytes } from './limit-bytes.js';

/** One container instance being followed, and how many of its lines were printed. */
export interface FollowedStream {
  namespace: string;
  pod: string;
  podUid: string;
  container: string;
  attempt: number;
  printed: number;
  /** Renders a log line without its newline or prefix. */
  format(line: { ts: number; line: string }): string;
  /** `--prefix` text put before each printed line, or empty. */
  prefix: string;
  /** Bytes the stream may still print under `--limit-bytes`; unlimited when undefined. */
  bytesLeft?: number;
}

/** Whether the followed instance can still print: the pod exists and the same attempt is running. */
export function isStreamOpen(cluster: Cluster, s: FollowedStream): boolean {
  if (s.bytesLeft === 0) return false;
  const pod = cluster.store.get('pods', s.namespace, s.pod);
  if (!pod || pod.metadata.uid !== s.podUid) return false;
  const rec = (pod._sim as PodRecord | undefined)?.containers[s.container];
  return !!rec && rec.stage === 'run' && rec.restarts === s.attempt;
}

/** The kubelet's controller name. Its queue key for a pod is the pod's `namespace/name`. */
const KUBELET = 'kubelet';

/** The Job controller's name. Its queue key is the Job's `namespace/name`. */
const JOB_CONTROLLER = 'job';

/**
 * Reports whether an open stream can print nothing more. That needs no later
 * planned line and no pending deletion. It also needs no timer of the
 * controlling Job, whose activeDeadlineSeconds deletes the pod, and no kubelet
 * wake-up for this container (its exit, readiness, or the pod's activeDeadlineSeconds).
 * Kubelet wake-ups are keyed by pod, so when one is pending, the container's
 * record shows whether it belongs to this container or to a sibling, such
 * as a sidecar restarting with back-off.
 * NOTE: timers of other controllers are not checked, so a pod that a later
 * CronJob run (concurrencyPolicy Replace) or rollout would delete ends the follow early.
 */
export function isStreamQuiet(cluster: Cluster, stream: FollowedStream): boolean {
  if (nextLineTime(cluster, stream) !== undefined) return false;
  const pod = cluster.store.get('pods', stream.namespace, stream.pod);
  if (!pod || pod.metadata.deletionTimestamp) return false;

  const job = (pod.metadata.ownerReferences ?? []).find((ref) => ref.controller && ref.kind === 'Job');
  if (job && cluster.store.hasTimer(JOB_CONTROLLER, `${stream.namespace}/${job.name}`)) return false;
  if (!cluster.store.hasTimer(KUBELET, `${stream.namespace}/${stream.pod}`)) return true;

  const record = pod._sim as PodRecord | undefined;
  const container = record?.containers[stream.container];
  if (!record || !container || container.until !== undefined || record.removeAt !== undefined) return false;
  if (container.readyAt !== undefined && container.readyAt > cluster.simNow) return false;
  return podDeadline(pod) === undefined || record.failure !== undefined;
}

function nextLineTime(cluster: Cluster, s: FollowedStream): number | undefined {
  return cluster.store.nextLogTime(s.podUid, s.container, s.attempt, cluster.simNow);
}

function printNew(cluster: Cluster, s: FollowedStream, out: (text: string) => void): void {
  const lines = cluster.store.readLogs(s.podUid, s.container, s.attempt, cluster.simNow);
  if (lines.length <= s.printed || s.bytesLeft === 0) return;
  let text = lines
    .slice(s.printed)
    .map((l) => s.format(l) + '\n')
    .join('');
  if (s.bytesLeft !== undefined) {
    text = truncateToBytes(text, s.bytesLeft);
    s.bytesLeft -= Buffer.byteLength(text, 'utf8');
  }
  out(prefixLines(text, s.prefix));
  s.printed = lines.length;
}

/**
 * Follows the streams until all have ended. On a manual clock it also ends
 * when every open stream is quiet (see isStreamQuiet) or nothing is pending,
 * and leaves the clock at the last step taken.
 */
export async function followStreams(cluster: Cluster, streams: FollowedStream[], out: (text: string) => void): Promise<void> {
  for (;;) {
    for (const s of streams) printNew(cluster, s, out);
    const open = streams.filter((s) => isStreamOpen(cluster, s));
    if (open.length === 0) return;
    if (cluster.settings.clock === 'manual' && open.every((s) => isStreamQuiet(cluster, s))) return;
    const times = open.map((s) => nextLineTime(cluster, s)).filter((t): t is number => t !== undefined);
    const extra = times.length > 0 ? Math.min(...times) : undefined;
    if (!(await stepClock(cluster, { extra }))) {
      for (const s of streams) printNew(cluster, s, out);
      return;
    }
  }
}
