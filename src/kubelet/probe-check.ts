/**
 * Runs one container probe at one instant, as the kubelet's prober does
 * (pkg/kubelet/prober/prober.go with pkg/probe/exec, http and tcp in 1.32):
 * an exec in the simulated image, an HTTP GET or a TCP connect to the pod's
 * own address. Each check also reports until when its outcome holds, so
 * the probe workers (probes.ts) can skip the periods that change nothing.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { execInImage } from '../images/exec.js';
import { serveHttp } from '../images/http.js';
import { serverListensOn, type RunPlan } from '../images/program.js';
import { standInDigest } from '../images/catalog.js';
import { isTestServer, testServerChangesAt } from '../images/agnhost.js';
import { buildExecRequest, writtenFilesAt } from './exec.js';
import type { ContainerRecord } from './state.js';

/**
 * The prober's verdict (probe.Result): `warning` counts as a success but
 * records a ProbeWarning event, and `error` means the probe could not run,
 * so the worker discards it.
 */
export type ProbeVerdict = 'success' | 'failure' | 'warning' | 'error';

export interface ProbeOutcome {
  verdict: ProbeVerdict;
  /** The prober's output, which failure and warning events quote, or the error for `error`. */
  output: string;
  /** Time (ms) from which a check may give a different outcome; Infinity when only a new container changes it. */
  holdsUntil: number;
}

/** The maximum output the exec prober keeps (maxReadLength in pkg/probe/exec). */
const MAX_EXEC_OUTPUT = 10 * 1024;

/** Reports whether a running server container listens on `port` (see serverListensOn). */
function listens(spec: any, rec: ContainerRecord, port: number): boolean {
  if (rec.stage !== 'run' || !rec.serves) return false;
  return serverListensOn(rec.serves as RunPlan['serves'], rec.listens, (spec.ports ?? []).map((p: any) => p.containerPort), port);
}

/** Finds the running container of the pod that listens on `port`, with its spec. */
function findListener(pod: KObject, port: number): { spec: any; rec: ContainerRecord } | undefined {
  const record = pod._sim as { containers: Record<string, ContainerRecord> } | undefined;
  for (const spec of pod.spec.containers ?? []) {
    const rec = record?.containers[spec.name];
    if (rec && listens(spec, rec, port)) return { spec, rec };
  }
  return undefined;
}

/**
 * Resolves a probe's port as probe.ResolveContainerPort does: a number, or
 * the name of one of the container's ports. Returns undefined for a name
 * the container does not declare.
 */
function resolvePort(port: unknown, container: any): number | undefined {
  if (typeof port === 'number') return port;
  const named = (container.ports ?? []).find((p: any) => p.name === port);
  if (named) return named.containerPort;
  const numeric = Number(port);
  return Number.isInteger(numeric) && String(port) !== '' ? numeric : undefined;
}

/** Returns the time of the main process's first file change after `at`, or Infinity. */
function nextFileChange(rec: ContainerRecord, at: number): number {
  for (const [time] of rec.fileChanges ?? []) if (time > at) return time;
  return Infinity;
}

/**
 * Runs an exec probe's command in the container at `at`, with the files
 * the main process wrote by then. A non-zero exit status is a failure
 * quoting the output. A command that outlasts timeoutSeconds fails with the
 * runtime's timeout message, and one the runtime cannot start is an error.
 */
function checkExec(store: Store, pod: KObject, spec: any, rec: ContainerRecord, probe: any, at: number): ProbeOutcome {
  const command: string[] = probe.exec.command ?? [];
  const holdsUntil = nextFileChange(rec, at);
  const request = buildExecRequest(store, pod, { container: spec.name, command, tty: false }, at);
  if (!request || command.length === 0) {
    return { verdict: 'error', output: 'rpc error: code = Unknown desc = failed to exec in container: missing command', holdsUntil };
  }
  request.timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  const outcome = execInImage(request);
  if (outcome.type === 'start-failed') {
    const execID = standInDigest(`exec ${pod.metadata.uid}/${spec.name}@${at}`);
    const output = 'rpc error: code = Unknown desc = failed to exec in container: '
      + `failed to start exec "${execID}": OCI runtime exec failed: exec failed: unable to start container process: ${outcome.reason}: unknown`;
    return { verdict: 'error', output, holdsUntil };
  }
  if (!outcome.finished) return { verdict: 'failure', output: `command "${command.join(' ')}" timed out`, holdsUntil };
  const output = (outcome.stdout + outcome.stderr).slice(0, MAX_EXEC_OUTPUT);
  return { verdict: outcome.exitCode === 0 ? 'success' : 'failure', output, holdsUntil };
}

/**
 * Sends an httpGet probe's request to the pod's address at `at`. A status
 * from 200 to 399 passes (3xx with a warning, because the prober does not
 * follow redirects off the host); others fail with the status code only,
 * and a port nobody listens on fails with the dial error.
 */
function checkHttp(pod: KObject, spec: any, probe: any, podIP: string, at: number): ProbeOutcome {
  const action = probe.httpGet;
  const scheme = String(action.scheme ?? 'HTTP').toLowerCase();
  const port = resolvePort(action.port, spec);
  const path = action.path ?? '/';
  if (port === undefined) return { verdict: 'error', output: `couldn't find port: ${action.port}`, holdsUntil: Infinity };
  const host = action.host || podIP;
  const url = `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
  const listener = host === podIP ? findListener(pod, port) : undefined;
  if (!listener) {
    return { verdict: 'failure', output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`, holdsUntil: Infinity };
  }
  if (scheme === 'https') {
    return { verdict: 'failure', output: `Get "${url}": http: server gave HTTP response to HTTPS client`, holdsUntil: Infinity };
  }
  const serves = listener.rec.serves;
  const changes = isTestServer(serves) ? testServerChangesAt(serves, path, at, listener.rec.startedAt ?? 0) : Infinity;
  const holdsUntil = Math.min(nextFileChange(listener.rec, at), changes);
  const response = servePage(pod, listener.rec, podIP, path, at);
  if (response.status >= 200 && response.status < 300) return { verdict: 'success', output: response.body, holdsUntil };
  if (response.status >= 300 && response.status < 400) {
    return { verdict: 'warning', output: `Probe terminated redirects, Response body: ${response.body}`, holdsUntil };
  }
  return { verdict: 'failure', output: `HTTP probe failed with statuscode: ${response.status}`, holdsUntil };
}

/** Returns the server's response to a GET of `path` at `at`, with the pages its container's processes wrote by then. */
function servePage(pod: KObject, rec: ContainerRecord, podIP: string, path: string, at: number): { status: number; body: string } {
  const plan = { serves: rec.serves, version: rec.version } as RunPlan;
  const context = { podName: pod.metadata.name, hostname: pod.spec.hostname ?? pod.metadata.name, podIP, namespace: pod.metadata.namespace ?? 'default', nodeName: pod.spec.nodeName, startedAt: rec.startedAt ?? 0, env: {} };
  return serveHttp(plan, context, path, writtenFilesAt(rec, at), at);
}

/** Opens a TCP connection to the probe's port on the pod's address: it passes when a container listens there. */
function checkTcp(pod: KObject, spec: any, probe: any, podIP: string): ProbeOutcome {
  const port = resolvePort(probe.tcpSocket.port, spec);
  if (port === undefined) return { verdict: 'error', output: `couldn't find port: ${probe.tcpSocket.port}`, holdsUntil: Infinity };
  const host = probe.tcpSocket.host || podIP;
  if (host === podIP && findListener(pod, port)) return { verdict: 'success', output: '', holdsUntil: Infinity };
  return { verdict: 'failure', output: `dial tcp ${host}:${port}: connect: connection refused`, holdsUntil: Infinity };
}

/**
 * Runs `probe` against container `spec` of `pod` at `at` (ms). The pod is
 * the kubelet sync's own copy, whose `_sim` record is current.
 * TODO(kubelet): gRPC probes are not simulated; they always pass today.
 */
export function checkProbe(store: Store, pod: KObject, spec: any, rec: ContainerRecord, probe: any, at: number): ProbeOutcome {
  const podIP = pod.status?.podIP ?? (pod._sim as { podIP?: string } | undefined)?.podIP ?? '';
  if (probe.exec) return checkExec(store, pod, spec, rec, probe, at);
  if (probe.httpGet) return checkHttp(pod, spec, probe, podIP, at);
  if (probe.tcpSocket) return checkTcp(pod, spec, probe, podIP);
  return { verdict: 'success', output: '', holdsUntil: Infinity };
}
