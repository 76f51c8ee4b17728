/**
 * Per-node requested resources, kept as counters in the store's meta table
 * and adjusted by a write hook, so the scheduler never sums every pod.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import type { DeferredMeta, MetaValue } from '../../store/meta-values.js';
import { podRequests } from '../../api/quantity.js';
import { isPodFinished } from '../podutil/pod-state.js';

export interface NodeUsage {
  pods: number;
  cpu: number;
  memory: number;
}

function contribution(pod: KObject | undefined): { node: string; usage: NodeUsage } | undefined {
  if (!pod?.spec?.nodeName) return undefined;
  // A finished pod no longer counts against its node.
  if (isPodFinished(pod)) return undefined;
  const r = podRequests(pod);
  return { node: pod.spec.nodeName, usage: { pods: 1, cpu: r.cpu, memory: r.memory } };
}

const decoded = new Map<string, { raw: string; usage: NodeUsage }>();

/**
 * A node's counters written in the current transaction. The store encodes
 * them at commit, so a node that gains many pods in one transaction costs one
 * encode, not one per bind.
 */
class UsageValue implements DeferredMeta {
  private encoded: string | undefined;

  constructor(readonly usage: NodeUsage) {}

  text(): string {
    return (this.encoded ??= JSON.stringify(this.usage));
  }
}

const EMPTY: NodeUsage = Object.freeze({ pods: 0, cpu: 0, memory: 0 });

/**
 * The counters read or written, by node, while the store's view stays the
 * same. The scheduler reads every node's counters for every pod it places, so
 * the meta lookup behind each read showed in profiles. Only this module's hook
 * writes the counters, with the pod writes that change them, so another
 * process's writes and a rollback that undoes a change both change
 * Store.viewEpoch, and then the counters are read again.
 */
let viewReads: { store?: Store; epoch: number; byNode: Map<string, NodeUsage> } = { epoch: -1, byNode: new Map() };

function txReads(store: Store): Map<string, NodeUsage> | undefined {
  if (!store.inTx) return undefined;
  if (viewReads.store !== store || viewReads.epoch !== store.viewEpoch) {
    viewReads = { store, epoch: store.viewEpoch, byNode: new Map() };
  }
  return viewReads.byNode;
}

/** A node's counters; the result is shared between calls and must not be mutated. */
export function readUsage(store: Store, node: string): NodeUsage {
  const reads = txReads(store);
  const known = reads?.get(node);
  if (known) return known;
  const usage = decodeUsage(store.getMetaValue(`usage:${node}`), node);
  reads?.set(node, usage);
  return usage;
}

function decodeUsage(value: MetaValue | undefined, node: string): NodeUsage {
  if (value instanceof UsageValue) return value.usage;
  const raw = typeof value === 'object' ? value.text() : value;
  if (!raw) return EMPTY;
  const hit = decoded.get(node);
  if (hit?.raw === raw) return hit.usage;
  const usage = JSON.parse(raw) as NodeUsage;
  decoded.set(node, { raw, usage });
  return usage;
}

let usageChanges = 0;

/**
 * Returns how many times this process changed any node's counters, so a
 * caller can tell whether what it worked out from them is still current.
 */
export function usageChangeCount(): number {
  return usageChanges;
}

function addUsage(store: Store, node: string, u: NodeUsage, sign: number): void {
  usageChanges++;
  const was = readUsage(store, node);
  // The stored text keeps the key order pods, cpu, memory.
  const cur: NodeUsage = { pods: was.pods + sign * u.pods, cpu: was.cpu + sign * u.cpu, memory: was.memory + sign * u.memory };
  store.setMeta(`usage:${node}`, new UsageValue(cur));
  txReads(store)?.set(node, cur);
}

/** Store hook: moves a pod's requests between node counters as it binds, finishes or goes away. */
export function trackNodeUsage(store: Store) {
  return (resource: string, obj: KObject | undefined, old: KObject | undefined): void => {
    if (resource !== 'pods') return;
    // A write that keeps the spec object (a status update) keeps the node and requests, so only finishing can change the counters.
    if (obj && old && obj.spec === old.spec && isPodFinished(obj) === isPodFinished(old)) return;
    const before = contribution(old);
    const after = contribution(obj);
    if (before && after && before.node === after.node && before.usage.cpu === after.usage.cpu && before.usage.memory === after.usage.memory) return;
    if (before) addUsage(store, before.node, before.usage, -1);
    if (after) addUsage(store, after.node, after.usage, 1);
  };
}
