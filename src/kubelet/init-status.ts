/**
 * The init container part of a pod's status, as the kubelet's
 * generateAPIPodStatus reports it. It covers status.initContainerStatuses,
 * the PodInitializing waiting reason and the Initialized condition. It also
 * sets the phase of a pod whose init container failed for good, and lists
 * the sidecars that count toward the pod's readiness.
 */
import type { KObject } from '../api/types.js';
import type { ContainerRecord, PodRecord } from './state.js';
import { initContainerFailed, isSidecar } from './init-containers.js';

/** Waiting reason of a container that has not run yet in a pod with init containers, the kubelet's default there. */
export const POD_INITIALIZING = 'PodInitializing';

/** Initialized condition reason while an init container has not completed, or a sidecar has not started. */
export const CONTAINERS_NOT_INITIALIZED = 'ContainersNotInitialized';

/** Initialized condition reason once the pod has succeeded. */
const POD_COMPLETED = 'PodCompleted';

/** A builder of one container status from the kubelet's record (status.ts's containerStatus). */
export type ContainerStatusBuilder = (spec: any, rec: ContainerRecord, now: number, version: number) => any;

/** The facts about the init containers that the rest of the pod's status uses. */
export interface InitStatusSummary {
  /** True when a regular init container failed under restartPolicy Never: the pod's phase is Failed. */
  failed: boolean;
  /** Whether the Initialized condition is True, and its reason and message. */
  initialized: boolean;
  reason?: string;
  message?: string;
  /** Sidecars that are not ready, which the Ready and ContainersReady conditions list before the app containers. */
  unreadySidecars?: string[];
}

/** A record for an init container the kubelet has not started yet. */
const NOT_STARTED: ContainerRecord = { stage: 'pull', restarts: 0, pullFailures: 0, waitingReason: 'ContainerCreating' };

/** Sets the kubelet's default waiting reason for a pod with init containers: PodInitializing in place of ContainerCreating. */
function showPodInitializing(s: any): void {
  const waiting = s.state.waiting;
  if (waiting !== undefined && waiting.reason === 'ContainerCreating') waiting.reason = POD_INITIALIZING;
}

/** Reports whether the container's status shows it running or ended (HasAnyRegularContainerStarted). */
function hasStarted(s: any): boolean {
  return s.state.running !== undefined || s.state.terminated !== undefined;
}

/**
 * Fills status.initContainerStatuses and rewrites the app containers'
 * ContainerCreating to PodInitializing, for a pod with init containers.
 * `status.phase` is the phase that the app containers give. A regular init
 * container is ready once it has completed, a sidecar as an app container is.
 */
export function buildInitContainerStatuses(pod: KObject, record: PodRecord, status: any, now: number, version: number, build: ContainerStatusBuilder): InitStatusSummary {
  const inits: any[] = pod.spec.initContainers;
  const statuses = new Array(inits.length);
  const incomplete: string[] = [];
  let failed = false;
  let unreadySidecars: string[] | undefined;
  let sidecarRunning = false;
  for (let i = 0; i < inits.length; i++) {
    const spec = inits[i];
    const rec = record.containers[spec.name];
    const s = build(spec, rec ?? NOT_STARTED, now, version);
    const terminated = s.state.terminated;
    if (isSidecar(spec)) {
      if (s.state.running !== undefined) sidecarRunning = true;
      if (!s.started) incomplete.push(spec.name);
      if (!s.ready) (unreadySidecars ??= []).push(spec.name);
    } else {
      s.ready = terminated !== undefined && terminated.exitCode === 0;
      if (!s.ready) incomplete.push(spec.name);
      if (initContainerFailed(pod, spec, rec)) failed = true;
    }
    showPodInitializing(s);
    statuses[i] = s;
  }
  status.initContainerStatuses = statuses;
  let appStarted = false;
  for (const s of status.containerStatuses as any[]) {
    showPodInitializing(s);
    if (hasStarted(s)) appStarted = true;
  }
  // A running sidecar keeps the pod Running after its app containers ended, until the kubelet has stopped it (getPhase).
  if (sidecarRunning && (status.phase === 'Succeeded' || status.phase === 'Failed')) status.phase = 'Running';
  const summary: InitStatusSummary = { failed, initialized: true };
  if (unreadySidecars) summary.unreadySidecars = unreadySidecars;
  if (status.phase === 'Succeeded') summary.reason = POD_COMPLETED;
  else if (!appStarted && incomplete.length > 0) {
    summary.initialized = false;
    summary.reason = CONTAINERS_NOT_INITIALIZED;
    summary.message = `containers with incomplete status: [${incomplete.join(' ')}]`;
  }
  return summary;
}
