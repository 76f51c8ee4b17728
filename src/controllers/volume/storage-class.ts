/**
 * The simulated default StorageClass `standard`, created the first time a
 * claim needs a class (so clusters that never use storage keep the same
 * generated names), with a provisioner that makes host-path volumes.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
export const SIMULATED_PROVISIONER = 'kubesim.io/hostpath';

export function buildDefaultStorageClass(): KObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
    provisioner: SIMULATED_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  };
}

/** Returns the default StorageClass, creating `standard` when the cluster has no class at all. */
export function ensureDefaultStorageClass(store: Store): KObject | undefined {
  const classes = store.list('storageclasses');
  const marked = classes.find((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  if (marked) return marked;
  if (classes.length > 0) return undefined;
  return store.create('storageclasses', buildDefaultStorageClass());
}
