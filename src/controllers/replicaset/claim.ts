/**
 * Finding the pods a ReplicaSet or ReplicationController manages: the pods
 * it owns (by the store's owner index), releasing those whose labels no
 * longer match, and adopting orphans that match (ControllerRefManager).
 */
import type { KObject } from '../../api/types.js';
import { cloneJson, type Store } from '../../store/store.js';
import type { WatchMapper } from '../../engine/controller.js';
import { keyOf, selfMapper } from '../../engine/controller.js';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors.js';
import { controllerRef, newControllerRef } from './pods.js';
import { matchesSelector, podFacts, prepareSelector } from './pod-facts.js';

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

/** Pods in a namespace without any owner, read without parsing the owned ones. */
export function listOrphanPods(store: Store, namespace: string): KObject[] {
  return store.listOrphans('pods', namespace);
}

/**
 * Returns the pods `owner` manages after releasing owned pods that stopped
 * matching and, when `adopt` is set, adopting matching orphans. Writes the
 * ownerReference changes. `listed` is the owner index listing when the
 * caller has it (pods in other namespaces are left alone). The owned pods returned are the store's shared objects
 * (read them, copy one to change it); adopted ones are the stored copies.
 */
export function claimPods(store: Store, owner: KObject, adopt: boolean, listed?: KObject[]): KObject[] {
  const ns = owner.metadata.namespace ?? '';
  const uid = owner.metadata.uid!;
  const selector = ownerSelector(owner);
  const prepared = prepareSelector(selector);
  const claimed: KObject[] = [];
  for (const pod of listed ?? store.list('pods', ns, { owner: uid, shared: true })) {
    const facts = podFacts(pod);
    if (facts.controllerUid !== uid || facts.namespace !== ns) continue;
    if (matchesSelector(pod, facts, prepared)) {
      claimed.push(pod);
      continue;
    }
    if (!facts.deleting) releasePod(store, pod, uid);
  }
  if (adopt) claimed.push(...adoptOrphans(store, owner));
  return claimed;
}

/** Removes the owner `uid`'s reference from a copy of `pod` and writes it. */
export function releasePod(store: Store, pod: KObject, uid: string): void {
  const released = cloneJson(pod);
  released.metadata.ownerReferences = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  if (released.metadata.ownerReferences.length === 0) delete released.metadata.ownerReferences;
  store.update('pods', released, { owned: true });
}

/**
 * Adopts the orphan pods in the owner's namespace that match its selector,
 * unless the owner is being deleted or selects nothing. Returns the stored
 * copies of the adopted pods.
 */
export function adoptOrphans(store: Store, owner: KObject): KObject[] {
  const selector = ownerSelector(owner);
  if (owner.metadata.deletionTimestamp || !selector) return [];
  const adopted: KObject[] = [];
  // Orphans are fresh copies that get changed here, so they bypass podFacts.
  for (const pod of listOrphanPods(store, owner.metadata.namespace ?? '')) {
    if (pod.metadata.deletionTimestamp || !matches(selector, pod.metadata.labels)) continue;
    if (controllerRef(pod)) continue;
    pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), newControllerRef(owner)];
    adopted.push(store.update('pods', pod, { owned: true }));
  }
  return adopted;
}

/** Key prefix of an orphan pod that matching owners may adopt. */
export const POD_PREFIX = 'pod:';
/** Key prefix of an owner that should look for orphans to adopt. */
export const ADOPT_PREFIX = 'adopt:';

/** Maps a write to a pod without a controller to a `pod:` key, so matching owners can adopt it. */
export const orphanMapper: WatchMapper = (obj) => {
  if (!obj || controllerRef(obj) || obj.metadata.deletionTimestamp) return undefined;
  return POD_PREFIX + keyOf(obj);
};

/**
 * Maps an owner write to its key, asking for adoption when the owner is new
 * or its selector changed. Every write that leaves a pod an orphan already
 * offers it to the owners whose selectors match (the `pod:` keys). So an
 * orphan scan after any other change, such as a new spec.replicas, finds
 * nothing, and each scan reads every orphan in the namespace.
 */
export const ownerMapper: WatchMapper = (obj, old) => {
  const key = selfMapper(obj, old) as string | undefined;
  if (!key || !obj) return key;
  const selectorChanged = !old || JSON.stringify(obj.spec?.selector) !== JSON.stringify(old.spec?.selector);
  return selectorChanged ? ADOPT_PREFIX + key : key;
};
