/**
 * ReplicaSet and ReplicationController status as the controller reports
 * it: counts over the active pods it owns, computed by a pure function and
 * written only when it differs.
 */
import type { KObject } from '../../api/types.js';
import { isoTime } from '../../store/store.js';
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

/** Condition type of a ReplicaSet whose last sync failed to create pods (ReplicaSetReplicaFailure). */
export const REPLICA_FAILURE = 'ReplicaFailure';

/**
 * Sets or clears the ReplicaFailure condition of a stored status, as
 * calculateStatus in pkg/controller/replicaset does. A sync whose create
 * was rejected adds the condition with reason FailedCreate and the API's
 * message, unless the status already has one. A sync without a rejection
 * removes it. Returns `stored`, changed in place.
 */
export function updateReplicaFailure(stored: any, failure: string | undefined, now: number): any {
  const conditions: any[] = stored.conditions ?? [];
  const current = conditions.find((c) => c?.type === REPLICA_FAILURE);
  if (failure !== undefined && !current) {
    const condition = { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: isoTime(now), reason: 'FailedCreate', message: failure };
    stored.conditions = [...conditions, condition];
  } else if (failure === undefined && current) {
    const rest = conditions.filter((c) => c !== current);
    if (rest.length > 0) stored.conditions = rest;
    else delete stored.conditions;
  }
  return stored;
}
