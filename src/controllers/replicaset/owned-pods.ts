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
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { ownerSelector } from './claim.js';
import { hasTemplateLabels, matchesSelector, podFacts, prepareLabels, prepareSelector, type PreparedLabels, type PreparedSelector } from './pod-facts.js';

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
  /** Owner index listing: the store's shared objects in namespace and name order, other namespaces included. */
  listed: KObject[];
  /** Namespace of the owner. Listed pods in another namespace do not count. */
  namespace: string;
  counts: OwnedCounts;
  uid: string;
  selector: PreparedSelector;
  template: PreparedLabels;
}

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

/** Forgets the counts kept for an owner key, for an owner that is gone. */
export function forgetOwnedPods(memoKey: string): void {
  memos.delete(memoKey);
}

interface Scope {
  namespace: string;
  uid: string;
  selector: PreparedSelector;
  template: PreparedLabels;
}

/** Adds (sign 1) or removes (sign -1) one listed pod's share of the counts. */
function count(counts: OwnedCounts, pod: KObject, sign: number, scope: Scope): void {
  const facts = podFacts(pod);
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
export function activeClaimed(view: OwnedPods): KObject[] {
  const out: KObject[] = [];
  for (const pod of view.listed) {
    const facts = podFacts(pod);
    if (facts.controllerUid === view.uid && facts.namespace === view.namespace && facts.active && matchesSelector(pod, facts, view.selector)) out.push(pod);
  }
  return out;
}
