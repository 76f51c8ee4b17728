/**
 * ReplicaSet and ReplicationController status as the controller reports
 * it: counts over the active pods it owns, computed by a pure function and
 * written only when it differs.
 */
import type { KObject } from '../../api/types.js';
import { hasTemplateLabels, podFacts, prepareLabels } from './pod-facts.js';

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

/**
 * Computes status from the owner's active pods at time `now`. The pods must
 * be objects that do not change afterwards (see pod-facts.ts).
 */
export function calculateReplicaStatus(owner: KObject, activePods: KObject[], now: number): StatusResult {
  const minReady = owner.spec?.minReadySeconds ?? 0;
  const minReadyMs = minReady > 0 ? minReady * 1000 : 0;
  const template = prepareLabels(owner.spec?.template?.metadata?.labels);
  let fully = 0;
  let ready = 0;
  let available = 0;
  let next: number | undefined;
  for (const pod of activePods) {
    const facts = podFacts(pod);
    if (hasTemplateLabels(pod, facts, template)) fully++;
    if (!facts.ready) continue;
    ready++;
    const at = facts.readySince + minReadyMs;
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
