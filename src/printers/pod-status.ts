/**
 * The STATUS, READY and RESTARTS cells of `kubectl get pods`, derived as the
 * server-side printer derives them (pkg/printers/internalversion printPod).
 */
import type { KObject } from '../api/types.js';
import { humanDuration } from './duration.js';

export interface PodCells {
  ready: string;
  status: string;
  restarts: string;
}

export function podCells(pod: KObject, now: number, version: number): PodCells {
  const status = pod.status ?? {};
  let reason: string = status.reason || status.phase || 'Pending';
  const containers: any[] = pod.spec?.containers ?? [];
  const statuses: any[] = status.containerStatuses ?? [];
  let restarts = 0;
  let readyCount = 0;
  let lastRestart = 0;
  let initializing = false;
  const initSpecs: any[] = pod.spec?.initContainers ?? [];
  const initStatuses: any[] = status.initContainerStatuses ?? [];
  let total = containers.length;
  let sidecars: Set<string> | undefined;
  for (const c of initSpecs) {
    if (c.restartPolicy !== 'Always') continue;
    total++;
    (sidecars ??= new Set()).add(c.name);
  }
  let sidecarRestarts = 0;
  let lastSidecarRestart = 0;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const lt = c.lastState?.terminated?.finishedAt;
    if (lt) lastRestart = Math.max(lastRestart, Date.parse(lt));
    const sidecar = sidecars !== undefined && sidecars.has(c.name);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      if (lt) lastSidecarRestart = Math.max(lastSidecarRestart, Date.parse(lt));
    }
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) readyCount++;
      continue;
    }
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }
  if (!initializing || isInitialized(status)) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const lt = c.lastState?.terminated?.finishedAt;
      if (lt) lastRestart = Math.max(lastRestart, Date.parse(lt));
      const w = c.state?.waiting;
      const t = c.state?.terminated;
      if (w?.reason) reason = w.reason;
      else if (t?.reason) reason = t.reason;
      else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const readyCond = (status.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
      reason = readyCond ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }
  let restartText = String(restarts);
  if (restarts > 0 && lastRestart > 0 && version >= 124) restartText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return { ready: `${readyCount}/${total}`, status: reason, restarts: restartText };
}

/** Reports whether the pod's first Initialized condition is True (the printer's isPodInitializedConditionTrue). */
function isInitialized(status: any): boolean {
  for (const c of status.conditions ?? []) if (c.type === 'Initialized') return c.status === 'True';
  return false;
}
