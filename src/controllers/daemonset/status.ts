/**
 * DaemonSet status counts, computed from the nodes it should run on and the
 * pods it has there.
 */
import type { KObject } from '../../api/types.js';
import { isPodAvailable, isPodReady } from '../podutil/pod-state.js';

export interface NodeState {
  shouldRun: boolean;
  /** Active daemon pods on the node. */
  pods: KObject[];
}

/** Computes the status fields `get ds` and `rollout status` read. */
export function calculateStatus(ds: KObject, nodes: NodeState[], hash: string, now: number): any {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  for (const n of nodes) {
    if (!n.shouldRun) {
      if (n.pods.length > 0) misscheduled++;
      continue;
    }
    desired++;
    if (n.pods.length === 0) continue;
    current++;
    const newest = n.pods.find((p) => p.metadata.labels?.['controller-revision-hash'] === hash) ?? n.pods[0];
    if (newest.metadata.labels?.['controller-revision-hash'] === hash) updated++;
    if (n.pods.some(isPodReady)) ready++;
    if (n.pods.some((p) => isPodAvailable(p, minReady, now))) available++;
  }
  const status: any = {
    currentNumberScheduled: current,
    desiredNumberScheduled: desired,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: updated,
  };
  if (available > 0) status.numberAvailable = available;
  if (desired - available > 0) status.numberUnavailable = desired - available;
  if (ds.status?.collisionCount) status.collisionCount = ds.status.collisionCount;
  return status;
}
