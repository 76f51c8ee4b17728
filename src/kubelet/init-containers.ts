/**
 * Init containers on the kubelet, in the order that computePodActions and
 * computeInitContainerActions (pkg/kubelet/kuberuntime) give them. The first
 * pod sync starts the first init container. Each later one starts at the pod
 * sync after the one before it has completed (exit code 0) or, for a sidecar
 * (an init container with restartPolicy Always), has started. The app
 * containers start at the sync after the last init container. A failed init
 * container restarts with back-off, unless the pod's restartPolicy is Never,
 * which fails the pod.
 *
 * The kubelet calls this module only after hasInitContainers, so syncs of
 * pods without init containers run as before.
 */
import type { KObject } from '../api/types.js';
import type { ControllerContext } from '../engine/controller.js';
import type { Store } from '../store/store.js';
import type { NodeView } from './node-read.js';
import type { ContainerRecord, PodRecord } from './state.js';
import { RELIST_MS, endContainerRun } from './restart.js';
import { planContainer, type ContainerSpecLite, type ProgramContext } from '../images/program.js';
import { hasHooks, stopWithPreStop } from './lifecycle-hooks.js';

type Emit = (type: 'Normal' | 'Warning', reason: string, message: string, container?: string) => void;

/**
 * The kubelet's own container steps, passed in so that this module does not
 * import kubelet.ts. `advance` runs at most `steps` of a container's due
 * stages, `beginPull` runs the image step of a start at `now`, and
 * `programInputs` builds what a program plan reads.
 */
export interface KubeletSteps {
  advance(ctx: ControllerContext, pod: KObject, node: NodeView, spec: any, record: PodRecord, emit: Emit, steps?: number): void;
  beginPull(ctx: ControllerContext, pod: KObject, node: NodeView, spec: any, rec: ContainerRecord, emit: Emit, now?: number): void;
  programInputs(pod: KObject, spec: any, at: number, store?: Store): { container: ContainerSpecLite; context: ProgramContext };
}

/** Reports whether the pod has init containers. Every kubelet sync calls it, so on other pods it reads one property. */
export function hasInitContainers(pod: KObject): boolean {
  const inits = pod.spec?.initContainers;
  return inits !== undefined && inits.length > 0;
}

/** Reports whether `name` is one of the pod's init containers (event field paths name them `spec.initContainers{name}`). */
export function isInitContainerName(pod: KObject, name: string): boolean {
  const inits: any[] | undefined = pod.spec?.initContainers;
  if (inits === undefined) return false;
  for (const c of inits) if (c.name === name) return true;
  return false;
}

/** Reports whether an init container is a sidecar: restartPolicy Always keeps it running beside the app containers. */
export function isSidecar(spec: any): boolean {
  return spec?.restartPolicy === 'Always';
}

/** Returns the record of a container the kubelet has not started. It has no `until`, so it waits until a sync runs its image step. */
function notStarted(): ContainerRecord {
  return { stage: 'pull', restarts: 0, pullFailures: 0, waitingReason: 'ContainerCreating' };
}

/**
 * Runs the pod's first sync for a pod with init containers: the app
 * containers get records that wait, and the first init container's image
 * step begins.
 */
export function startInitialization(ctx: ControllerContext, pod: KObject, node: NodeView, record: PodRecord, emit: Emit, steps: KubeletSteps): void {
  for (const spec of pod.spec.containers ?? []) record.containers[spec.name] = notStarted();
  const first = pod.spec.initContainers[0];
  const rec = notStarted();
  record.containers[first.name] = rec;
  steps.beginPull(ctx, pod, node, first, rec, emit);
}

/**
 * Returns the restart policy that an init container's exit follows. A
 * sidecar restarts until the pod's app containers are done. A regular init
 * container is done after exit code 0, and restarts after a failure unless
 * the pod's restartPolicy is Never.
 */
function exitPolicy(pod: KObject, spec: any, record: PodRecord): string {
  if (isSidecar(spec)) return record.stoppingSidecars ? 'Never' : 'Always';
  return pod.spec.restartPolicy === 'Never' ? 'Never' : 'OnFailure';
}

/**
 * Reports whether every app container ran and ended for good, so the pod's
 * sidecars must stop. A container stuck before its first run (an image it
 * may never pull) has not ended.
 */
function appContainersDone(pod: KObject, record: PodRecord): boolean {
  for (const spec of pod.spec.containers ?? []) {
    const rec = record.containers[spec.name];
    if (rec?.stage !== 'done' || rec.last === undefined) return false;
  }
  return true;
}

/** Exit code of a process the runtime kills with SIGKILL after the grace period. */
const KILLED_EXIT_CODE = 137;

/**
 * Stops the pod's running sidecars, as the kubelet does once the app
 * containers are done: each gets SIGTERM and ends when its program handles
 * it, or at SIGKILL after the grace period. Sidecars waiting to restart stay
 * down.
 * Simplified: Kubernetes stops the sidecars in the reverse order of their
 * start; kubesim stops them all at once.
 */
function stopSidecars(ctx: ControllerContext, pod: KObject, record: PodRecord, emit: Emit, now = ctx.now()): void {
  record.stoppingSidecars = true;
  const grace = (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  for (const spec of pod.spec.initContainers as any[]) {
    const rec = record.containers[spec.name];
    if (rec === undefined || !isSidecar(spec)) continue;
    if (rec.stage !== 'run') {
      if (rec.stage !== 'done') {
        rec.stage = 'done';
        rec.until = undefined;
      }
      continue;
    }
    emit('Normal', 'Killing', `Stopping container ${spec.name}`, spec.name);
    const stopMs = hasHooks(spec)
      ? stopWithPreStop(ctx.store, pod, spec, rec, now, grace, ctx.settings.version, emit)
      : rec.ignoresSigterm ? grace : Math.min(grace, rec.terminationMs ?? 0);
    const stopAt = now + stopMs;
    if (rec.exitAt !== undefined && rec.exitAt <= stopAt) continue;
    rec.exitAt = stopAt;
    rec.exitCode = rec.ignoresSigterm ? KILLED_EXIT_CODE : 0;
    rec.until = stopAt;
    ctx.store.truncateLogs(pod.metadata.uid!, spec.name, rec.restarts, stopAt);
  }
}

/** Moves an init container through its due stages. Its exit follows exitPolicy instead of the pod's restartPolicy. */
function advanceInitContainer(ctx: ControllerContext, pod: KObject, node: NodeView, spec: any, record: PodRecord, emit: Emit, steps: KubeletSteps): void {
  for (let guard = 0; guard < 50; guard++) {
    const rec = record.containers[spec.name];
    if (rec.until === undefined || rec.until > ctx.now()) return;
    if (rec.stage === 'run') endContainerRun(pod, rec, exitPolicy(pod, spec, record));
    else steps.advance(ctx, pod, node, spec, record, emit, 1);
  }
}

/**
 * Returns the time (ms) from which the init container lets the next
 * container start, or undefined while it does not. A regular init container
 * does once it has completed, a sidecar while it runs (from the start of its
 * current run).
 */
function initializedAt(spec: any, rec: ContainerRecord): number | undefined {
  if (isSidecar(spec)) return rec.stage === 'run' ? rec.startedAt : undefined;
  return rec.stage === 'done' && rec.last?.exitCode === 0 ? rec.last.finishedAt : undefined;
}

/** Reports whether a regular init container failed for good: it ended with a non-zero code and the pod never restarts it. */
export function initContainerFailed(pod: KObject, spec: any, rec: ContainerRecord | undefined): boolean {
  return rec !== undefined && !isSidecar(spec) && rec.stage === 'done' && rec.last !== undefined && rec.last.exitCode !== 0 && pod.spec.restartPolicy === 'Never';
}

/**
 * Runs a pod sync's init container actions up to now. Init containers are
 * started one at a time, each at the sync after the one before it let it
 * (the relist that follows its exit or its start). Once the last one has,
 * the app containers' image steps begin at the next sync and the pod is
 * initialized. From then on only sidecars are kept running. A failure
 * under restartPolicy Never stops the pod: its app containers never start.
 */
export function syncInitContainers(ctx: ControllerContext, pod: KObject, node: NodeView, record: PodRecord, emit: Emit, key: string, steps: KubeletSteps): void {
  const inits: any[] = pod.spec.initContainers;
  if (record.initialized) {
    for (const spec of inits) if (isSidecar(spec) && record.containers[spec.name]) advanceInitContainer(ctx, pod, node, spec, record, emit, steps);
    return;
  }
  let previousAt = 0;
  for (let i = 0; i < inits.length; i++) {
    const spec = inits[i];
    if (record.containers[spec.name] === undefined) {
      const at = previousAt + RELIST_MS;
      if (at > ctx.now()) {
        ctx.wakeAt(at, key);
        return;
      }
      const rec = notStarted();
      record.containers[spec.name] = rec;
      steps.beginPull(ctx, pod, node, spec, rec, emit, at);
    }
    advanceInitContainer(ctx, pod, node, spec, record, emit, steps);
    const rec = record.containers[spec.name];
    if (!isSidecar(spec)) replanRunningInitContainer(ctx, pod, spec, rec, steps);
    // Once the next container has started, this one no longer blocks it, even if a sidecar restarts meanwhile.
    const next = inits[i + 1];
    if (next !== undefined && record.containers[next.name] !== undefined) continue;
    const at = initializedAt(spec, rec);
    if (at === undefined) {
      if (initContainerFailed(pod, spec, rec)) stopFailedPod(ctx, pod, record, emit);
      return;
    }
    previousAt = at;
  }
  const at = previousAt + RELIST_MS;
  if (at > ctx.now()) {
    ctx.wakeAt(at, key);
    return;
  }
  record.initialized = true;
  for (const spec of pod.spec.containers ?? []) {
    const rec = (record.containers[spec.name] ??= notStarted());
    steps.beginPull(ctx, pod, node, spec, rec, emit, at);
  }
}

/**
 * Stops a pod whose init container failed under restartPolicy Never, as the
 * kubelet's KillPod does: the app containers, never started, are done, and
 * running sidecars are stopped.
 * Simplified: the pod has failed, so kubesim syncs it no more, and its
 * sidecars end at once instead of after their grace period.
 */
function stopFailedPod(ctx: ControllerContext, pod: KObject, record: PodRecord, emit: Emit): void {
  for (const spec of pod.spec.containers ?? []) {
    const rec = record.containers[spec.name];
    if (rec === undefined) continue;
    rec.stage = 'done';
    rec.until = undefined;
  }
  stopSidecars(ctx, pod, record, emit);
  const now = ctx.now();
  for (const spec of pod.spec.initContainers as any[]) {
    const rec = record.containers[spec.name];
    if (rec === undefined || rec.stage !== 'run' || !isSidecar(spec)) continue;
    rec.exitAt = now;
    ctx.store.truncateLogs(pod.metadata.uid!, spec.name, rec.restarts, now);
    endContainerRun(pod, rec, 'Never');
  }
}

/**
 * Begins the stop of the sidecars at the pod sync after the relist that
 * finds every app container ended for good. The kubelet runs it after the
 * app containers' own steps of each sync, and the next syncs end the
 * sidecars (see exitPolicy).
 */
export function stopSidecarsAfterAppContainers(ctx: ControllerContext, pod: KObject, record: PodRecord, emit: Emit, key: string): void {
  if (!record.initialized || record.stoppingSidecars || !appContainersDone(pod, record)) return;
  let sidecars = false;
  for (const spec of pod.spec.initContainers as any[]) if (isSidecar(spec)) sidecars = true;
  if (!sidecars) return;
  let endedAt = 0;
  for (const spec of pod.spec.containers ?? []) endedAt = Math.max(endedAt, record.containers[spec.name].last!.finishedAt);
  const at = endedAt + RELIST_MS;
  if (at > ctx.now()) {
    ctx.wakeAt(at, key);
    return;
  }
  stopSidecars(ctx, pod, record, emit, at);
}

/**
 * Plans a running init container's program again from its start, over the
 * network as it is now, and keeps what the new plan does from now on: its
 * later output and its exit. A Service created since the start resolves only
 * in the lookups after its creation (see buildDnsView), so a loop such as
 * `until nslookup myservice; do sleep 2; done` ends at its first lookup
 * after the Service exists. The kubelet syncs such pods when a Service of
 * their namespace is created or deleted (wakePodsWaitingOnInit).
 * Simplified: only nslookup sees the network change; `wget` and `curl` keep
 * the answers of the container's start.
 */
function replanRunningInitContainer(ctx: ControllerContext, pod: KObject, spec: any, rec: ContainerRecord, steps: KubeletSteps): void {
  const now = ctx.now();
  if (rec.stage !== 'run' || rec.startedAt === undefined || rec.startedAt >= now) return;
  const startedAt = rec.startedAt;
  const { container, context } = steps.programInputs(pod, spec, startedAt, ctx.store);
  const plan = planContainer(container, context);
  const exitAt = plan.exit ? Math.max(now, startedAt + plan.exit.atMs) : undefined;
  if (exitAt === rec.exitAt && plan.exit?.code === rec.exitCode) return;
  const uid = pod.metadata.uid!;
  ctx.store.truncateLogs(uid, spec.name, rec.restarts, now);
  const later: { ts: number; stream: 'stdout' | 'stderr'; line: string }[] = [];
  for (const o of plan.output) {
    const ts = startedAt + o.atMs;
    if (ts > now) later.push({ ts, stream: o.stream, line: o.line });
  }
  ctx.store.appendLogs(uid, spec.name, rec.restarts, later);
  rec.exitAt = exitAt;
  rec.exitCode = plan.exit?.code;
  rec.until = exitAt;
}

/**
 * Maps a Service's creation or deletion to the pods of its namespace that
 * run an init container, so that the kubelet plans those again (see
 * replanRunningInitContainer). Other Service writes wake nothing.
 */
export function wakePodsWaitingOnInit(obj: KObject | undefined, old: KObject | undefined, store?: Store): string[] | undefined {
  if (!store || (obj && old)) return undefined;
  const svc = obj ?? old;
  const ns = svc?.metadata.namespace;
  if (!ns) return undefined;
  let keys: string[] | undefined;
  for (const pod of store.list('pods', ns, { shared: true })) {
    if (!hasInitContainers(pod) || pod.status?.phase !== 'Pending' || !pod.spec.nodeName) continue;
    const running = (pod.status.initContainerStatuses ?? []).some((s: any) => s.state?.running !== undefined);
    if (running) (keys ??= []).push(`${ns}/${pod.metadata.name}`);
  }
  return keys;
}
