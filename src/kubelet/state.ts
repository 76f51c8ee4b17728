/**
 * The kubelet's private record of each container, kept on the pod under
 * `_sim` (printers strip it) so that it commits with the pod's status.
 */

/**
 * The step a container is at. In `exited` it ended and its pod has not
 * synced since, so its status shows the termination. In `wait` a pod sync
 * found it backing off (CrashLoopBackOff) and the next sync is due. A
 * restart then goes through `pull` (under pull policy Always) and `start`.
 */
export type Stage = 'pull' | 'pullErr' | 'pullWait' | 'start' | 'run' | 'exited' | 'wait' | 'done';

/** One ended run of a container, as its status shows it. */
export interface Termination {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
}

export interface ContainerRecord {
  stage: Stage;
  /** When the current stage ends (ms), if it ends on its own. */
  until?: number;
  /** Count of runs the kubelet started after the first, which is the index of the newest run. */
  restarts: number;
  pullFailures: number;
  startedAt?: number;
  exitAt?: number;
  exitCode?: number;
  readyAt?: number;
  ignoresSigterm?: boolean;
  terminationMs?: number;
  serves?: string;
  /** The ports the server listens on, when its program sets them (see RunPlan.listens). */
  listens?: number[];
  /** Exit code after SIGTERM of a process that handles it (0 when unset). */
  sigtermExitCode?: number;
  version?: string;
  /** Last termination, shown as lastState (or as the state while the stage is `exited` or `done`). */
  last?: Termination;
  /** The termination before `last`, shown as lastState while the stage is `exited`. */
  previous?: Termination;
  /**
   * The container's restart back-off entry, as client-go's flowcontrol.Backoff
   * keeps it on the kubelet: the wait after the next crash (ms), absent until
   * the kubelet first restarts the container.
   */
  backOffMs?: number;
  /** When the back-off entry last moved on (ms): the last restart the kubelet allowed. Housekeeping drops the entry 10 minutes later. */
  backOffUpdatedAt?: number;
  /** Why the container is waiting (`ContainerCreating`, `ErrImagePull`, `CrashLoopBackOff`, ...). */
  waitingReason?: string;
  waitingMessage?: string;
  /** The last failed pull's error, reported in the status from the next sync on (the status lags one sync). */
  pullError?: string;
  containerId?: string;
  /** Why the runtime could not start the process (the container then ends with StartError). */
  startError?: string;
  /** True while the process is a shell waiting for commands on its open standard input (see kubelet/attach.ts). */
  readsStdin?: boolean;
  /**
   * The files the current run's main process writes and removes, as
   * [time (ms), path, content or null], kept only for a container with an
   * exec probe, whose commands see them (see probe-check.ts).
   */
  fileChanges?: [number, string, string | null][];
  /** True while the readiness probe has not passed for the current run, which keeps the container not ready. */
  unready?: boolean;
  /** True while the startup probe has not passed for the current run (the status's `started` is false). */
  unstarted?: boolean;
  /** The probe workers' state (see probes.ts). Replaced, never changed in place, because record copies share it. */
  probes?: ProbeWorkers;
  /** When the probe workers next need a pod sync (ms). */
  probeWake?: number;
  /** True when the current run ends because it failed its liveness or startup probe (see probes.ts). */
  probeKill?: boolean;
}

/** A probe result as the kubelet's results manager keeps it. */
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** One probe worker (pkg/kubelet/prober/worker.go): its view of the container and its run of equal results. */
export interface ProbeWorker {
  /** The container run (restart count) the worker last saw. */
  run?: number;
  /** The result it reported for that run. */
  result?: ProbeResult;
  /** The latest probe's result and how many probes in a row gave it (lastResult, resultRun). */
  last?: 'Success' | 'Failure';
  count: number;
  /** True after a liveness or startup failure, until the worker sees a new container. */
  hold?: boolean;
  /** The next probe the worker makes (ms), or undefined while nothing can change before a new container. */
  next?: number;
}

/** The container's probe workers by probe type. */
export interface ProbeWorkers {
  liveness?: ProbeWorker;
  readiness?: ProbeWorker;
  startup?: ProbeWorker;
}

export interface PodRecord {
  containers: Record<string, ContainerRecord>;
  /**
   * When the pod may be removed, stored only when its removal fell due while
   * the node was not ready (see terminate.ts). Otherwise the pending removal
   * wake-up carries that time.
   */
  removeAt?: number;
  /** The sandbox's address, reported in status.podIP from the pod's next sync on. */
  podIP?: string;
  /** Set when the kubelet failed the whole pod (past spec.activeDeadlineSeconds): the pod status reason and message. */
  failure?: { reason: string; message: string };
  /** Set on a pod with init containers once the kubelet has started its app containers (see init-containers.ts). */
  initialized?: boolean;
  /** Set once the kubelet has begun stopping the pod's sidecars, because its app containers are done (see init-containers.ts). */
  stoppingSidecars?: boolean;
}

/**
 * Copies a pod's record for a sync to change, as cloneJson would: same keys
 * in the same order. Every sync copies the stored record, and a copy written
 * for the record's shape costs a fraction of a generic deep copy.
 */
export function copyPodRecord(record: PodRecord): PodRecord {
  const containers: Record<string, ContainerRecord> = {};
  for (const name in record.containers) {
    const rec = record.containers[name];
    const copy = { ...rec };
    if (rec.last) copy.last = { ...rec.last };
    if (rec.previous) copy.previous = { ...rec.previous };
    containers[name] = copy;
  }
  const copy = { ...record, containers };
  if (record.failure) copy.failure = { ...record.failure };
  return copy;
}
