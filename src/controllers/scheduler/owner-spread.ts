/**
 * How many pods of one owner each node runs, for the scheduler's spreading
 * score. A count is read from the store once and then kept up to date by a
 * write hook, across transactions, for as long as the store's view stays
 * current (Store.viewEpoch). Reading it again per transaction cost a scan of
 * the owner's pods each time, 10,000 rows for a large ReplicaSet.
 */
import type { KObject } from '../../api/types.js';
import { ownerUidOf, type Store, type WriteHook } from '../../store/store.js';
import { compareText } from '../../store/pending-writes.js';

interface Spreads {
  epoch: number;
  /** Owner uid to pods per node name; only owners read since the epoch began. */
  byOwner: Map<string, Map<string, number>>;
}

const spreads = new WeakMap<Store, Spreads>();

function current(store: Store): Spreads {
  let state = spreads.get(store);
  if (!state || state.epoch !== store.viewEpoch) {
    state = { epoch: store.viewEpoch, byOwner: new Map() };
    spreads.set(store, state);
  }
  return state;
}

/** Returns the owner's bound pods per node (inside a transaction). The map is shared: do not change it. */
export function ownerSpread(store: Store, owner: string): ReadonlyMap<string, number> {
  const state = current(store);
  let counts = state.byOwner.get(owner);
  if (!counts) {
    // A Job's controller lists the Job's pods before it creates one, so that list is usually loaded, and counting it needs no query.
    const pods = store.listOwnedIfLoaded('pods', owner);
    counts = pods ? countByNode(pods) : store.countOwnedPodsByNode(owner);
    state.byOwner.set(owner, counts);
  }
  return counts;
}

/** Counts the bound pods per node, in node name order as countOwnedPodsByNode returns them. */
function countByNode(pods: readonly KObject[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const pod of pods) {
    // The store's node column is spec.nodeName unless that is missing or null.
    const node = pod.spec?.nodeName;
    if (node !== undefined && node !== null) counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts.size > 1 ? new Map([...counts].sort((a, b) => compareText(a[0], b[0]))) : counts;
}

/** Returns the owner and node a pod counts under, or undefined when it counts under none. */
function placement(pod: KObject | undefined): { owner: string; node: string } | undefined {
  const node = pod?.spec?.nodeName;
  if (!node) return undefined;
  const owner = ownerUidOf(pod);
  return owner ? { owner, node } : undefined;
}

function adjust(state: Spreads, at: { owner: string; node: string }, delta: number): void {
  const counts = state.byOwner.get(at.owner);
  if (!counts) return;
  const n = (counts.get(at.node) ?? 0) + delta;
  if (n > 0) counts.set(at.node, n);
  else counts.delete(at.node);
}

/** Store hook: moves a pod between its owner's node counts as it binds, changes owner or goes away. */
export function trackOwnerSpread(store: Store): WriteHook {
  return (resource, obj, old) => {
    if (resource !== 'pods') return;
    const state = spreads.get(store);
    if (!state || state.byOwner.size === 0 || state.epoch !== store.viewEpoch) return;
    // A write that keeps the spec and owner references (a status update) keeps the node and owner.
    if (obj && old && obj.spec === old.spec && obj.metadata.ownerReferences === old.metadata.ownerReferences) return;
    const before = placement(old);
    const after = placement(obj);
    if (before?.owner === after?.owner && before?.node === after?.node) return;
    if (before) adjust(state, before, -1);
    if (after) adjust(state, after, 1);
  };
}
