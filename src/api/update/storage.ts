/**
 * Update rules of the cluster-scoped storage objects: a StorageClass keeps
 * its provisioner, parameters, reclaimPolicy and volumeBindingMode
 * (kubernetes pkg/apis/storage/validation ValidateStorageClassUpdate), and
 * a PersistentVolume keeps its volume source, volumeMode and node affinity
 * (pkg/apis/core/validation ValidatePersistentVolumeUpdate).
 */
import type { KObject } from '../types.js';
import type { FieldCause } from '../errors.js';
import { semanticEqual } from './semantic-equal.js';
import { immutableField } from './workloads.js';

/** Rejects a StorageClass update that changes a field fixed at creation, in the API server's order. */
export function validateStorageClassUpdate(obj: KObject, old: KObject): FieldCause[] {
  const causes: FieldCause[] = [];
  const forbid = (field: string) => causes.push({ field, type: 'Forbidden', detail: `updates to ${field} are forbidden.` });
  if (!semanticEqual(obj.parameters, old.parameters)) forbid('parameters');
  if ((obj.provisioner ?? '') !== (old.provisioner ?? '')) forbid('provisioner');
  // Defaulting stores Delete and Immediate when these are left out.
  if ((obj.reclaimPolicy ?? 'Delete') !== (old.reclaimPolicy ?? 'Delete')) forbid('reclaimPolicy');
  causes.push(...immutableField('volumeBindingMode', obj.volumeBindingMode ?? 'Immediate', old.volumeBindingMode ?? 'Immediate'));
  return causes;
}

/** The fields of core/v1 PersistentVolumeSource, the one-of that names a volume's backing storage. */
const VOLUME_SOURCES = [
  'gcePersistentDisk', 'awsElasticBlockStore', 'hostPath', 'glusterfs', 'nfs', 'rbd', 'iscsi', 'cinder', 'cephfs', 'fc', 'flocker',
  'flexVolume', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'local',
  'storageos', 'csi',
];

/** The detail of ValidatePersistentVolumeUpdate's Forbidden cause on `spec.persistentvolumesource`. */
export const PV_SOURCE_MESSAGE = 'spec.persistentvolumesource is immutable after creation';

/**
 * Rejects a PersistentVolume update that changes its volume source or
 * volumeMode, or a node affinity it was created with. The claimRef,
 * capacity, access modes and reclaim policy may change.
 */
// Simplified: the API server follows the source message with a diff, which
// kubesim leaves out. It also lets node affinity move from a beta topology
// label to its GA name, which kubesim rejects like any other change.
export function validatePersistentVolumeUpdate(obj: KObject, old: KObject): FieldCause[] {
  const spec = obj.spec ?? {};
  const oldSpec = old.spec ?? {};
  const causes: FieldCause[] = [];
  const source = (s: any) => {
    const picked: Record<string, unknown> = {};
    for (const key of VOLUME_SOURCES) if (s[key] !== undefined) picked[key] = s[key];
    // A CSI volume may gain the controllerExpandSecretRef it did not have.
    if (s === spec && s.csi && oldSpec.csi && !oldSpec.csi.controllerExpandSecretRef) {
      const { controllerExpandSecretRef: _ref, ...csi } = s.csi;
      picked.csi = csi;
    }
    return picked;
  };
  if (!semanticEqual(source(spec), source(oldSpec))) causes.push({ field: 'spec.persistentvolumesource', type: 'Forbidden', detail: PV_SOURCE_MESSAGE });
  // The API server names these fields without their `spec.` prefix, and defaults volumeMode to Filesystem.
  causes.push(...immutableField('volumeMode', spec.volumeMode ?? 'Filesystem', oldSpec.volumeMode ?? 'Filesystem'));
  if (oldSpec.nodeAffinity && !semanticEqual(spec.nodeAffinity, oldSpec.nodeAffinity)) {
    causes.push({ field: 'nodeAffinity', type: 'Invalid value', value: spec.nodeAffinity ?? null, hasValue: true, detail: 'field is immutable, except for updating from beta label to GA' });
  }
  return causes;
}
