/**
 * Container restarts on the kubelet: the end of a run, the back-off entry
 * that each restart moves on (client-go's flowcontrol.Backoff, as
 * kuberuntime's doBackOff uses it), and the pod syncs that find a crashed
 * container still backing off.
 */
import type { KObject } from '../api/types.js';
import type { ContainerRecord } from './state.js';

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => void;

/** The kubelet's first container restart back-off (backOffPeriod) and its cap (MaxContainerBackOff). */
export const CONTAINER_BACKOFF_MS = 10_000;
export const MAX_CONTAINER_BACKOFF_MS = 300_000;

/**
 * How long after a container ends the kubelet syncs its pod: the PLEG relists
 * the runtime every second (genericPlegRelistPeriod) and the ContainerDied
 * event it finds triggers the sync. kubesim has no setting for this delay,
 * so it uses 1 s.
 */
export const RELIST_MS = 1_000;

/** The pod worker's requeue delay after a failed sync (the kubelet's backOffPeriod), before jitter. */
const POD_WORKER_BACKOFF_MS = 10_000;

/**
 * Reports whether the container's back-off entry still exists at `now`.
 * The kubelet's housekeeping (HandlePodCleanups, every 2 s) calls
 * Backoff.GC, which drops an entry more than twice the cap (10 minutes)
 * after its last move.
 * NOTE: kubesim treats the entry as gone the moment it passes that age, so
 * it ignores the up to 2 s the next housekeeping can take.
 */
function hasEntry(rec: ContainerRecord, now: number): boolean {
  if (rec.backOffMs === undefined || rec.backOffUpdatedAt === undefined) return false;
  return now - rec.backOffUpdatedAt <= 2 * MAX_CONTAINER_BACKOFF_MS;
}

/**
 * Reports whether the entry has expired for a container that ended at
 * `endedAt`: it last moved on more than twice the cap before that end, so
 * the container counts as stable (flowcontrol's hasExpired).
 */
function hasExpired(rec: ContainerRecord, endedAt: number): boolean {
  return endedAt - rec.backOffUpdatedAt! > 2 * MAX_CONTAINER_BACKOFF_MS;
}

/**
 * Reports whether a pod sync at `now` must not yet restart a container that
 * ended at `endedAt`, as Backoff.IsInBackOffSince decides. Before the
 * kubelet has restarted the container once there is no entry, so the first
 * restart never waits.
 */
function isInBackOff(rec: ContainerRecord, endedAt: number, now: number): boolean {
  if (!hasEntry(rec, now) || hasExpired(rec, endedAt)) return false;
  return now - endedAt < rec.backOffMs!;
}

/**
 * Moves the back-off entry on when a sync at `now` restarts the container,
 * as Backoff.Next does: a missing or expired entry starts at 10 s, a live
 * one doubles up to the cap.
 */
function moveBackOffOn(rec: ContainerRecord, endedAt: number, now: number): void {
  const live = hasEntry(rec, now) && !hasExpired(rec, endedAt);
  rec.backOffMs = live ? Math.min(MAX_CONTAINER_BACKOFF_MS, rec.backOffMs! * 2) : CONTAINER_BACKOFF_MS;
  rec.backOffUpdatedAt = now;
}

/** Formats whole seconds as Go prints a time.Duration below an hour: `10s`, `1m20s`, `5m0s`. */
function goSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${s % 60}s`;
}

/**
 * Returns how long the pod worker waits before it syncs the pod again after
 * a sync that failed with CrashLoopBackOff. The pod worker requeues the pod
 * 10 s later with up to 50 % jitter (wait.Jitter), and the kubelet's
 * 1-second sync ticker picks it up, so the delay is 11 to 15 s. The kubelet
 * draws the jitter at random. kubesim derives it from the pod's uid, the
 * container and the sync's time, so that replays repeat.
 * NOTE: newer kubelets requeue at the end of the back-off instead. The
 * change merged in July 2025, so 1.34 is an estimate of its first release.
 */
export function podWorkerRequeueMs(pod: KObject, container: string, now: number): number {
  let h = 0x811c9dc5;
  const text = `${pod.metadata.uid ?? pod.metadata.name}/${container}/${now}`;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return POD_WORKER_BACKOFF_MS + 1000 * (1 + (h % 5));
}

/**
 * Ends a container's run at its exit time. When the restart policy (the
 * pod's, unless an init container passes its own) restarts it, the pod sync
 * after the next relist decides when (see syncEndedContainer). Until that
 * sync the status shows the termination.
 */
export function endContainerRun(pod: KObject, rec: ContainerRecord, policy: string = pod.spec.restartPolicy ?? 'Always'): void {
  const code = rec.exitCode ?? 0;
  const at = rec.exitAt!;
  if (rec.last) rec.previous = rec.last;
  rec.last = { exitCode: code, reason: rec.startError ? 'StartError' : code === 0 ? 'Completed' : 'Error', startedAt: rec.startedAt!, finishedAt: at };
  if (policy !== 'Always' && (policy !== 'OnFailure' || code === 0)) {
    rec.stage = 'done';
    rec.until = undefined;
    return;
  }
  rec.stage = 'exited';
  rec.until = at + RELIST_MS;
}

/**
 * Runs a pod sync, at the record's `until`, for a container that ended and
 * waits for its restart. Returns true when the sync restarts it: its
 * back-off is over (or it has none), and the entry has moved on. Otherwise
 * the sync fails with CrashLoopBackOff: it records a BackOff event, the
 * status shows the container waiting, and the pod worker syncs the pod again
 * 11 to 15 s later. So a long back-off records a BackOff event at every one
 * of those syncs, and the restart comes at the first sync after the
 * back-off ends. `endedAt` is the end of the exited run that the back-off
 * check looks at, which differs after a probe kill (see probes.ts).
 */
export function syncEndedContainer(pod: KObject, spec: any, rec: ContainerRecord, version: number, emit: Emit, endedAt: number | undefined = rec.last!.finishedAt): boolean {
  const now = rec.until!;
  // No earlier run has exited (a probe killed the first run): kuberuntime's doBackOff finds nothing to back off from.
  if (endedAt === undefined) return true;
  if (!isInBackOff(rec, endedAt, now)) {
    moveBackOffOn(rec, endedAt, now);
    return true;
  }
  const podName = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
  rec.stage = 'wait';
  rec.until = now + podWorkerRequeueMs(pod, spec.name, now);
  rec.waitingReason = 'CrashLoopBackOff';
  rec.waitingMessage = `back-off ${goSeconds(rec.backOffMs!)} restarting failed container=${spec.name} pod=${podName}`;
  // NOTE: kubelets before 1.26 print the message without the container and pod (1.26 is estimated from when the change merged).
  const message = version >= 126 ? `Back-off restarting failed container ${spec.name} in pod ${podName}` : 'Back-off restarting failed container';
  emit('Warning', 'BackOff', message, spec.name);
  return false;
}
