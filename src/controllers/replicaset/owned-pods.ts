/**
 * Status counts of a ReplicaSet over the pods in its owner index, kept up
 * to date across syncs by comparing pod objects.
 *
 * Every sync lists all the owner's pods, but between two syncs only a few
 * of them change. The store's shared objects are one object per stored
 * version (see pod-facts.ts), so a pod listed as the same object as last
 * time is the same version and counts the same. Only pods that are new,
 * gone or replaced by a new version are read, and the counts change by
 * their difference. This is a cache, not controller state: every sync
 * checks it against the store's listing, and a different owner uid,
 * selector or template makes it count all pods again.
 *
 * With a real store, the counts do not need the listing. A write hook moves
 * each written pod between the counts of the owners it leaves and joins, so
 * counting costs a sync nothing per pod. The pods are listed only to choose
 * which ones to delete. The counts are valid for one view of the store
 * (Store.viewEpoch), like the scheduler's owner spread.
 */
import type { KObject } from '../../api/types.js';
import { ownerUidOf, type Store, type WriteHook } from '../../store/store.js';
import { ownerSelector } from './claim.js';
import {
  calculatePodFacts,
  hasTemplateLabels,
  matchesSelector,
  podFacts,
  prepareLabels,
  prepareSelector,
  type PodFacts,
  type PreparedLabels,
  type PreparedSelector,
} from './pod-facts.js';

/** Counts over the pods of an owner index that the owner would claim. */
export interface OwnedCounts {
  /** Claimed pods that are active (status.replicas before scaling). */
  active: number;
  /** Active claimed pods that carry all the template's labels. */
  fully: number;
  /** Active claimed pods that are Ready. */
  ready: number;
  /** Pods controlled by the owner that no longer match its selector and are not being deleted (claimPods releases them). */
  releases: number;
}

/** One sync's view of an owner's pods. */
export interface OwnedPods {
  /**
   * Owner index listing: the store's shared objects in namespace and name
   * order, other namespaces included. Undefined when the counts came from
   * the write hook (see listViewedPods).
   */
  listed?: KObject[];
  /** Namespace of the owner. Listed pods in another namespace do not count. */
  namespace: string;
  counts: OwnedCounts;
  uid: string;
  selector: PreparedSelector;
  template: PreparedLabels;
}

/** A view with its listing. */
export type ListedPods = OwnedPods & { listed: KObject[] };

interface Memo {
  namespace: string;
  uid: string;
  selectorKey: string;
  templateKey: string;
  listed: KObject[];
  counts: OwnedCounts;
}

/** Number of owners remembered before the cache is emptied. */
const MAX_OWNERS = 10_000;

const memos = new Map<string, Memo>();

/** Counts of one owner that the write hook keeps current. */
interface Tracked {
  scope: Scope;
  counts: OwnedCounts;
}

/** The hook-kept counts of one store, for the owners synced in its current view. */
interface Tracking {
  epoch: number;
  byUid: Map<string, Tracked>;
  /** Owner uid by memo key, so a gone owner's counts can be dropped. */
  uidByKey: Map<string, string>;
}

const trackings = new WeakMap<Store, Tracking>();

/** Forgets the counts kept for an owner key, for an owner that is gone. */
export function forgetOwnedPods(memoKey: string, store?: Store): void {
  memos.delete(memoKey);
  const tracking = store ? trackings.get(store) : undefined;
  const uid = tracking?.uidByKey.get(memoKey);
  if (!tracking || uid === undefined) return;
  tracking.uidByKey.delete(memoKey);
  tracking.byUid.delete(uid);
}

/**
 * Builds the store hook that moves a written pod out of the counts of the
 * owner it had and into those of the owner it has now. Written objects may
 * change after the write, so their facts are calculated here each time,
 * not taken from podFacts.
 */
function countPodWrites(store: Store): WriteHook {
  return (resource, obj, old) => {
    if (resource !== 'pods') return;
    const tracking = trackings.get(store);
    if (!tracking || tracking.byUid.size === 0 || tracking.epoch !== store.viewEpoch) return;
    if (old) countWrite(tracking, old, -1);
    if (obj) countWrite(tracking, obj, 1);
  };
}

function countWrite(tracking: Tracking, pod: KObject, sign: number): void {
  const uid = ownerUidOf(pod);
  const tracked = uid === null ? undefined : tracking.byUid.get(uid);
  if (tracked) count(tracked.counts, pod, sign, tracked.scope, calculatePodFacts(pod));
}

/**
 * Returns the store's hook-kept counts for its current view, installing the
 * hook on first use. Stores without hooks (test doubles) get undefined.
 */
function trackingOf(store: Store): Tracking | undefined {
  if (!Array.isArray(store.hooks) || !store.inTx) return undefined;
  let tracking = trackings.get(store);
  if (!tracking) {
    tracking = { epoch: store.viewEpoch, byUid: new Map(), uidByKey: new Map() };
    trackings.set(store, tracking);
    store.hooks.push(countPodWrites(store));
  }
  if (tracking.epoch !== store.viewEpoch) {
    tracking.epoch = store.viewEpoch;
    tracking.byUid.clear();
    tracking.uidByKey.clear();
  }
  return tracking;
}

function sameScope(a: Scope, b: Scope): boolean {
  return a.namespace === b.namespace && a.uid === b.uid && a.selector.key === b.selector.key && a.template.key === b.template.key;
}

interface Scope {
  namespace: string;
  uid: string;
  selector: PreparedSelector;
  template: PreparedLabels;
}

/** Adds (sign 1) or removes (sign -1) one pod's share of the counts; `facts` defaults to podFacts (listed pods). */
function count(counts: OwnedCounts, pod: KObject, sign: number, scope: Scope, facts: PodFacts = podFacts(pod)): void {
  if (facts.controllerUid !== scope.uid || facts.namespace !== scope.namespace) return;
  if (!matchesSelector(pod, facts, scope.selector)) {
    if (!facts.deleting) counts.releases += sign;
    return;
  }
  if (!facts.active) return;
  counts.active += sign;
  if (hasTemplateLabels(pod, facts, scope.template)) counts.fully += sign;
  if (facts.ready) counts.ready += sign;
}

/**
 * Lists the owner's pods and returns them with their counts. `memoKey`
 * identifies the owner across syncs (controller name and namespace/name).
 */
export function viewOwnedPods(store: Store, memoKey: string, owner: KObject): OwnedPods {
  const scope: Scope = {
    namespace: owner.metadata.namespace ?? '',
    uid: owner.metadata.uid!,
    selector: prepareSelector(ownerSelector(owner)),
    template: prepareLabels(owner.spec?.template?.metadata?.labels),
  };
  const tracking = trackingOf(store);
  if (tracking) return viewTrackedPods(store, tracking, memoKey, scope);
  // Listed across namespaces because a namespace filter would read every pod's namespace on every sync. count() reads it for changed pods only.
  const listed = store.list('pods', undefined, { owner: scope.uid, shared: true });
  const memo = memos.get(memoKey);
  let counts: OwnedCounts;
  if (memo && memo.namespace === scope.namespace && memo.uid === scope.uid && memo.selectorKey === scope.selector.key && memo.templateKey === scope.template.key) {
    counts = { ...memo.counts };
    mergeChanges(counts, memo.listed, listed, scope);
  } else {
    counts = { active: 0, fully: 0, ready: 0, releases: 0 };
    for (const pod of listed) count(counts, pod, 1, scope);
  }
  if (!memo && memos.size >= MAX_OWNERS) memos.clear();
  memos.set(memoKey, { namespace: scope.namespace, uid: scope.uid, selectorKey: scope.selector.key, templateKey: scope.template.key, listed, counts: { ...counts } });
  return { listed, counts, ...scope };
}

/** Returns the hook-kept counts of the owner, counting its listed pods first when it has none yet for this scope. */
function viewTrackedPods(store: Store, tracking: Tracking, memoKey: string, scope: Scope): OwnedPods {
  const tracked = tracking.byUid.get(scope.uid);
  if (tracked && sameScope(tracked.scope, scope)) return { counts: { ...tracked.counts }, ...scope };
  const listed = store.list('pods', undefined, { owner: scope.uid, shared: true });
  const counts: OwnedCounts = { active: 0, fully: 0, ready: 0, releases: 0 };
  for (const pod of listed) count(counts, pod, 1, scope);
  if (!tracked && tracking.byUid.size >= MAX_OWNERS) {
    tracking.byUid.clear();
    tracking.uidByKey.clear();
  }
  const previous = tracking.uidByKey.get(memoKey);
  if (previous !== undefined && previous !== scope.uid) tracking.byUid.delete(previous);
  tracking.byUid.set(scope.uid, { scope, counts: { ...counts } });
  tracking.uidByKey.set(memoKey, scope.uid);
  return { listed, counts, ...scope };
}

/**
 * Returns the view with its listing, listing the owner's pods now when the
 * view has none. `adoptedSince` are the pods adopted since the view was
 * taken, the only writes to the owner's pods in between. They are left
 * out, so the listing is the one the view would have had.
 */
export function listViewedPods(store: Store, view: OwnedPods, adoptedSince: KObject[] = []): ListedPods {
  if (view.listed) return { ...view, listed: view.listed };
  let listed = store.list('pods', undefined, { owner: view.uid, shared: true });
  if (adoptedSince.length > 0) {
    const adopted = new Set(adoptedSince.map((p) => p.metadata.uid));
    listed = listed.filter((p) => !adopted.has(p.metadata.uid));
  }
  return { ...view, listed };
}

/**
 * Changes counts made over `before` into counts over `after`. Both lists
 * are in name order, so one walk pairs the objects that stayed. Every
 * unpaired object of `before` is removed and every unpaired one of `after`
 * added. Names only guide the pairing: an object that is added and also
 * removed cancels out, so the counts are right in any order.
 */
function mergeChanges(counts: OwnedCounts, before: KObject[], after: KObject[], scope: Scope): void {
  // A store that hands out the same array while nothing changed costs nothing here.
  if (before === after) return;
  let i = 0;
  let j = 0;
  const n = after.length;
  const m = before.length;
  while (i < n && j < m) {
    const a = after[i];
    const b = before[j];
    if (a === b) {
      i++;
      j++;
      continue;
    }
    const afterName = a.metadata.name;
    const beforeName = b.metadata.name;
    // Two pods share a name only across namespaces, and pairing them just counts both.
    if (afterName === beforeName) {
      count(counts, b, -1, scope);
      count(counts, a, 1, scope);
      i++;
      j++;
    } else if (afterName < beforeName) {
      count(counts, a, 1, scope);
      i++;
    } else {
      count(counts, b, -1, scope);
      j++;
    }
  }
  for (; i < n; i++) count(counts, after[i], 1, scope);
  for (; j < m; j++) count(counts, before[j], -1, scope);
}

/** Returns the active listed pods that the owner claims, in listing order, as claimPods and the active filter would. */
export function activeClaimed(view: ListedPods): KObject[] {
  const out: KObject[] = [];
  for (const pod of view.listed) {
    const facts = podFacts(pod);
    if (facts.controllerUid === view.uid && facts.namespace === view.namespace && facts.active && matchesSelector(pod, facts, view.selector)) out.push(pod);
  }
  return out;
}
