/**
 * Update rules of core objects other than Pods, from the API server's core
 * validation (kubernetes pkg/apis/core/validation/validation.go): a
 * Service's cluster IP, a PersistentVolumeClaim's spec, and the data of a
 * ConfigMap or Secret marked `immutable: true`.
 */
import { invalidList } from '../go-syntax.js';
import type { KObject } from '../types.js';
import type { FieldCause } from '../errors.js';
import { parseQuantity } from '../quantity.js';
import { semanticEqual } from './semantic-equal.js';
import { FIELD_IMMUTABLE, immutableField } from './workloads.js';

/**
 * Returns the cluster IPs an update requests, after the fill-in the Service REST
 * storage does before validation: an omitted clusterIP keeps the allocated
 * one, and a clusterIP changed without clusterIPs replaces the list.
 */
function requestedClusterIPs(spec: any, oldSpec: any): string[] {
  const oldIPs: string[] = oldSpec.clusterIPs ?? (oldSpec.clusterIP ? [oldSpec.clusterIP] : []);
  const ip: string = spec.clusterIP || oldSpec.clusterIP || '';
  const ips: string[] = spec.clusterIPs?.length ? spec.clusterIPs : oldIPs;
  if (ip !== (oldSpec.clusterIP ?? '') && semanticEqual(ips, oldIPs)) return ip ? [ip] : [];
  return ips;
}

function isHeadless(ips: string[]): boolean {
  return ips.length === 1 && ips[0] === 'None';
}

/**
 * Rejects a Service update that moves its cluster IP, as
 * validateUpgradeDowngradeClusterIPs does for a single-stack Service.
 */
// Simplified: kubesim has single-stack IPv4 Services only, so the dual-stack
// upgrade and downgrade rules (ipFamilies, a second cluster IP) do not apply.
export function validateServiceUpdate(obj: KObject, old: KObject, clusterVersion: number): FieldCause[] {
  const spec = obj.spec ?? {};
  const oldSpec = old.spec ?? {};
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName') return [];
  const oldIPs: string[] = oldSpec.clusterIPs ?? (oldSpec.clusterIP ? [oldSpec.clusterIP] : []);
  const ips = requestedClusterIPs(spec, oldSpec);
  if (isHeadless(ips) && isHeadless(oldIPs)) return [];

  const field = 'spec.clusterIPs[0]';
  // An unset list is Go's nil slice.
  const listValue = ips.length > 0 ? ips : undefined;
  if (ips.length === oldIPs.length) {
    return oldIPs.flatMap((ip, i): FieldCause[] => (ip === ips[i] ? [] : [invalidList(`spec.clusterIPs[${i}]`, listValue, 'may not change once set', clusterVersion)]));
  }
  if (ips.length === 0) return [invalidList(field, listValue, 'primary clusterIP can not be unset', clusterVersion)];
  if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) return [invalidList(field, listValue, 'may not change once set', clusterVersion)];
  return [];
}

/** The detail of ValidatePersistentVolumeClaimUpdate's Forbidden cause on `spec`. */
export const PVC_UPDATE_MESSAGE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

const BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';

/**
 * Rejects a PersistentVolumeClaim update that changes its spec, except:
 * volumeName once (the binder sets it), storageClassName from unset, and for
 * a bound claim the requested storage and volumeAttributesClassName.
 */
// Simplified: the API server follows the message with a diff of the specs,
// which kubesim leaves out. The PersistentVolumeClaimResize admission plugin
// (a bigger request needs a StorageClass with allowVolumeExpansion) is not
// simulated.
export function validatePersistentVolumeClaimUpdate(obj: KObject, old: KObject, clusterVersion: number): FieldCause[] {
  if (obj.spec === old.spec && obj.metadata.annotations === old.metadata.annotations) return [];
  const spec = structuredClone(obj.spec ?? {});
  const oldSpec = structuredClone(old.spec ?? {});
  const causes: FieldCause[] = [];

  if (!oldSpec.volumeName) oldSpec.volumeName = spec.volumeName;

  const oldAnnotation: string | undefined = old.metadata.annotations?.[BETA_STORAGE_CLASS];
  const annotation: string | undefined = obj.metadata.annotations?.[BETA_STORAGE_CLASS];
  const fromAnnotation =
    oldAnnotation !== undefined && oldSpec.storageClassName == null && spec.storageClassName != null && spec.storageClassName === oldAnnotation && (annotation === undefined || annotation === oldAnnotation);
  if (fromAnnotation) {
    delete spec.storageClassName;
  } else {
    if ((annotation ?? '') !== (oldAnnotation ?? '')) {
      causes.push({ field: `metadata.annotations.${BETA_STORAGE_CLASS}`, type: 'Invalid value', value: annotation ?? '', hasValue: true, detail: FIELD_IMMUTABLE });
    }
    const fromUnset = spec.storageClassName != null && old.spec?.storageClassName == null && (oldAnnotation === undefined || spec.storageClassName === oldAnnotation);
    if (fromUnset) spec.storageClassName = oldSpec.storageClassName;
  }

  // A user's update keeps the stored status, so the stored phase decides.
  if (old.status?.phase === 'Bound') {
    if (spec.resources?.requests) spec.resources.requests.storage = oldSpec.resources?.requests?.storage;
    if (spec.volumeAttributesClassName != null) spec.volumeAttributesClassName = oldSpec.volumeAttributesClassName;
  }

  if (!semanticEqual(spec, oldSpec)) causes.push({ field: 'spec', type: 'Forbidden', detail: PVC_UPDATE_MESSAGE });
  causes.push(...checkSmallerRequest(obj, old, clusterVersion));
  // The API server names this field without its `spec.` prefix.
  causes.push(...immutableField('volumeMode', obj.spec?.volumeMode, old.spec?.volumeMode));
  return causes;
}

/**
 * Checks a smaller storage request. Before 1.32 any decrease is rejected.
 * From 1.32 the RecoverVolumeExpansionFailure feature gate is on by default,
 * so the request may drop to just above the capacity in the stored status.
 */
function checkSmallerRequest(obj: KObject, old: KObject, clusterVersion: number): FieldCause[] {
  const field = 'spec.resources.requests.storage';
  const size = parseQuantity(obj.spec?.resources?.requests?.storage ?? 0);
  const oldSize = parseQuantity(old.spec?.resources?.requests?.storage ?? 0);
  if (!(size < oldSize)) return [];
  if (clusterVersion < 132) return [{ field, type: 'Forbidden', detail: 'field can not be less than previous value' }];
  const capacity = parseQuantity(old.status?.capacity?.storage ?? 0);
  return size <= capacity ? [{ field, type: 'Forbidden', detail: 'field can not be less than status.capacity' }] : [];
}

/** The detail of the Forbidden causes for a ConfigMap or Secret marked immutable. */
export const IMMUTABLE_SET_MESSAGE = 'field is immutable when `immutable` is set';

/**
 * Rejects changes to a ConfigMap or Secret whose stored `immutable` is true:
 * the flag itself, `data`, and a ConfigMap's `binaryData`. A Secret's type
 * never changes.
 */
export function validateDataUpdate(resource: string, obj: KObject, old: KObject): FieldCause[] {
  const causes: FieldCause[] = [];
  if (resource === 'secrets') {
    // An unset type is stored as Opaque by the API server's defaulting.
    causes.push(...immutableField('type', obj.type ?? 'Opaque', old.type ?? 'Opaque'));
  }
  if (old.immutable === true) {
    const forbid = (field: string) => causes.push({ field, type: 'Forbidden', detail: IMMUTABLE_SET_MESSAGE });
    if (obj.immutable !== true) forbid('immutable');
    if (!semanticEqual(obj.data, old.data)) forbid('data');
    if (resource === 'configmaps' && !semanticEqual(obj.binaryData, old.binaryData)) forbid('binaryData');
  }
  return causes;
}
