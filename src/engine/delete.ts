/**
 * Deletion as the API server performs it: graceful pod termination,
 * finalizers, and the three propagation policies.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { isoTime } from '../store/store.js';
import { notFound } from '../api/errors.js';
import { findResource, resourceString } from '../api/registry.js';
import { IMMORTAL_NAMESPACES, immortalNamespaceError } from '../api/namespace-lifecycle.js';

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagation?: Propagation;
  /** Seconds; 0 with force removes a pod at once. Undefined uses the pod's own grace period. */
  gracePeriodSeconds?: number;
}

export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/**
 * Deletes one object. Returns the object as stored afterwards (marked for
 * deletion), or as it was before it was removed. It is the store's own
 * object, which callers must not change.
 */
export function deleteObject(store: Store, resource: string, namespace: string, name: string, opts: DeleteOptions = {}): KObject {
  return store.tx(() => {
    // Read shared: most deletions remove the object, and a marking write copies the parts it changes.
    const obj = store.get(resource, namespace, name, { shared: true });
    if (!obj) {
      const r = findResource(resource);
      throw notFound(r ? resourceString(r) : resource, name);
    }
    if (resource === 'namespaces' && IMMORTAL_NAMESPACES.has(name)) throw immortalNamespaceError(name);
    const propagation = opts.propagation ?? 'Background';
    if (propagation === 'Orphan') orphanDependents(store, obj);
    if (resource === 'pods') return deletePod(store, obj, opts.gracePeriodSeconds);
    if (resource === 'namespaces') return deleteNamespace(store, obj);
    if (propagation === 'Foreground') {
      if (obj.metadata.deletionTimestamp) return obj;
      const marked = markDeleted(store, obj);
      marked.metadata.finalizers = [...new Set([...(obj.metadata.finalizers ?? []), FOREGROUND_FINALIZER])];
      return store.update(resource, marked, { owned: true });
    }
    if ((obj.metadata.finalizers ?? []).length > 0) {
      if (obj.metadata.deletionTimestamp) return obj;
      return store.update(resource, markDeleted(store, obj), { owned: true });
    }
    return store.remove(resource, namespace, name) ?? obj;
  });
}

/** Returns a copy of `obj` for a write that marks it deleted now: new metadata, every other part shared with `obj`. */
function markDeleted(store: Store, obj: KObject): KObject {
  const marked = { ...obj, metadata: { ...obj.metadata } };
  marked.metadata.deletionTimestamp = isoTime(store.now());
  marked.metadata.deletionGracePeriodSeconds = 0;
  return marked;
}

/** Removes a pod at once, or starts its graceful termination. Returns the pod as stored before the removal or after the marking write. */
function deletePod(store: Store, pod: KObject, gracePeriodSeconds: number | undefined): KObject {
  const ns = pod.metadata.namespace ?? 'default';
  const grace = gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  if (grace === 0 || !pod.spec?.nodeName || finished) return removePodNow(store, pod);
  if (pod.metadata.deletionTimestamp) {
    const current = pod.metadata.deletionGracePeriodSeconds ?? grace;
    if (grace >= current) return pod;
  }
  const marked = { ...pod, metadata: { ...pod.metadata } };
  marked.metadata.deletionTimestamp = isoTime(store.now() + grace * 1000);
  marked.metadata.deletionGracePeriodSeconds = grace;
  return store.update('pods', marked, { owned: true });
}

/**
 * Runs the delete with a zero grace period that ends a pod's life (a force
 * delete, or the kubelet's once its containers stopped). The API server
 * keeps a pod that still has finalizers, marked with
 * deletionGracePeriodSeconds 0, until an update drops the last one.
 * Returns the pod as stored before the removal or after the marking write.
 */
export function removePodNow(store: Store, pod: KObject): KObject {
  const ns = pod.metadata.namespace ?? '';
  if (!pod.metadata.finalizers?.length) return store.remove('pods', ns, pod.metadata.name) ?? pod;
  if (pod.metadata.deletionTimestamp && pod.metadata.deletionGracePeriodSeconds === 0) return pod;
  const marked = { ...pod, metadata: { ...pod.metadata } };
  marked.metadata.deletionTimestamp = isoTime(store.now());
  marked.metadata.deletionGracePeriodSeconds = 0;
  return store.update('pods', marked, { owned: true });
}

/**
 * Deletes a namespace as the namespace registry does. The first request
 * marks it: deletionTimestamp now and status.phase Terminating. It stays
 * while spec.finalizers lists anything; the namespace controller removes
 * `kubernetes` once the namespace is empty (finalizeNamespace). A request
 * after that returns the namespace as it is, or removes it once no
 * finalizer is left.
 * Simplified: for those propagation policies Kubernetes adds the orphan or
 * foregroundDeletion finalizer to the namespace's metadata. kubesim orphans
 * dependents at once and treats foreground as background.
 */
function deleteNamespace(store: Store, ns: KObject): KObject {
  if (!ns.metadata.deletionTimestamp) {
    const marked = { ...ns, metadata: { ...ns.metadata, deletionTimestamp: isoTime(store.now()) }, status: { ...ns.status, phase: 'Terminating' } };
    return store.update('namespaces', marked, { owned: true });
  }
  if ((ns.spec?.finalizers ?? []).length > 0 || (ns.metadata.finalizers ?? []).length > 0) return ns;
  return store.remove('namespaces', '', ns.metadata.name) ?? ns;
}

/**
 * Writes a terminating namespace's spec.finalizers without `finalizer`, as
 * the namespace's finalize subresource does. The store removes the namespace
 * in that write when no finalizer is left. Returns what the store returns.
 */
export function finalizeNamespace(store: Store, ns: KObject, finalizer: string): KObject {
  const finalizers = ((ns.spec?.finalizers ?? []) as string[]).filter((f) => f !== finalizer);
  return store.update('namespaces', { ...ns, metadata: { ...ns.metadata }, spec: { ...ns.spec, finalizers } }, { owned: true });
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

/**
 * Lists every object whose controller owner has this uid, with its resource.
 * The objects are the store's own (inside a transaction): callers must not change them.
 */
export function listDependents(store: Store, uid: string): { resource: string; obj: KObject }[] {
  return store.listOwnedBy(uid, { shared: true });
}
