/**
 * ReplicaSet and ReplicationController status as the controller reports
 * it: counts over the active pods it owns, computed by a pure function and
 * written only when it differs.
 */
import type { KObject } from '../../api/types.js';
import { availableAt, isPodReady } from './pods.js';

export interface ReplicaStatus {
  replicas: number;
  fullyLabeledReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  observedGeneration: number;
}

export interface StatusResult {
  status: ReplicaStatus;
  /** The earliest future time a ready pod becomes available (minReadySeconds), if any. */
  nextAvailableAt?: number;
}

function labelsMatch(template: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  for (const [k, v] of Object.entries(template ?? {})) if (labels?.[k] !== v) return false;
  return true;
}

/** Computes status from the owner's active pods at time `now`. */
export function calculateReplicaStatus(owner: KObject, activePods: KObject[], now: number): StatusResult {
  const minReady = owner.spec?.minReadySeconds ?? 0;
  const templateLabels = owner.spec?.template?.metadata?.labels;
  let fully = 0;
  let ready = 0;
  let available = 0;
  let next: number | undefined;
  for (const pod of activePods) {
    if (labelsMatch(templateLabels, pod.metadata.labels)) fully++;
    if (!isPodReady(pod)) continue;
    ready++;
    const at = availableAt(pod, minReady)!;
    if (minReady <= 0 || at <= now) available++;
    else next = next === undefined ? at : Math.min(next, at);
  }
  return {
    status: {
      replicas: activePods.length,
      fullyLabeledReplicas: fully,
      readyReplicas: ready,
      availableReplicas: available,
      observedGeneration: owner.metadata.generation ?? 1,
    },
    nextAvailableAt: next,
  };
}

/**
 * Returns the stored status shape. Zero counts are omitted as the API server
 * omits them (`omitempty`), except `replicas`, which is always present.
 */
export function toStoredStatus(s: ReplicaStatus, previous: any): any {
  const out: any = { ...(previous ?? {}) };
  out.replicas = s.replicas;
  for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const) {
    if (s[k] > 0) out[k] = s[k];
    else delete out[k];
  }
  out.observedGeneration = s.observedGeneration;
  return out;
}
