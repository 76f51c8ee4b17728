/**
 * The removal of a node's pods by `kubectl drain` (k8s.io/kubectl pkg/drain,
 * v0.32). By default it evicts them through the eviction subresource,
 * retrying an eviction a disruption budget rejects every 5 s until
 * --timeout, then waits for each evicted pod to be gone. With
 * --disable-eviction it deletes the pods and waits for them.
 * kubectl does this in one goroutine per pod. Here the pods take their
 * turns in list order at each simulated moment, and the time between
 * moments passes as shared/clock-step.ts moves it.
 */
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import type { IO } from '../context.js';
import { ApiError } from '../../api/errors.js';
import { formatGoDuration } from '../../api/go-duration.js';
import { deleteObject } from '../../engine/delete.js';
import { evictPod } from '../../engine/evict.js';
import { stepClock } from '../shared/clock-step.js';

/** Delay (ms) before kubectl retries an eviction rejected with 429 Too Many Requests. */
const EVICTION_RETRY_MS = 5_000;
/** Interval (ms) at which kubectl checks whether removed pods are gone. */
const DELETE_POLL_MS = 1_000;
/** Message of Go's context.DeadlineExceeded, the error the wait for deletions returns at the deadline. */
const DEADLINE_EXCEEDED = 'context deadline exceeded';
/**
 * Reason a wait ends early on a manual clock with nothing scheduled. kubectl
 * would wait on, but time there only moves when a user moves it.
 */
const NOTHING_SCHEDULED = 'no timer is pending on the manual cluster clock, so nothing can change while drain waits; change the cluster and run drain again, or set --timeout';

export interface RemoveOptions {
  cluster: Cluster;
  io: IO;
  /** Seconds; undefined uses each pod's terminationGracePeriodSeconds. */
  gracePeriodSeconds?: number;
  /** --timeout in ms, where 0 waits without limit. */
  timeoutMs: number;
  /** --skip-wait-for-delete-timeout in seconds, where 0 never skips. */
  skipWaitForDeleteTimeoutSeconds: number;
}

/** One pod's progress: being evicted, waiting to be gone, or finished. */
interface PodTask {
  pod: KObject;
  phase: 'evict' | 'wait' | 'done';
  /** When (ms) the pod's next step is due. */
  dueAt: number;
  /** Whether the next wait check is the first, which kubectl makes at once without looking at the deadline. */
  firstCheck: boolean;
}

function podRef(pod: KObject): string {
  return `pods/"${pod.metadata.name}" -n "${pod.metadata.namespace ?? ''}"`;
}

/**
 * Reports whether the wait skips a pod whose deletionTimestamp is more than
 * `skipSeconds` in the past (shouldSkipPod).
 */
function shouldSkipPod(pod: KObject, skipSeconds: number, now: number): boolean {
  const deletion = pod.metadata.deletionTimestamp;
  return skipSeconds > 0 && deletion !== undefined && Math.floor((now - Date.parse(deletion)) / 1000) > skipSeconds;
}

/** Reports whether nothing can change the cluster any more: a manual clock with no timer pending. */
function isFrozen(cluster: Cluster): boolean {
  return cluster.settings.clock === 'manual' && cluster.nextTimerDue() === undefined;
}

/**
 * Checks whether a removed pod is gone (or replaced by a new pod of the
 * same name), printing `pod/NAME <verb>` when it is. Returns true when the
 * wait for it is over.
 */
function checkGone(o: RemoveOptions, pod: KObject, verb: string, now: number): boolean {
  const current = o.cluster.store.get('pods', pod.metadata.namespace ?? '', pod.metadata.name, { shared: true });
  if (!current || current.metadata.uid !== pod.metadata.uid) {
    o.io.out(`pod/${pod.metadata.name} ${verb}\n`);
    return true;
  }
  if (shouldSkipPod(current, o.skipWaitForDeleteTimeoutSeconds, now)) {
    o.io.out(`pod "${pod.metadata.name}" has DeletionTimestamp older than ${o.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`);
    return true;
  }
  return false;
}

/** Makes one eviction attempt for a task that is due, printing kubectl's lines. Returns an error message when the pod failed. */
function attemptEviction(o: RemoveOptions, task: PodTask, now: number, deadline: number): string | undefined {
  const pod = task.pod;
  o.io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
  if (now >= deadline) {
    task.phase = 'done';
    return `error when evicting ${podRef(pod)}: global timeout reached: ${formatGoDuration(o.timeoutMs)}`;
  }
  try {
    evictPod(o.cluster.store, pod.metadata.namespace ?? '', pod.metadata.name, { gracePeriodSeconds: o.gracePeriodSeconds });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.code === 404) {
      task.phase = 'done';
      return undefined;
    }
    if (err.code === 429) {
      o.io.err(`error when evicting ${podRef(pod)} (will retry after 5s): ${err.message}\n`);
      task.dueAt = now + EVICTION_RETRY_MS;
      return undefined;
    }
    task.phase = 'done';
    return `error when evicting ${podRef(pod)}: ${err.message}`;
  }
  task.phase = 'wait';
  task.dueAt = now;
  task.firstCheck = true;
  return undefined;
}

/** Checks an evicted pod whose wait is due. Returns an error message when the wait failed. */
function checkEvicted(o: RemoveOptions, task: PodTask, now: number, deadline: number): string | undefined {
  const pod = task.pod;
  if (!task.firstCheck && now >= deadline) {
    task.phase = 'done';
    return `error when waiting for pod "${pod.metadata.name}" in namespace "${pod.metadata.namespace}" to terminate: ${DEADLINE_EXCEEDED}`;
  }
  task.firstCheck = false;
  if (checkGone(o, pod, 'evicted', now)) {
    task.phase = 'done';
    return undefined;
  }
  task.dueAt = Math.min(now + DELETE_POLL_MS, deadline);
  return undefined;
}

/** Fails every unfinished task because nothing can change any more (see NOTHING_SCHEDULED). */
function failFrozenTasks(tasks: PodTask[]): string[] {
  const errors: string[] = [];
  for (const task of tasks) {
    const pod = task.pod;
    if (task.phase === 'evict') errors.push(`error when evicting ${podRef(pod)}: ${NOTHING_SCHEDULED}`);
    if (task.phase === 'wait') errors.push(`error when waiting for pod "${pod.metadata.name}" in namespace "${pod.metadata.namespace}" to terminate: ${NOTHING_SCHEDULED}`);
    task.phase = 'done';
  }
  return errors;
}

/**
 * Evicts the pods and waits until each is gone (Helper.evictPods). Returns
 * the error message of every pod that failed, in the order they failed.
 */
export async function evictPods(pods: KObject[], o: RemoveOptions): Promise<string[]> {
  const cluster = o.cluster;
  const start = cluster.clockNow();
  const deadline = o.timeoutMs !== 0 ? start + o.timeoutMs : Infinity;
  const tasks: PodTask[] = pods.map((pod) => ({ pod, phase: 'evict', dueAt: start, firstCheck: false }));
  const errors: string[] = [];
  const note = (message: string | undefined) => {
    if (message !== undefined) errors.push(message);
  };

  for (;;) {
    const now = cluster.clockNow();
    for (const task of tasks) if (task.phase === 'evict' && task.dueAt <= now) note(attemptEviction(o, task, now, deadline));
    // The evictions' controllers and kubelet work run before the pods are checked, as they would by the time kubectl looks.
    cluster.settle();
    for (const task of tasks) if (task.phase === 'wait' && task.dueAt <= now) note(checkEvicted(o, task, now, deadline));

    const pending = tasks.filter((t) => t.phase !== 'done');
    if (pending.length === 0) return errors;
    // Simplified: kubectl would retry forever here. On a manual clock with no timer pending and no --timeout nothing
    // can change, so kubesim stops with an error instead of looping (with --timeout it plays the retries to the deadline).
    if (deadline === Infinity && isFrozen(cluster)) {
      errors.push(...failFrozenTasks(pending));
      return errors;
    }
    await stepClock(cluster, { extra: Math.min(...pending.map((t) => t.dueAt)) });
  }
}

/**
 * Deletes the pods, then waits until all are gone or --timeout passes
 * (Helper.deletePods). Returns the error that ended it, if any: the first
 * failed deletion, or the wait's deadline.
 */
export async function deletePods(pods: KObject[], o: RemoveOptions): Promise<string | undefined> {
  const cluster = o.cluster;
  for (const pod of pods) {
    try {
      deleteObject(cluster.store, 'pods', pod.metadata.namespace ?? '', pod.metadata.name, { gracePeriodSeconds: o.gracePeriodSeconds });
    } catch (err) {
      if (err instanceof ApiError && err.code === 404) continue;
      if (err instanceof ApiError) return `${err.message}`;
      throw err;
    }
  }
  cluster.settle();

  const start = cluster.clockNow();
  const deadline = o.timeoutMs !== 0 ? start + o.timeoutMs : Infinity;
  let waiting = pods;
  for (let first = true; ; first = false) {
    const now = cluster.clockNow();
    if (!first && now >= deadline) return DEADLINE_EXCEEDED;
    waiting = waiting.filter((pod) => !checkGone(o, pod, 'deleted', now));
    if (waiting.length === 0) return undefined;
    // Simplified: as in evictPods, a manual clock with nothing pending and no --timeout ends the wait with an error.
    if (deadline === Infinity && isFrozen(cluster)) return NOTHING_SCHEDULED;
    await stepClock(cluster, { extra: Math.min(now + DELETE_POLL_MS, deadline) });
  }
}
