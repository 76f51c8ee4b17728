/**
 * Finding the pods a ReplicaSet or ReplicationController manages: the pods
 * it owns (by the store's owner index), releasing those whose labels no
 * longer match, and adopting orphans that match (ControllerRefManager).
 */
import type { KObject } from '../../api/types.js';
import { cloneJson, type Store } from '../../store/store.js';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors.js';
import { controllerRef, newControllerRef } from './pods.js';

/** Returns the selector of an RS (structured form) or an RC (plain map) as requirements. */
export function ownerSelector(owner: KObject): Selector | null {
  const sel = owner.spec?.selector;
  if (!sel) return null;
  if (owner.kind === 'ReplicationController') {
    const entries = Object.entries(sel as Record<string, string>);
    return entries.length ? entries.map(([key, v]) => ({ key, op: '=' as const, values: [v] })) : null;
  }
  const parsed = fromLabelSelector(sel);
  // An empty selector matches nothing for a controller, so it never grabs every pod.
  return parsed && parsed.length > 0 ? parsed : null;
}

const orphanStatements = new WeakMap<object, any>();

/** Pods in a namespace without any owner, read without parsing the owned ones. */
export function listOrphanPods(store: Store, namespace: string): KObject[] {
  let st = orphanStatements.get(store.db);
  if (!st) {
    st = store.db.prepare("SELECT data FROM objects WHERE resource = 'pods' AND namespace = ? AND owner IS NULL");
    orphanStatements.set(store.db, st);
  }
  return (st.all(namespace) as { data: string }[]).map((r) => JSON.parse(r.data) as KObject);
}

/**
 * Returns the pods `owner` manages after releasing owned pods that stopped
 * matching and, when `adopt` is set, adopting matching orphans. Writes the
 * ownerReference changes.
 */
export function claimPods(store: Store, owner: KObject, adopt: boolean): KObject[] {
  const ns = owner.metadata.namespace ?? '';
  const uid = owner.metadata.uid!;
  const selector = ownerSelector(owner);
  const claimed: KObject[] = [];
  // The owner's pods are the store's shared copies: read them, copy one to change it.
  for (const pod of store.list('pods', ns, { owner: uid, shared: true })) {
    if (controllerRef(pod)?.uid !== uid) continue;
    if (matches(selector, pod.metadata.labels)) {
      claimed.push(pod);
      continue;
    }
    if (pod.metadata.deletionTimestamp) continue;
    const released = cloneJson(pod);
    released.metadata.ownerReferences = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    if (released.metadata.ownerReferences.length === 0) delete released.metadata.ownerReferences;
    store.update('pods', released);
  }
  if (!adopt || owner.metadata.deletionTimestamp || !selector) return claimed;
  for (const pod of listOrphanPods(store, ns)) {
    if (pod.metadata.deletionTimestamp || !matches(selector, pod.metadata.labels)) continue;
    if (controllerRef(pod)) continue;
    pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), newControllerRef(owner)];
    claimed.push(store.update('pods', pod));
  }
  return claimed;
}
