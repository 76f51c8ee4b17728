/**
 * Watching the pod `kubectl run` attaches to, in simulated time: waiting
 * for it to run or to finish (kubectl's waitForPod with a condition), and
 * streaming the attached container's output until that run of it ends.
 * Time moves as in shared/clock-step.ts.
 */
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import type { PodRecord } from '../../kubelet/state.js';
import { ApiError, UsageError } from '../../api/errors.js';
import { stepClock } from '../shared/clock-step.js';
import { isStreamOpen, isStreamQuiet, type FollowedStream } from '../logs/follow.js';

/** Verdict of a wait condition on the pod: keep waiting, done, or already completed (podRunningAndReady only). */
export type WaitVerdict = 'wait' | 'done' | 'completed';

/** A condition of kubectl run's waitForPod, applied to each state of the pod. */
export type PodCondition = (pod: KObject) => WaitVerdict;

function isFinished(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** kubectl's podRunningAndReady: Running with the Ready condition true. A finished pod ends the wait as ErrPodCompleted. */
export const podRunningAndReady: PodCondition = (pod) => {
  if (isFinished(pod)) return 'completed';
  if (pod.status?.phase !== 'Running') return 'wait';
  const ready = (pod.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
  return ready ? 'done' : 'wait';
};

/** kubectl's podCompleted: the pod succeeded or failed. */
export const podCompleted: PodCondition = (pod) => (isFinished(pod) ? 'done' : 'wait');

/** kubectl's podSucceeded, for `--restart=OnFailure`, whose failed runs are restarted. */
export const podSucceeded: PodCondition = (pod) => (pod.status?.phase === 'Succeeded' ? 'done' : 'wait');

/**
 * Waits until `condition` holds for the pod `namespace/name` (uid `uid`),
 * moving simulated time, and returns the pod and the verdict. Throws
 * kubectl's `timed out waiting for the condition` once `timeoutMs` of
 * cluster time has passed, and the watch's NotFound when the pod is gone.
 */
export async function waitForPod(cluster: Cluster, namespace: string, name: string, uid: string, condition: PodCondition, timeoutMs: number): Promise<{ pod: KObject; verdict: WaitVerdict }> {
  const deadline = cluster.clockNow() + timeoutMs;
  for (;;) {
    const pod = cluster.store.get('pods', namespace, name);
    // A Deleted watch event: kubectl builds the NotFound error without the pod's name.
    if (!pod || pod.metadata.uid !== uid) throw new ApiError('NotFound', 404, 'pods "" not found');
    const verdict = condition(pod);
    if (verdict !== 'wait') return { pod, verdict };
    // The message of apimachinery's wait.ErrWaitTimeout, which the watch returns when its context times out.
    if (cluster.clockNow() >= deadline) throw new UsageError('timed out waiting for the condition');
    await stepClock(cluster, { deadline });
  }
}

/** Destinations of the attached container's output: stdout and stderr apart, or everything to stdout for a TTY container. */
export interface AttachOutput {
  out(text: string): void;
  err(text: string): void;
  /** True when the container has a TTY, whose one stream carries stderr too. */
  tty: boolean;
}

/** Builds the stream of the container's current run, for following its output. */
export function currentRunStream(pod: KObject, container: string): FollowedStream {
  const rec = (pod._sim as PodRecord | undefined)?.containers[container];
  return {
    namespace: pod.metadata.namespace!, pod: pod.metadata.name, podUid: pod.metadata.uid!, container,
    attempt: rec?.restarts ?? 0, printed: 0, format: (l) => l.line, prefix: '',
  };
}

/** Prints the lines the run wrote up to now that are not printed yet, each to its stream. */
function printNew(cluster: Cluster, s: FollowedStream, output: AttachOutput): void {
  const lines = cluster.store.readLogs(s.podUid, s.container, s.attempt, cluster.simNow);
  for (const l of lines.slice(s.printed)) {
    if (l.stream === 'stderr' && !output.tty) output.err(`${l.line}\n`);
    else output.out(`${l.line}\n`);
  }
  s.printed = Math.max(s.printed, lines.length);
}

/**
 * Streams the run's output as simulated time reaches it, until the run ends
 * (the attach stream closes when the process exits) or the pod is gone. On
 * a manual clock it also ends when the run can print nothing more and
 * nothing due could change that, as `logs -f` does, where a real attach
 * would wait until the user interrupts it.
 */
export async function streamRun(cluster: Cluster, stream: FollowedStream, output: AttachOutput): Promise<void> {
  for (;;) {
    printNew(cluster, stream, output);
    if (!isStreamOpen(cluster, stream)) return;
    if (cluster.settings.clock === 'manual' && isStreamQuiet(cluster, stream)) return;
    const next = cluster.store.nextLogTime(stream.podUid, stream.container, stream.attempt, cluster.simNow);
    if (!(await stepClock(cluster, { extra: next }))) {
      printNew(cluster, stream, output);
      return;
    }
  }
}
