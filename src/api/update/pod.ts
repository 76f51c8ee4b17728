/**
 * The Pod fields an update may change, as the API server's ValidatePodUpdate
 * decides (kubernetes pkg/apis/core/validation/validation.go): container
 * images, a lower activeDeadlineSeconds, added tolerations, removed
 * scheduling gates, and terminationGracePeriodSeconds from a negative value
 * to 1. Anything else in spec is rejected with one Forbidden cause on `spec`.
 */
import type { KObject } from '../types.js';
import type { FieldCause } from '../errors.js';
import { semanticEqual } from './semantic-equal.js';

/**
 * The detail of the Forbidden cause on `spec`, with Kubernetes 1.32's list
 * of updatable fields (without the in-place resize entry, whose feature gate
 * is off by default before 1.33).
 */
export const POD_UPDATE_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/**
 * The same detail as servers before 1.27 word it, seen in reports from 1.12
 * to 1.21 clusters.
 */
// NOTE: 1.22 to 1.26 get this wording too, unverified; late patch releases
// of those minors may already list terminationGracePeriodSeconds.
export const LEGACY_POD_UPDATE_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds` or `spec.tolerations` (only additions to existing tolerations)';

const MAX_INT32 = 2147483647;

function withoutSeconds(toleration: any): any {
  const { tolerationSeconds: _seconds, ...rest } = toleration ?? {};
  return rest;
}

/** Checks that each stored toleration is still there, with only its tolerationSeconds changed. */
function checkTolerations(tolerations: any[] = [], oldTolerations: any[] = []): FieldCause[] {
  for (const old of oldTolerations) {
    const want = withoutSeconds(old);
    if (!tolerations.some((t) => semanticEqual(withoutSeconds(t), want))) {
      return [{ field: 'spec.tolerations', type: 'Forbidden', detail: 'existing toleration can not be modified except its tolerationSeconds' }];
    }
  }
  return [];
}

/**
 * Checks activeDeadlineSeconds: it may be set where it was unset, or
 * lowered. Returns the causes and whether validation stops there, as it does
 * for an out-of-range or raised value.
 */
function checkActiveDeadline(value: unknown, old: unknown): { causes: FieldCause[]; stop: boolean } {
  const field = 'spec.activeDeadlineSeconds';
  if (typeof value === 'number') {
    if (value < 0 || value > MAX_INT32) {
      return { causes: [{ field, type: 'Invalid value', value, hasValue: true, detail: `must be between 0 and ${MAX_INT32}, inclusive` }], stop: true };
    }
    if (typeof old === 'number' && old < value) {
      return { causes: [{ field, type: 'Invalid value', value, hasValue: true, detail: 'must be less than or equal to previous value' }], stop: true };
    }
    return { causes: [], stop: false };
  }
  if (typeof old === 'number') {
    return { causes: [{ field, type: 'Invalid value', value: null, hasValue: true, detail: 'must not update from a positive integer to nil value' }], stop: false };
  }
  return { causes: [], stop: false };
}

/** Reports whether the new scheduling gates only drop some of the stored ones. */
function onlyRemovesGates(gates: any[] = [], oldGates: any[] = []): boolean {
  return gates.every((g) => oldGates.some((o) => o?.name === g?.name));
}

/** Copies the stored values of the fields an update may change into a copy of the new spec. */
function mungeUpdatable(spec: any, oldSpec: any, binding: boolean): any {
  const munged = { ...spec };
  if (binding && !oldSpec.nodeName) munged.nodeName = oldSpec.nodeName;
  const images = (list: any[] | undefined, oldList: any[] | undefined) => list?.map((c, i) => ({ ...c, image: oldList?.[i]?.image }));
  munged.containers = images(spec.containers, oldSpec.containers);
  munged.initContainers = images(spec.initContainers, oldSpec.initContainers);
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.tolerations = oldSpec.tolerations;
  if (onlyRemovesGates(spec.schedulingGates, oldSpec.schedulingGates)) munged.schedulingGates = oldSpec.schedulingGates;
  if (oldSpec.terminationGracePeriodSeconds < 0 && spec.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  return munged;
}

/**
 * Returns the causes for spec changes a Pod update may not make. Costs
 * nothing when the update keeps the stored spec object. A binding (the
 * scheduler's write through what Kubernetes calls pods/binding) may also
 * set spec.nodeName on a pod that has none.
 */
// Simplified: the API server follows the message with a diff of the old and
// new spec, which go-cmp renders from Go structs, and kubesim prints the
// message only. An added scheduling gate gets the general message here, but
// Kubernetes names the gate. A gated pod's nodeSelector and node affinity
// are as immutable here as an ungated pod's, but Kubernetes allows additions.
export function validatePodUpdate(obj: KObject, old: KObject, clusterVersion: number, binding = false): FieldCause[] {
  if (obj.spec === old.spec) return [];
  const spec = obj.spec ?? {};
  const oldSpec = old.spec ?? {};

  for (const key of ['containers', 'initContainers']) {
    if ((spec[key]?.length ?? 0) !== (oldSpec[key]?.length ?? 0)) {
      return [{ field: `spec.${key}`, type: 'Forbidden', detail: 'pod updates may not add or remove containers' }];
    }
  }

  const deadline = checkActiveDeadline(spec.activeDeadlineSeconds, oldSpec.activeDeadlineSeconds);
  if (deadline.stop) return deadline.causes;
  const causes = [...deadline.causes, ...checkTolerations(spec.tolerations, oldSpec.tolerations)];

  if (!semanticEqual(mungeUpdatable(spec, oldSpec, binding), oldSpec)) {
    causes.push({ field: 'spec', type: 'Forbidden', detail: clusterVersion >= 127 ? POD_UPDATE_MESSAGE : LEGACY_POD_UPDATE_MESSAGE });
  }
  return causes;
}
