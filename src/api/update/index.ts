/**
 * The API server's update rules: fields an update may not change, per
 * resource. Admission runs them on every update that it does not skip as
 * already admitted, after defaulting.
 */
import type { KObject } from '../types.js';
import type { FieldCause } from '../errors.js';
import { validatePodUpdate } from './pod.js';
import { validateJobUpdate, validateSelectorUpdate, validateStatefulSetUpdate } from './workloads.js';
import { validateDataUpdate, validatePersistentVolumeClaimUpdate, validateServiceUpdate } from './core.js';
import { validatePersistentVolumeUpdate, validateStorageClassUpdate } from './storage.js';
import { validateTrafficFieldsUpdate } from '../service-traffic-validation.js';
import { validatePriorityClassUpdate, validateRoleRefUpdate } from './builtin.js';

export { POD_UPDATE_MESSAGE } from './pod.js';

/**
 * Resources whose update rules the API server reports before the checks of
 * the new object itself. ValidateServiceUpdate, ValidateConfigMapUpdate and
 * ValidateSecretUpdate run them first, and the other resources run them last.
 */
export const UPDATE_RULES_FIRST: ReadonlySet<string> = new Set(['services', 'configmaps', 'secrets']);

/** Inputs of the update rules besides the new and stored objects. */
export interface UpdateOptions {
  clusterVersion: number;
  /** The write is the scheduler's binding, which may set a pod's spec.nodeName once. */
  binding?: boolean;
}

/** Returns the causes for the fields this update changes but may not. */
export function validateUpdate(resource: string, obj: KObject, old: KObject, opts: UpdateOptions): FieldCause[] {
  const clusterVersion = opts.clusterVersion;
  switch (resource) {
    case 'pods':
      return validatePodUpdate(obj, old, clusterVersion, opts.binding ?? false);
    case 'jobs':
      return validateJobUpdate(obj, old, clusterVersion);
    case 'statefulsets':
      // A changed selector gets the general message: no separate selector rule here.
      return validateStatefulSetUpdate(obj, old);
    case 'deployments':
    case 'replicasets':
    case 'daemonsets':
      return validateSelectorUpdate(obj, old, clusterVersion);
    case 'services':
      return [...validateServiceUpdate(obj, old, clusterVersion), ...validateTrafficFieldsUpdate(obj, old)];
    case 'persistentvolumeclaims':
      return validatePersistentVolumeClaimUpdate(obj, old, clusterVersion);
    case 'configmaps':
    case 'secrets':
      return validateDataUpdate(resource, obj, old);
    case 'persistentvolumes':
      return validatePersistentVolumeUpdate(obj, old);
    case 'storageclasses':
      return validateStorageClassUpdate(obj, old);
    case 'rolebindings':
    case 'clusterrolebindings':
      return validateRoleRefUpdate(obj, old);
    case 'priorityclasses':
      return validatePriorityClassUpdate(obj, old);
    default:
      return [];
  }
}
