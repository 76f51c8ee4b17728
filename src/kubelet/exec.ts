/**
 * The kubelet's side of `kubectl exec`: finds the running container and
 * starts the command in it with the container's environment. Reads the
 * store only; an exec changes no object.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { execInImage, type ExecOutcome, type ExecRequest } from '../images/exec.js';
import { makeEnvironment, storeEnvSources } from './env.js';
import { buildServiceEnv } from './service-env.js';
import { buildMountedFiles, storeVolumeSources } from './volume-files.js';
import { containerArgv } from '../images/program.js';
import type { ContainerRecord, PodRecord } from './state.js';

/** The exec options the API server passes to the kubelet (PodExecOptions). */
export interface ContainerExecRequest {
  container: string;
  command: string[];
  /** stdin text when `-i` was given. */
  stdin?: string;
  tty: boolean;
}

/** The outcome of an exec: the runtime's result, or no running container by that name. */
export type ContainerExecOutcome = ExecOutcome | { type: 'container-not-found' };

/** Finds the spec of a regular, init or ephemeral container by name. */
function findContainerSpec(pod: KObject, name: string): any {
  const lists = [pod.spec?.containers, pod.spec?.initContainers, pod.spec?.ephemeralContainers];
  for (const list of lists) {
    const found = (list ?? []).find((c: any) => c.name === name);
    if (found) return found;
  }
  return undefined;
}

/** Returns the start time of the container's current run, or undefined when it is not running. */
function runningSince(pod: KObject, name: string): number | undefined {
  const rec = (pod._sim as PodRecord | undefined)?.containers?.[name];
  if (!rec || rec.stage !== 'run' || rec.startedAt === undefined || rec.startError) return undefined;
  return rec.startedAt;
}

/**
 * Returns the files the container's main process wrote (null when it removed
 * them) by `at`, latest content per path, for a container whose record keeps
 * them (one with an exec probe).
 */
export function writtenFilesAt(rec: ContainerRecord, at: number): Map<string, string | null> | undefined {
  if (!rec.fileChanges || rec.fileChanges.length === 0) return undefined;
  const written = new Map<string, string | null>();
  for (const [time, path, content] of rec.fileChanges) {
    if (time > at) break;
    written.set(path, content);
  }
  return written;
}

/**
 * Builds the process request for `request.command` in a container of `pod`
 * at simulated time `now`, or returns undefined when the container is not
 * running (the kubelet looks exec targets up among running containers only).
 * The process gets the container's environment, including the Service
 * variables fixed when the container started.
 */
export function buildExecRequest(store: Store, pod: KObject, request: ContainerExecRequest, now: number): ExecRequest | undefined {
  const spec = findContainerSpec(pod, request.container);
  const startedAt = runningSince(pod, request.container);
  if (!spec || startedAt === undefined) return undefined;

  const namespace = pod.metadata.namespace ?? 'default';
  const services = store.list('services');
  // A container's own variable (env or envFrom) wins over a Service variable of the same name, and a later duplicate over an earlier one.
  // TODO(kubelet): the variables are read from the store at the exec, so a ConfigMap or Secret changed since the start shows its new value.
  const env = new Map<string, string>();
  for (const e of makeEnvironment(pod, spec, storeEnvSources(store, pod)).env) env.set(e.name, e.value);
  for (const e of buildServiceEnv(services, namespace, pod.spec?.enableServiceLinks !== false, startedAt)) {
    if (!env.has(e.name)) env.set(e.name, e.value);
  }
  return {
    image: spec.image,
    argv: request.command,
    env: [...env].map(([name, value]) => ({ name, value })),
    hostname: pod.spec?.hostname ?? pod.metadata.name,
    podIP: pod.status?.podIP ?? '',
    namespace,
    now,
    stdin: request.stdin,
    tty: request.tty,
    mounts: buildMountedFiles(pod, spec, storeVolumeSources(store, pod), startedAt),
    main: { argv: containerArgv({ name: spec.name, image: spec.image, command: spec.command, args: spec.args }), startedAt },
    written: writtenFilesAt((pod._sim as PodRecord).containers[request.container], now),
  };
}

/** Runs `request.command` in a container of `pod` at simulated time `now`, as the runtime's exec does. */
export function execInContainer(store: Store, pod: KObject, request: ContainerExecRequest, now: number): ContainerExecOutcome {
  const execRequest = buildExecRequest(store, pod, request, now);
  if (!execRequest) return { type: 'container-not-found' };
  return execInImage(execRequest);
}
