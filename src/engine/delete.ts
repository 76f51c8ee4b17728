/**
 * Deletion as the API server performs it: graceful pod termination,
 * finalizers, and the three propagation policies.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { isoTime } from '../store/store.js';
import { notFound } from '../api/errors.js';
import { findResource, resourceString } from '../api/registry.js';

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagation?: Propagation;
  /** Seconds; 0 with force removes a pod at once. Undefined uses the pod's own grace period. */
  gracePeriodSeconds?: number;
}

export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** Deletes one object; returns the object as it was before deletion. */
export function deleteObject(store: Store, resource: string, namespace: string, name: string, opts: DeleteOptions = {}): KObject {
  return store.tx(() => {
    const obj = store.get(resource, namespace, name);
    if (!obj) {
      const r = findResource(resource);
      throw notFound(r ? resourceString(r) : resource, name);
    }
    const propagation = opts.propagation ?? 'Background';
    if (propagation === 'Orphan') orphanDependents(store, obj);
    if (resource === 'pods') {
      deletePod(store, obj, opts.gracePeriodSeconds);
      return obj;
    }
    if (propagation === 'Foreground') {
      if (!obj.metadata.deletionTimestamp) {
        obj.metadata.deletionTimestamp = isoTime(store.now());
        obj.metadata.deletionGracePeriodSeconds = 0;
        obj.metadata.finalizers = [...new Set([...(obj.metadata.finalizers ?? []), FOREGROUND_FINALIZER])];
        store.update(resource, obj);
      }
      return obj;
    }
    if ((obj.metadata.finalizers ?? []).length > 0) {
      if (!obj.metadata.deletionTimestamp) {
        obj.metadata.deletionTimestamp = isoTime(store.now());
        obj.metadata.deletionGracePeriodSeconds = 0;
        store.update(resource, obj);
      }
      return obj;
    }
    store.remove(resource, namespace, name);
    return obj;
  });
}

function deletePod(store: Store, pod: KObject, gracePeriodSeconds: number | undefined): void {
  const ns = pod.metadata.namespace ?? 'default';
  const grace = gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  if (grace === 0 || !pod.spec?.nodeName || finished) {
    store.remove('pods', ns, pod.metadata.name);
    return;
  }
  if (pod.metadata.deletionTimestamp) {
    const current = pod.metadata.deletionGracePeriodSeconds ?? grace;
    if (grace >= current) return;
  }
  pod.metadata.deletionTimestamp = isoTime(store.now() + grace * 1000);
  pod.metadata.deletionGracePeriodSeconds = grace;
  store.update('pods', pod);
}

/** Removes the deleted object's ownerReferences from everything it owns. */
function orphanDependents(store: Store, owner: KObject): void {
  const uid = owner.metadata.uid;
  const rows = store.prepared('SELECT resource FROM objects WHERE owner = ? GROUP BY resource').all(uid) as { resource: string }[];
  for (const { resource } of rows) {
    for (const dep of store.list(resource, undefined, { owner: uid })) {
      dep.metadata.ownerReferences = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (dep.metadata.ownerReferences.length === 0) delete dep.metadata.ownerReferences;
      store.update(resource, dep);
    }
  }
}

/** Lists every object whose controller owner has this uid, with its resource. */
export function listDependents(store: Store, uid: string): { resource: string; obj: KObject }[] {
  return store.listOwnedBy(uid);
}
