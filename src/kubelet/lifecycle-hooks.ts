/**
 * Container lifecycle hooks on the kubelet (pkg/kubelet/lifecycle/handlers.go
 * and kuberuntime_container.go's startContainer, killContainer and
 * executePreStopHook in 1.32). postStart runs right after the container
 * starts, inside the simulated image; when it fails the kubelet kills the
 * container, which then restarts with back-off. preStop runs when the
 * kubelet kills a container, within the grace period, before the
 * container gets SIGTERM.
 *
 * A hook's exec command runs in the simulated image, never on the host,
 * and the files it writes stay in the container (see exec-files.ts).
 * Only containers with a `lifecycle` take these steps (see hasHooks).
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { goQuote } from '../api/go-syntax.js';
import { execInImage } from '../images/exec.js';
import { standInDigest } from '../images/catalog.js';
import type { FileChange } from '../images/shell/run.js';
import { buildExecRequest } from './exec.js';
import { checkProbe } from './probe-check.js';
import type { ContainerRecord } from './state.js';

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => void;

/** Set when a container's postStart hook failed; the kubelet then kills the container. */
const FAILED_POST_START_HOOK = 'FailedPostStartHook';
/** Set when a container's preStop hook failed; the container is stopped all the same. */
const FAILED_PRE_STOP_HOOK = 'FailedPreStopHook';
/** Set when the kubelet kills a container; here because its postStart hook failed. */
const KILLING = 'Killing';
/** Set when an HTTPS hook got an HTTP response and the retry over HTTP succeeded. */
const LIFECYCLE_HTTP_FALLBACK = 'LifecycleHTTPFallback';
/** The waiting reason of a container whose postStart hook failed, until its next start or back-off. */
const POST_START_HOOK_ERROR = 'PostStartHookError';

/** The shortest stop time the kubelet gives a container after its preStop hook (minimumGracePeriodInSeconds). */
const MIN_GRACE_MS = 2_000;

/** Reports whether the container has lifecycle hooks, so that containers without them skip this module. */
export function hasHooks(spec: any): boolean {
  return spec.lifecycle !== undefined && spec.lifecycle !== null;
}

/** The outcome of one run of a hook handler. */
interface HookResult {
  /** The handler's error message (handlerRunner.Run's msg), or undefined when it succeeded. */
  failure?: string;
  /** The handler's error alone, which kubelets before 1.22 put in the waiting reason. */
  error?: string;
  /** How long the handler ran (ms); Infinity when it does not end by itself. */
  tookMs: number;
  /** The files an exec handler wrote or removed, with offsets from its start. */
  changes: FileChange[];
}

/** Names a pod as the kubelet's messages do (format.Pod): `name_namespace(uid)`. */
function formatPod(pod: KObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid})`;
}

/** Runs an exec handler in the container at `at`, as the runtime's ExecSync does with no timeout. */
function runExecHandler(store: Store, pod: KObject, spec: any, action: any, at: number): HookResult {
  const command: string[] = action.command ?? [];
  const changes: FileChange[] = [];
  const failed = (error: string, output: string): string =>
    `Exec lifecycle hook ([${command.join(' ')}]) for Container "${spec.name}" in Pod "${formatPod(pod)}" failed - error: ${error}, message: ${goQuote(output)}`;
  const request = buildExecRequest(store, pod, { container: spec.name, command, tty: false }, at);
  if (!request) return { tookMs: 0, changes };
  request.fileLog = changes;
  const outcome = execInImage(request);
  if (outcome.type === 'start-failed') {
    const execID = standInDigest(`exec ${pod.metadata.uid}/${spec.name}@${at}`);
    const error = 'rpc error: code = Unknown desc = failed to exec in container: '
      + `failed to start exec "${execID}": OCI runtime exec failed: exec failed: unable to start container process: ${outcome.reason}: unknown`;
    return { failure: failed(error, ''), error, tookMs: 0, changes };
  }
  const tookMs = outcome.finished ? outcome.elapsedMs ?? 0 : Infinity;
  if (!outcome.finished || outcome.exitCode === 0) return { tookMs, changes };
  const error = `command '${command.join(' ')}' exited with ${outcome.exitCode}: ${outcome.stderr}`;
  return { failure: failed(error, outcome.stdout + outcome.stderr), error, tookMs, changes };
}

/**
 * Sends an httpGet handler's request at `at`. Only a request that gets no
 * response fails, because the kubelet discards the response whatever its
 * status. An HTTPS request that gets an HTTP response is sent again over HTTP.
 */
function runHttpHandler(store: Store, pod: KObject, spec: any, rec: ContainerRecord, action: any, at: number, emit: Emit): HookResult {
  // NOTE: kubelets before 1.22 worded this `Http lifecycle hook (…) … failed - error: …, message: "…"`; kubesim uses the 1.32 wording.
  const failed = (error: string): HookResult => ({
    failure: `HTTP lifecycle hook (${action.path ?? ''}) for Container "${spec.name}" in Pod "${formatPod(pod)}" failed - error: ${error}`,
    error,
    tookMs: 0,
    changes: [],
  });
  let outcome = checkProbe(store, pod, spec, rec, { httpGet: action }, at);
  if (outcome.verdict === 'error') return failed(outcome.output);
  if (outcome.verdict === 'failure' && outcome.output.endsWith('http: server gave HTTP response to HTTPS client')) {
    outcome = checkProbe(store, pod, spec, rec, { httpGet: { ...action, scheme: 'HTTP' } }, at);
    if (!outcome.output.startsWith('Get "')) {
      const host = /^[a-z]+:\/\/([^/]+)/.exec(hookUrl(pod, spec, action))?.[1] ?? '';
      emit('Warning', LIFECYCLE_HTTP_FALLBACK, `request to HTTPS lifecycle hook ${host} got HTTP response, retry with HTTP succeeded`);
      return { tookMs: 0, changes: [] };
    }
  }
  // Any status code counts as a response. Only a request error (`Get "…": dial tcp …`) fails the hook.
  if (outcome.verdict === 'failure' && outcome.output.startsWith('Get "')) return failed(outcome.output);
  return { tookMs: 0, changes: [] };
}

/** Returns the URL an httpGet handler requests, for the fallback event's host. */
function hookUrl(pod: KObject, spec: any, action: any): string {
  const podIP = pod.status?.podIP ?? (pod._sim as { podIP?: string } | undefined)?.podIP ?? '';
  const named = (spec.ports ?? []).find((p: any) => p.name === action.port);
  const port = named ? named.containerPort : action.port;
  return `https://${action.host || podIP}:${port}/`;
}

/**
 * Runs one hook handler of container `spec` at `at`, as handlerRunner.Run
 * does. Before 1.30 the sleep action is off (PodLifecycleSleepAction), so
 * a sleep handler returns at once.
 */
function runHandler(store: Store, pod: KObject, spec: any, rec: ContainerRecord, handler: any, at: number, version: number, emit: Emit): HookResult {
  if (handler.exec) return runExecHandler(store, pod, spec, handler.exec, at);
  if (handler.httpGet) return runHttpHandler(store, pod, spec, rec, handler.httpGet, at, emit);
  if (handler.sleep) return { tookMs: version >= 130 ? Math.max(0, handler.sleep.seconds ?? 0) * 1000 : 0, changes: [] };
  // Simplified: the kubelet prints the whole handler struct after "invalid handler: ".
  return { failure: 'Cannot run handler: invalid handler', tookMs: 0, changes: [] };
}

/** Adds a hook's file changes, made from `at`, to the run's changes in time order, without changing the record's shared array. */
function recordHookFiles(rec: ContainerRecord, changes: FileChange[], at: number): void {
  if (changes.length === 0) return;
  const made: [number, string, string | null][] = changes.map((c) => [at + c.atMs, c.path, c.content]);
  const merged = [...(rec.fileChanges ?? []), ...made];
  // A stable sort keeps the main process's change before the hook's at the same instant.
  merged.sort((a, b) => a[0] - b[0]);
  rec.fileChanges = merged;
}

/**
 * Returns how long after `at` a container the kubelet kills at `at` has
 * stopped, running its preStop hook first (killContainer). The hook gets
 * at most the grace period, and the whole seconds it took come off it.
 * After SIGTERM the container then gets at least 2 s. A hook
 * that fails records FailedPreStopHook; one cut off by the grace period
 * records nothing. `graceMs` is the grace period in whole seconds.
 */
export function stopWithPreStop(store: Store, pod: KObject, spec: any, rec: ContainerRecord, at: number, graceMs: number, version: number, emit: Emit): number {
  const preStop = spec.lifecycle?.preStop;
  let hookMs = 0;
  let remaining = graceMs;
  if (preStop && graceMs > 0) {
    const result = runHandler(store, pod, spec, rec, preStop, at, version, emit);
    hookMs = Math.min(result.tookMs, graceMs);
    if (result.failure !== undefined && result.tookMs <= graceMs) {
      // NOTE: the event's time is the kill's; the kubelet records it when the hook ends.
      emit('Warning', FAILED_PRE_STOP_HOOK, version >= 126 ? 'PreStopHook failed' : result.failure, spec.name);
    }
    remaining = graceMs - Math.floor(hookMs / 1000) * 1000;
  }
  remaining = Math.max(remaining, MIN_GRACE_MS);
  const stopMs = rec.ignoresSigterm ? remaining : Math.min(remaining, rec.terminationMs ?? 0);
  return hookMs + stopMs;
}

/**
 * Runs the postStart hook of a container that has just started (stage
 * `run`). Its files stay in the container. When it fails, the kubelet
 * records FailedPostStartHook, kills the container (running its preStop
 * hook), and the container's status waits with PostStartHookError and the
 * hook's message until the restart step restarts it or backs off.
 * Simplified: the container shows as running while the hook runs, though
 * not ready until the hook ends.
 */
export function runPostStart(store: Store, pod: KObject, spec: any, rec: ContainerRecord, version: number, emit: Emit): void {
  const handler = spec.lifecycle?.postStart;
  if (!handler || rec.stage !== 'run' || rec.startError || rec.startedAt === undefined) return;
  const at = rec.startedAt;
  const result = runHandler(store, pod, spec, rec, handler, at, version, emit);
  recordHookFiles(rec, result.changes, at);
  if (result.failure === undefined) {
    // The kubelet reports the container ready only after its start, hook included, has returned.
    if (result.tookMs === Infinity) rec.unready = true;
    else if (result.tookMs > 0) rec.readyAt = Math.max(rec.readyAt ?? at, at + result.tookMs);
    return;
  }
  // NOTE: kubelets before 1.26 put the hook's message in the event (1.26 is when the message was withheld).
  emit('Warning', FAILED_POST_START_HOOK, version >= 126 ? 'PostStartHook failed' : result.failure, spec.name);
  emit('Normal', KILLING, FAILED_POST_START_HOOK, spec.name);
  const killAt = at + result.tookMs;
  const graceMs = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  const stoppedAt = killAt + stopWithPreStop(store, pod, spec, rec, killAt, graceMs, version, emit);
  if (rec.exitAt === undefined || rec.exitAt > stoppedAt) {
    rec.exitAt = stoppedAt;
    rec.exitCode = rec.ignoresSigterm ? 137 : rec.sigtermExitCode ?? 0;
  }
  rec.until = rec.exitAt;
  // The kubelet's sync is busy killing it, so it never reports the container ready.
  rec.unready = true;
  // Before 1.22 the kubelet put the handler's error in the reason (`PostStartHookError: command '…' exited with 1: `).
  rec.waitingReason = version >= 122 || result.error === undefined ? POST_START_HOOK_ERROR : `${POST_START_HOOK_ERROR}: ${result.error}`;
  rec.waitingMessage = result.failure;
}
