/**
 * The simulated kubelet: takes a bound pod through sandbox creation, image
 * pulls (with back-off on failure), container starts, program exits and
 * restarts with back-off, readiness, and graceful termination. Every step
 * that happens later is a timer, so the pod's state follows simulated time.
 */
import type { KObject } from '../api/types.js';
import type { Controller, ControllerContext } from '../engine/controller.js';
import { splitKey } from '../engine/controller.js';
import { recordEvent } from '../engine/events.js';
import { cloneJson, isoTime } from '../store/store.js';
import { planContainer, type ContainerSpecLite, type ProgramContext } from '../images/program.js';
import { resolveImage } from '../images/catalog.js';
import { isNodeReady } from '../controllers/scheduler/fit.js';
import type { ContainerRecord, PodRecord } from './state.js';
import { copyPodRecord } from './state.js';
import { isPresentOnNode, pullOutcome, runtimeContainerID } from './images.js';
import { allocatePodIP } from './ipam.js';
import { buildPodStatus } from './status.js';
import { killPastDeadline, podDeadline } from './deadline.js';
import { deferRemoval, parseWake, terminate } from './terminate.js';
import { NodeView, sharedNode } from './node-read.js';
import { CONTAINER_BACKOFF_MS, MAX_CONTAINER_BACKOFF_MS, endContainerRun, syncEndedContainer } from './restart.js';
import { INVALID_ENV_NAMES_REASON, makeEnvironment, storeEnvSources, type ContainerEnvironment, type EnvSources } from './env.js';
import { buildMountedFiles, storeVolumeSources } from './volume-files.js';
import { buildPodNetwork } from '../network/pod-network.js';
import { endProbeKill, hasProbes, restartEndedAt, startProbing, syncProbes, watchProgramFiles } from './probes.js';
import type { Store } from '../store/store.js';
import { hasHooks, runPostStart } from './lifecycle-hooks.js';
import { hasInitContainers, isInitContainerName, startInitialization, stopSidecarsAfterAppContainers, syncInitContainers, wakePodsWaitingOnInit, type KubeletSteps } from './init-containers.js';

/** Kubelet back-off for image pulls: 10 s doubling, capped at 5 minutes. */
export function backoffMs(failures: number): number {
  return Math.min(MAX_CONTAINER_BACKOFF_MS, CONTAINER_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * Returns the delay until the kubelet syncs a pod again after a failed pull.
 * The sync that pulled computed the pod's status before pulling, so the status
 * still shows ContainerCreating (or ImagePullBackOff) until this next sync reports
 * ErrImagePull and, still inside the back-off, "Back-off pulling image".
 * After the first failure that sync comes at once: the sandbox's start queued
 * it while the pull ran. After later ones the pod worker requeues the pod
 * with its 10 s back-off period.
 */
function syncAfterPullFailureMs(failures: number): number {
  return failures <= 1 ? 2_000 : 10_000;
}

/**
 * Returns the extra time, 0 to 900 ms in steps of 100 ms, that this pod's
 * first start takes, hashed from its uid. On a real node, pods that start
 * together become Running and ready at slightly different moments (sandbox
 * and network setup, the runtime's own queue). The steps keep a wave of
 * thousands of pods to ten instants, so controllers that sync on each
 * instant do not sync once per pod.
 */
export function startOffsetMs(pod: KObject): number {
  let h = 0x811c9dc5;
  const uid = pod.metadata.uid ?? pod.metadata.name;
  for (let i = 0; i < uid.length; i++) h = Math.imul(h ^ uid.charCodeAt(i), 0x01000193) >>> 0;
  return (h % 10) * 100;
}

/**
 * Returns the time from the image step to the container's start. A first
 * start adds the pod's start offset. A restart does not, because the
 * sandbox and network are already set up.
 */
function startDelayMs(ctx: ControllerContext, pod: KObject, rec: ContainerRecord): number {
  return ctx.settings.startMs + (rec.last ? 0 : startOffsetMs(pod));
}

function source(pod: KObject) {
  return { component: 'kubelet', host: pod.spec.nodeName as string };
}

function fieldPath(pod: KObject, name: string): string {
  return isInitContainerName(pod, name) ? `spec.initContainers{${name}}` : `spec.containers{${name}}`;
}

/** Pull durations as the Pulled event prints them (`4s`, `1.5s`), by milliseconds, because every pull reports the same setting. */
const durations = new Map<number, string>();

function sec(ms: number): string {
  let text = durations.get(ms);
  if (text === undefined) {
    text = `${(ms / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
    if (durations.size >= 1000) durations.clear();
    durations.set(ms, text);
  }
  return text;
}

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => void;

/**
 * Runs the kubelet's image step (EnsureImageExists) for a container it
 * starts at `now`: on the first start and again on every restart. Under
 * pull policy Always it pulls each time. Otherwise an image on the node
 * records `Pulled` with "already present on machine".
 */
function beginPull(ctx: ControllerContext, pod: KObject, node: NodeView, spec: any, rec: ContainerRecord, emit: Emit, now = ctx.now()): void {
  const invalid = resolveImage(spec.image).invalidReason;
  if (invalid) {
    rec.stage = 'done';
    rec.waitingReason = 'InvalidImageName';
    rec.waitingMessage = `Failed to apply default image tag "${spec.image}": ${invalid}`;
    emit('Warning', 'InspectFailed', rec.waitingMessage, spec.name);
    emit('Warning', 'Failed', 'Error: InvalidImageName', spec.name);
    return;
  }
  const always = spec.imagePullPolicy === 'Always';
  const never = spec.imagePullPolicy === 'Never';
  if (!always && isPresentOnNode(node.current, spec.image)) {
    emit('Normal', 'Pulled', `Container image "${spec.image}" already present on machine`, spec.name);
    rec.stage = 'start';
    rec.until = now + startDelayMs(ctx, pod, rec);
    return;
  }
  if (never) {
    rec.stage = 'done';
    rec.waitingReason = 'ErrImageNeverPull';
    emit('Warning', 'ErrImageNeverPull', `Container image "${spec.image}" is not present with pull policy of Never`, spec.name);
    return;
  }
  emit('Normal', 'Pulling', `Pulling image "${spec.image}"`, spec.name);
  const outcome = pullOutcome(spec.image, ctx.settings, ctx.settings.seed);
  rec.stage = 'pull';
  rec.until = now + (outcome.ok ? ctx.settings.pullMs : ctx.settings.pullFailMs);
}

function finishPull(ctx: ControllerContext, pod: KObject, node: NodeView, spec: any, rec: ContainerRecord, emit: Emit): void {
  const at = rec.until!;
  const outcome = pullOutcome(spec.image, ctx.settings, ctx.settings.seed, at);
  if (!outcome.ok) {
    rec.pullFailures += 1;
    emit('Warning', 'Failed', `Failed to pull image "${spec.image}": ${outcome.message}`, spec.name);
    emit('Warning', 'Failed', 'Error: ErrImagePull', spec.name);
    rec.stage = 'pullErr';
    rec.pullError = `Failed to pull image "${spec.image}": ${outcome.message}`;
    rec.until = at + syncAfterPullFailureMs(rec.pullFailures);
    return;
  }
  const took = ctx.settings.pullMs;
  const message =
    ctx.settings.version >= 128
      ? `Successfully pulled image "${spec.image}" in ${sec(took)} (${sec(took)} including waiting). Image size: ${outcome.sizeBytes} bytes.`
      : `Successfully pulled image "${spec.image}"`;
  emit('Normal', 'Pulled', message, spec.name);
  rec.stage = 'start';
  rec.until = at + startDelayMs(ctx, pod, rec);
  // A restart keeps the status it had before the pull (the termination, or CrashLoopBackOff) until the container runs.
  if (!rec.last) {
    rec.waitingReason = 'ContainerCreating';
    delete rec.waitingMessage;
  }
  // The node lists each image once, however many pods pulled it.
  if (isPresentOnNode(node.current, spec.image)) return;
  const status = node.mutable().status;
  status.images ??= [];
  status.images.push({ names: [spec.image], sizeBytes: outcome.sizeBytes });
}

/**
 * Resolves a container's env list without a store: plain values and
 * `valueFrom.fieldRef`; every other source resolves to an empty string.
 * With a store, use makeEnvironment (./env.ts), which reads ConfigMaps,
 * Secrets and the node.
 */
export function resolveEnv(pod: KObject, env: any[]): { name: string; value: string }[] {
  return makeEnvironment(pod, { env: (env ?? []).map((e) => (e?.valueFrom?.fieldRef || !e?.valueFrom ? e : { name: e.name })) }, NO_SOURCES).env;
}

const NO_SOURCES: EnvSources = { configMap: () => undefined, secret: () => undefined };

/** Builds a container's environment, reading its ConfigMaps, Secrets and node from the store when there is one. */
function containerEnvironment(pod: KObject, spec: any, store?: Store): ContainerEnvironment {
  if (!store) return { env: resolveEnv(pod, spec.env ?? []), warnings: [] };
  return makeEnvironment(pod, spec, storeEnvSources(store, pod));
}

/**
 * Copies a container record without its waiting reason and message, keeping
 * the order of the other keys. Deleting the two keys instead would turn the
 * record into a slow dictionary-mode object, which the store then compares
 * and encodes.
 */
function withoutWaiting(rec: ContainerRecord): ContainerRecord {
  const out: Record<string, unknown> = {};
  for (const key in rec) {
    if (key !== 'waitingReason' && key !== 'waitingMessage') out[key] = (rec as unknown as Record<string, unknown>)[key];
  }
  return out as unknown as ContainerRecord;
}

/**
 * Builds what the program planner reads of a container: its spec fields and
 * the pod facts at `at`, the moment the process starts or reads its input.
 */
export function programInputs(pod: KObject, spec: any, at: number, store?: Store): { container: ContainerSpecLite; context: ProgramContext } {
  const resolved = containerEnvironment(pod, spec, store).env;
  const env: Record<string, string> = {};
  for (const e of resolved) env[e.name] = e.value;
  const container: ContainerSpecLite = { name: spec.name, image: spec.image, command: spec.command, args: spec.args, env: resolved };
  if (spec.stdin) container.stdin = true;
  if (spec.stdinOnce) container.stdinOnce = true;
  if (spec.tty) container.tty = true;
  const context: ProgramContext = {
    podName: pod.metadata.name,
    hostname: pod.spec.hostname ?? pod.metadata.name,
    podIP: pod.status?.podIP ?? (pod._sim as PodRecord | undefined)?.podIP ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    nodeName: pod.spec.nodeName,
    startedAt: at,
    env,
  };
  // With the store the program gets the network state at `at`, so the plan then depends on the store.
  if (store) context.network = buildPodNetwork(store, context.namespace, at, { name: pod.metadata.name, hostname: context.hostname });
  if (store) defineLazyMounts(context, () => buildMountedFiles(pod, spec, storeVolumeSources(store, pod), at));
  return { container, context };
}

/**
 * Gives the context a `mounts` property that builds the volume files on first
 * read: only shell programs read files, and building them for every started
 * container (each pod has a service account volume) cost a tenth of a
 * 10,000-pod scale-up.
 */
function defineLazyMounts(context: ProgramContext, build: () => ReadonlyMap<string, string>): void {
  let mounts: ReadonlyMap<string, string> | undefined | null = null;
  Object.defineProperty(context, 'mounts', {
    enumerable: true,
    configurable: true,
    get() {
      if (mounts === null) {
        const built = build();
        mounts = built.size > 0 ? built : undefined;
      }
      return mounts;
    },
  });
}

/** Starts a container and returns its new record, which replaces `started` in the pod's record. */
function startContainer(ctx: ControllerContext, pod: KObject, spec: any, started: ContainerRecord, emit: Emit): ContainerRecord {
  const at = started.until!;
  // A running container has no waiting state. The keys set below keep their place or append, as on the old record.
  const rec = withoutWaiting(started);
  // A container that ran before gets a new run: the restart count is the new run's index, as the runtime labels it.
  if (rec.last) rec.restarts += 1;
  const created = ctx.settings.version >= 131 ? `Created container: ${spec.name}` : `Created container ${spec.name}`;
  emit('Normal', 'Created', created, spec.name);
  emit('Normal', 'Started', `Started container ${spec.name}`, spec.name);
  const { container, context } = programInputs(pod, spec, at, ctx.store);
  const probed = hasProbes(spec);
  const fileLog = probed ? watchProgramFiles(spec, context) : undefined;
  const plan = planContainer(container, context);
  ctx.store.appendLogs(
    pod.metadata.uid!,
    spec.name,
    rec.restarts,
    plan.output.map((o) => ({ ts: at + o.atMs, stream: o.stream, line: o.line })),
  );
  if (plan.startError) {
    emit('Warning', 'Failed', `Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${plan.startError}: unknown`, spec.name);
  }
  rec.startError = plan.startError;
  rec.stage = 'run';
  rec.startedAt = at;
  rec.exitAt = plan.exit ? at + plan.exit.atMs : undefined;
  rec.exitCode = plan.exit?.code;
  rec.until = rec.exitAt;
  rec.ignoresSigterm = plan.ignoresSigterm;
  rec.terminationMs = plan.terminationMs;
  rec.serves = plan.serves;
  rec.listens = plan.listens;
  rec.sigtermExitCode = plan.sigtermExitCode;
  rec.version = plan.version;
  rec.readsStdin = plan.readsStdin;
  rec.readyAt = at;
  rec.containerId = runtimeContainerID((ctx.random().toString(16) + ctx.random().toString(16)).padEnd(16, '0'), ctx.settings.version);
  if (probed) startProbing(pod, spec, rec, at, fileLog);
  return rec;
}

/** How long the pod worker waits before syncing again a pod whose container could not be created (the kubelet's backOffPeriod). */
const CONFIG_RETRY_MS = 10_000;

/** Set while a container cannot be created because its environment names a missing ConfigMap, Secret or key. */
const CREATE_CONTAINER_CONFIG_ERROR = 'CreateContainerConfigError';

/**
 * Builds the container's environment as generateContainerConfig does just
 * before creating it, recording the envFrom warnings. Returns false when a
 * source that is not optional is missing: the container then waits with
 * CreateContainerConfigError, and the next pod sync runs the image step
 * and this check again, so the container starts once the source exists.
 * Simplified: the retry reports the image as present even under pull policy Always.
 */
function prepareContainerConfig(ctx: ControllerContext, pod: KObject, spec: any, rec: ContainerRecord, emit: Emit): boolean {
  if (rec.waitingReason === CREATE_CONTAINER_CONFIG_ERROR) {
    emit('Normal', 'Pulled', `Container image "${spec.image}" already present on machine`, spec.name);
  }
  const environment = makeEnvironment(pod, spec, storeEnvSources(ctx.store, pod));
  for (const warning of environment.warnings) emit('Warning', INVALID_ENV_NAMES_REASON, warning);
  if (environment.error === undefined) return true;
  emit('Warning', 'Failed', `Error: ${environment.error}`, spec.name);
  rec.waitingReason = CREATE_CONTAINER_CONFIG_ERROR;
  rec.waitingMessage = environment.error;
  rec.until = rec.until! + CONFIG_RETRY_MS;
  return false;
}

/** Moves one container of the pod's record through every stage that has fallen due, at most `steps` of them. */
function advance(ctx: ControllerContext, pod: KObject, node: NodeView, spec: any, record: PodRecord, emit: Emit, steps = 50): void {
  let rec = record.containers[spec.name];
  for (let guard = 0; guard < steps && rec.until !== undefined && rec.until <= ctx.now(); guard++) {
    switch (rec.stage) {
      case 'pull':
        finishPull(ctx, pod, node, spec, rec, emit);
        break;
      case 'pullErr':
        emit('Normal', 'BackOff', `Back-off pulling image "${spec.image}"`, spec.name);
        emit('Warning', 'Failed', 'Error: ImagePullBackOff', spec.name);
        rec.stage = 'pullWait';
        rec.waitingReason = 'ErrImagePull';
        rec.waitingMessage = rec.pullError;
        rec.until = rec.until + backoffMs(rec.pullFailures) - syncAfterPullFailureMs(rec.pullFailures);
        break;
      case 'pullWait': {
        const at = rec.until;
        // This sync reports the back-off the previous one found, then pulls again.
        rec.waitingReason = 'ImagePullBackOff';
        rec.waitingMessage = `Back-off pulling image "${spec.image}"`;
        emit('Normal', 'Pulling', `Pulling image "${spec.image}"`, spec.name);
        const outcome = pullOutcome(spec.image, ctx.settings, ctx.settings.seed);
        rec.stage = 'pull';
        rec.until = at + (outcome.ok ? ctx.settings.pullMs : ctx.settings.pullFailMs);
        break;
      }
      case 'start':
        if (!prepareContainerConfig(ctx, pod, spec, rec, emit)) break;
        rec = startContainer(ctx, pod, spec, rec, emit);
        record.containers[spec.name] = rec;
        // The hook's exec finds the new run in the pod's record.
        if (hasHooks(spec)) runPostStart(ctx.store, pod, spec, rec, ctx.settings.version, emit);
        break;
      case 'run':
        endContainerRun(pod, rec);
        endProbeKill(pod, rec);
        break;
      case 'exited':
      case 'wait': {
        const at = rec.until;
        // A restart runs the image step again, as every container start does.
        if (syncEndedContainer(pod, spec, rec, ctx.settings.version, emit, restartEndedAt(rec))) beginPull(ctx, pod, node, spec, rec, emit, at);
        break;
      }
      default:
        rec.until = undefined;
    }
  }
}

/**
 * Reports the sandbox's address once the kubelet syncs the pod again after
 * creating it: when a container's image pull has ended or a container is
 * starting. Until then `get pod -o wide` shows IP <none>, as on a real
 * node while an image is still being pulled.
 */
function reportPodIP(pod: KObject, record: PodRecord): void {
  if (!record.podIP || pod.status?.podIP) return;
  let synced = false;
  for (const name in record.containers) {
    const rec = record.containers[name];
    if (rec.stage !== 'pull' || rec.pullFailures > 0) {
      synced = true;
      break;
    }
  }
  if (!synced) return;
  pod.status.podIP = record.podIP;
  pod.status.podIPs = [{ ip: record.podIP }];
}

function initPod(ctx: ControllerContext, pod: KObject, view: NodeView, emit: Emit): PodRecord {
  const record: PodRecord = { containers: {} };
  const node = view.current;
  pod.status ??= {};
  pod.status.hostIP = (node.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address;
  pod.status.hostIPs = pod.status.hostIP ? [{ ip: pod.status.hostIP }] : undefined;
  if (!pod.spec.hostNetwork) {
    // The sandbox gets its address now; the kubelet reports it with the pod's next status sync (see reportPodIP).
    record.podIP = allocatePodIP(ctx.store, node);
  } else {
    pod.status.podIP = pod.status.hostIP;
    pod.status.podIPs = pod.status.hostIPs;
  }
  pod.status.startTime = isoTime(ctx.now());
  if (hasInitContainers(pod)) {
    startInitialization(ctx, pod, view, record, emit, KUBELET_STEPS);
    return record;
  }
  for (const spec of pod.spec.containers ?? []) {
    const rec: ContainerRecord = { stage: 'pull', restarts: 0, pullFailures: 0, waitingReason: 'ContainerCreating' };
    record.containers[spec.name] = rec;
    beginPull(ctx, pod, view, spec, rec, emit);
  }
  return record;
}

function reconcilePod(ctx: ControllerContext, key: string): void {
  const wake = parseWake(key);
  const [ns, name] = splitKey(wake.podKey);
  const shared = ctx.store.get('pods', ns, name, { shared: true });
  if (!shared || !shared.spec?.nodeName) return;
  let pod = shared;
  if (wake.removalOf !== undefined && wake.removalOf !== pod.metadata.uid) return;
  const node = sharedNode(ctx.store, pod.spec.nodeName);
  if (!node || !isNodeReady(node)) {
    if (wake.removalOf !== undefined) deferRemoval(ctx, cloneJson(pod));
    return;
  }
  const pending: [string, string, string, string | undefined][] = [];
  const emit: Emit = (type, reason, message, container) => pending.push([type, reason, message, container]);
  const flush = (obj: KObject) => {
    if (pending.length === 0) return;
    const from = source(pod);
    for (const [type, reason, message, container] of pending) {
      recordEvent(ctx.store, obj, type as 'Normal' | 'Warning', reason, message, from, container ? fieldPath(pod, container) : undefined);
    }
  };
  let record = pod._sim as PodRecord | undefined;
  if (pod.metadata.deletionTimestamp) {
    terminate(ctx, pod, record, emit, wake.removalOf !== undefined);
    flush(pod);
    return;
  }
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
  // The sync's own pod. Its spec and the contents of its metadata stay the store's shared objects, which a sync only reads.
  pod = { ...shared, metadata: { ...shared.metadata } };
  if (shared.status) pod.status = { ...shared.status };
  if (shared._sim) pod._sim = copyPodRecord(shared._sim as PodRecord);
  record = pod._sim as PodRecord | undefined;
  const view = new NodeView(node);
  if (!record) record = initPod(ctx, pod, view, emit);
  pod._sim = record;
  reportPodIP(pod, record);
  if (hasInitContainers(pod)) syncInitContainers(ctx, pod, view, record, emit, key, KUBELET_STEPS);
  for (const spec of pod.spec.containers ?? []) {
    record.containers[spec.name] ??= { stage: 'pull', restarts: 0, pullFailures: 0, waitingReason: 'ContainerCreating' };
    advance(ctx, pod, view, spec, record, emit);
    if (hasProbes(spec)) syncProbes(ctx, pod, spec, record.containers[spec.name], emit);
  }
  if (hasInitContainers(pod)) stopSidecarsAfterAppContainers(ctx, pod, record, emit, key);
  reportPodIP(pod, record);
  const deadline = podDeadline(pod);
  if (deadline !== undefined && ctx.now() >= deadline) killPastDeadline(ctx, pod, record, emit);
  pod._sim = record;
  // The status object is already this sync's own copy (above, or initPod's), so it is filled in place.
  pod.status = buildPodStatus(pod, record, ctx.now(), ctx.settings.version, true);
  // The pod is this reconcile's own copy, read only through `saved` from here on.
  const saved = ctx.store.update('pods', pod, { owned: true });
  if (view.changed) ctx.store.update('nodes', view.current, { owned: true });
  flush(saved);
  let next = Infinity;
  for (const name in record.containers) {
    const rec = record.containers[name];
    if (rec.until !== undefined) next = Math.min(next, rec.until);
    if (rec.stage === 'run' && rec.readyAt !== undefined && rec.readyAt > ctx.now()) next = Math.min(next, rec.readyAt);
    if (rec.probeWake !== undefined && rec.probeWake > ctx.now()) next = Math.min(next, rec.probeWake);
  }
  if (deadline !== undefined && deadline > ctx.now() && !record.failure) next = Math.min(next, deadline);
  if (next !== Infinity) ctx.wakeAt(next, key);
}

/** The container steps the init container sync (./init-containers.ts) runs, passed in so that it does not import this module. */
const KUBELET_STEPS: KubeletSteps = { advance, beginPull, programInputs };

export const kubelet: Controller = {
  name: 'kubelet',
  watches: {
    pods: (obj, old) => {
      if (!obj?.spec?.nodeName) return undefined;
      const bound = !old?.spec?.nodeName;
      const deleting = obj.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp;
      return bound || deleting ? `${obj.metadata.namespace}/${obj.metadata.name}` : undefined;
    },
    services: wakePodsWaitingOnInit,
  },
  reconcile: reconcilePod,
};
