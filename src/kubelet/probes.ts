/**
 * The kubelet's probe workers (pkg/kubelet/prober/worker.go and
 * prober_manager.go in 1.32) and the effects of their results. Readiness
 * sets the container's `ready`, and startup sets `started` and gates the
 * other probes. A liveness or startup failure kills the container for a
 * restart (kuberuntime's computePodActions and killContainer).
 *
 * Each worker's ticker counts periods from the pod's admission, and the
 * pod sync runs every tick that can change something. A tick whose probe
 * passes and already passed changes nothing, so the worker then skips to
 * the tick at which the check's outcome can next differ: for an exec probe
 * the main process's next file change, for HTTP and TCP probes a new
 * container. Always-passing probes thus cost no pod sync after the first.
 * A failing probe records an Unhealthy event at each tick, so it still
 * costs one sync per period.
 */
import type { KObject } from '../api/types.js';
import type { ControllerContext } from '../engine/controller.js';
import type { FileChange } from '../images/shell/run.js';
import type { ProgramContext } from '../images/program.js';
import { checkProbe, type ProbeOutcome } from './probe-check.js';
import type { ContainerRecord, ProbeResult, ProbeWorker, ProbeWorkers } from './state.js';
import { hasHooks, stopWithPreStop } from './lifecycle-hooks.js';

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => void;

type ProbeType = keyof ProbeWorkers;

/** Probe types in the order a sync runs their ticks that fall on the same instant: the others before startup, whose success they see only from the next tick. */
const TYPES: readonly ProbeType[] = ['readiness', 'liveness', 'startup'];

const SPEC_FIELD: Record<ProbeType, string> = { liveness: 'livenessProbe', readiness: 'readinessProbe', startup: 'startupProbe' };

/** The probe type as the prober's events name it (probeType.String()). */
const TYPE_NAME: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** The result a worker reports for a new container before its first probe (the worker's initialValue). */
const INITIAL_RESULT: Record<ProbeType, ProbeResult> = { liveness: 'Success', readiness: 'Failure', startup: 'Unknown' };

/** Set on a probe failure, and on a probe that could not run (errored), with the prober's message. */
const UNHEALTHY = 'Unhealthy';
/** Set on an HTTP probe that gets a redirect, which counts as a success. */
const PROBE_WARNING = 'ProbeWarning';
/** Set when the kubelet kills a container, here because it failed its liveness or startup probe. */
const KILLING = 'Killing';

/** Reports whether the container has any probe, so containers without one skip this module. */
export function hasProbes(spec: any): boolean {
  return spec.livenessProbe !== undefined || spec.readinessProbe !== undefined || spec.startupProbe !== undefined;
}

/**
 * Gives the program context a file log when the container has an exec
 * probe, whose commands see the files the main process writes. Returns the
 * log, which the plan fills, or undefined.
 */
export function watchProgramFiles(spec: any, context: ProgramContext): FileChange[] | undefined {
  if (!spec.livenessProbe?.exec && !spec.readinessProbe?.exec && !spec.startupProbe?.exec) return undefined;
  context.fileLog = [];
  return context.fileLog;
}

/** Returns the time the probe workers' tickers count from: the pod's admission by the kubelet, which status.startTime records. */
function probeEpoch(pod: KObject, fallback: number): number {
  const start = Date.parse(pod.status?.startTime ?? '');
  return Number.isNaN(start) ? fallback : start;
}

function periodMs(probe: any): number {
  return Math.max(1, probe.periodSeconds ?? 10) * 1000;
}

/** Returns the worker's first tick strictly after `at`. */
function tickAfter(epoch: number, period: number, at: number): number {
  return epoch + (Math.floor((at - epoch) / period) + 1) * period;
}

/** Returns the worker's first tick at or after `at`. */
function tickAtOrAfter(epoch: number, period: number, at: number): number {
  return epoch + Math.max(1, Math.ceil((at - epoch) / period)) * period;
}

/**
 * Starts probing a container run that starts at `at`. Until its probes
 * pass, a container with a readiness probe is not ready and one with a
 * startup probe has not started. The readiness worker probes at once,
 * because the first status of the new container finds no readiness result
 * and triggers it (prober_manager's UpdatePodStatus). The other workers
 * see the container at their next tick. `fileLog` is the run's planned file
 * changes, with offsets from `at`.
 */
export function startProbing(pod: KObject, spec: any, rec: ContainerRecord, at: number, fileLog: FileChange[] | undefined): void {
  rec.fileChanges = fileLog && fileLog.length > 0 ? fileLog.map((c) => [at + c.atMs, c.path, c.content]) : undefined;
  rec.unready = spec.readinessProbe ? true : undefined;
  rec.unstarted = spec.startupProbe ? true : undefined;
  rec.probeKill = undefined;
  const epoch = probeEpoch(pod, at);
  const workers: ProbeWorkers = {};
  for (const type of TYPES) {
    const probe = spec[SPEC_FIELD[type]];
    if (!probe) continue;
    const old = rec.probes?.[type];
    const next = type === 'readiness' ? at : tickAfter(epoch, periodMs(probe), at);
    workers[type] = { ...(old ?? { count: 0 }), next };
  }
  rec.probes = workers;
  rec.probeWake = at;
}

/** Reports whether the worker's probe is off at this moment: the startup probe once started, the others until then. */
function isGated(type: ProbeType, rec: ContainerRecord): boolean {
  return type === 'startup' ? rec.unstarted !== true : rec.unstarted === true;
}

/**
 * Kills a container that failed its liveness or startup probe at `at`:
 * SIGTERM, then SIGKILL after the grace period (the probe's own
 * terminationGracePeriodSeconds, else the pod's). A process that ignores
 * SIGTERM dies of the SIGKILL with exit code 137. The sync that kills
 * also restarts it (see restartEndedAt).
 */
function killContainer(ctx: ControllerContext, pod: KObject, spec: any, rec: ContainerRecord, type: ProbeType, probe: any, at: number, emit: Emit): void {
  const restart = (pod.spec.restartPolicy ?? 'Always') !== 'Never';
  emit('Normal', KILLING, `Container ${spec.name} failed ${type} probe${restart ? ', will be restarted' : ''}`, spec.name);
  const grace = (probe.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  const stop = hasHooks(spec)
    ? stopWithPreStop(ctx.store, pod, spec, rec, at, grace, ctx.settings.version, emit)
    : rec.ignoresSigterm ? grace : Math.min(grace, rec.terminationMs ?? 0);
  if (rec.exitAt === undefined || rec.exitAt > at + stop) {
    rec.exitAt = at + stop;
    rec.exitCode = rec.ignoresSigterm ? 137 : rec.sigtermExitCode ?? 0;
  }
  rec.until = rec.exitAt;
  rec.probeKill = true;
}

/** Records the prober's event for an outcome, as prober.probe does: none for a plain success. */
function recordOutcome(type: ProbeType, spec: any, outcome: ProbeOutcome, emit: Emit): void {
  const name = TYPE_NAME[type];
  if (outcome.verdict === 'failure') emit('Warning', UNHEALTHY, `${name} probe failed: ${outcome.output}`, spec.name);
  else if (outcome.verdict === 'warning') emit('Warning', PROBE_WARNING, `${name} probe warning: ${outcome.output}`, spec.name);
  else if (outcome.verdict === 'error') emit('Warning', UNHEALTHY, `${name} probe errored and resulted in unknown state: ${outcome.output}`, spec.name);
}

/**
 * Runs one tick of a worker at `at`, as worker.doProbe does, and returns
 * the worker's new state and the check's outcome when it probed.
 */
function runTick(ctx: ControllerContext, pod: KObject, spec: any, rec: ContainerRecord, type: ProbeType, old: ProbeWorker, at: number, emit: Emit): { worker: ProbeWorker; outcome?: ProbeOutcome } {
  const probe = spec[SPEC_FIELD[type]];
  let worker = old;
  // A new container: report the initial value and resume probing. The run of equal results carries over.
  if (worker.run !== rec.restarts) worker = { ...worker, run: rec.restarts, result: INITIAL_RESULT[type], hold: undefined };
  if (worker.hold) return { worker };
  if (Math.floor((at - rec.startedAt!) / 1000) < (probe.initialDelaySeconds ?? 0)) return { worker };
  if (isGated(type, rec)) return { worker };

  const outcome = checkProbe(ctx.store, pod, spec, rec, probe, at);
  recordOutcome(type, spec, outcome, emit);
  // The worker discards a probe that could not run.
  if (outcome.verdict === 'error') return { worker, outcome };
  const result = outcome.verdict === 'failure' ? 'Failure' : 'Success';
  const threshold = result === 'Failure' ? probe.failureThreshold ?? 3 : probe.successThreshold ?? 1;
  const count = worker.last === result ? Math.min(worker.count + 1, threshold) : 1;
  worker = { ...worker, last: result, count };
  if (count < threshold) return { worker, outcome };

  worker.result = result;
  if (type === 'readiness') rec.unready = result !== 'Success' || undefined;
  if (type === 'startup') rec.unstarted = result !== 'Success' || undefined;
  if (type !== 'readiness' && result === 'Failure') {
    // Stop probing until a new container: killing takes a while, and probes meanwhile would only fail.
    worker.hold = true;
    worker.count = 0;
    killContainer(ctx, pod, spec, rec, type, probe, at, emit);
  }
  return { worker, outcome };
}

/**
 * Returns when the worker next needs to probe after its tick at `at`, or
 * undefined when nothing can change before a new container (or, for a
 * gated worker, before the startup probe passes).
 */
function nextTick(pod: KObject, spec: any, rec: ContainerRecord, type: ProbeType, worker: ProbeWorker, at: number, outcome: ProbeOutcome | undefined): number | undefined {
  const probe = spec[SPEC_FIELD[type]];
  const epoch = probeEpoch(pod, at);
  const period = periodMs(probe);
  if (worker.hold) return undefined;
  const delayEnds = rec.startedAt! + (probe.initialDelaySeconds ?? 0) * 1000;
  if (at < delayEnds) return tickAtOrAfter(epoch, period, delayEnds);
  if (isGated(type, rec)) return undefined;
  // A passing probe that already passed changes nothing until its check's outcome can change.
  if (outcome?.verdict === 'success' && worker.result === 'Success') {
    return outcome.holdsUntil === Infinity ? undefined : tickAtOrAfter(epoch, period, outcome.holdsUntil);
  }
  return tickAfter(epoch, period, at);
}

/** Picks the worker whose next tick comes first and is due by `now`, in TYPES order on ties. */
function dueWorker(workers: ProbeWorkers, now: number): ProbeType | undefined {
  let due: ProbeType | undefined;
  for (const type of TYPES) {
    const next = workers[type]?.next;
    if (next === undefined || next > now) continue;
    if (due === undefined || next < workers[due]!.next!) due = type;
  }
  return due;
}

/** Ticks one sync runs at most, so that a pod synced after a long gap (its node was down) catches up in bounded time. */
const MAX_TICKS_PER_SYNC = 1000;

/**
 * Runs the container's probe ticks that fell due by now, in time order,
 * and sets `rec.probeWake` to the next one. A sync runs at every such
 * tick, so each event carries its tick's time. Call it after the sync has
 * moved the container through its due stages.
 */
export function syncProbes(ctx: ControllerContext, pod: KObject, spec: any, rec: ContainerRecord, emit: Emit): void {
  if (rec.stage !== 'run' || rec.startedAt === undefined || rec.startError || !rec.probes) {
    rec.probeWake = undefined;
    return;
  }
  const now = ctx.now();
  const workers: ProbeWorkers = { ...rec.probes };
  for (let i = 0; i < MAX_TICKS_PER_SYNC; i++) {
    const type = dueWorker(workers, now);
    if (type === undefined) break;
    const at = workers[type]!.next!;
    const wasStarted = rec.unstarted !== true;
    const { worker, outcome } = runTick(ctx, pod, spec, rec, type, workers[type]!, at, emit);
    // The worker can still be the stored record's object, which a sync must not change.
    workers[type] = { ...worker, next: nextTick(pod, spec, rec, type, worker, at, outcome) };
    // The startup probe passed: the gated workers probe from their next tick on.
    if (!wasStarted && rec.unstarted !== true) {
      for (const other of TYPES) {
        const gated = workers[other];
        if (other === 'startup' || !gated || gated.next !== undefined) continue;
        workers[other] = { ...gated, next: tickAfter(probeEpoch(pod, at), periodMs(spec[SPEC_FIELD[other]]), at) };
      }
    }
    if (rec.stage !== 'run') break;
  }
  rec.probes = workers;
  rec.probeWake = earliestTick(workers);
}

/** Returns the earliest next tick of the workers, the time the probes next need a pod sync. */
function earliestTick(workers: ProbeWorkers): number | undefined {
  let wake: number | undefined;
  for (const type of TYPES) {
    const next = workers[type]?.next;
    if (next !== undefined && (wake === undefined || next < wake)) wake = next;
  }
  return wake;
}

/**
 * Makes the container's probe workers probe again from their first tick
 * after `at`, because something outside the planned run changed the
 * container at `at` (a `kubectl exec` wrote files). Workers on hold and
 * gated workers stay as they are.
 */
export function rearmProbes(pod: KObject, spec: any, rec: ContainerRecord, at: number): void {
  if (!rec.probes || rec.stage !== 'run') return;
  const workers: ProbeWorkers = { ...rec.probes };
  for (const type of TYPES) {
    const worker = workers[type];
    if (!worker || worker.hold || isGated(type, rec)) continue;
    const tick = tickAfter(probeEpoch(pod, at), periodMs(spec[SPEC_FIELD[type]]), at);
    workers[type] = { ...worker, next: Math.min(worker.next ?? Infinity, tick) };
  }
  rec.probes = workers;
  rec.probeWake = earliestTick(workers);
}

/**
 * Returns the end time the restart step checks the back-off against, for
 * a container whose run just ended. After a probe kill the same sync
 * starts the container again, and kuberuntime's doBackOff then looks at
 * the newest container that had already exited before the kill: the run
 * before this one, or none (undefined), which means no back-off.
 */
export function restartEndedAt(rec: ContainerRecord): number | undefined {
  if (!rec.probeKill) return rec.last!.finishedAt;
  rec.probeKill = undefined;
  return rec.previous?.finishedAt;
}

/**
 * Makes the restart step run at the end of a run the probe kill ended,
 * without waiting for the next relist, because the killing sync goes on to
 * start the container. That sync restarts it under every restart policy but
 * Never, so also under OnFailure after a clean exit.
 */
export function endProbeKill(pod: KObject, rec: ContainerRecord): void {
  if (!rec.probeKill || !rec.last) return;
  if (rec.stage === 'done' && pod.spec.restartPolicy === 'OnFailure') rec.stage = 'exited';
  if (rec.stage === 'exited') rec.until = rec.last.finishedAt;
}
