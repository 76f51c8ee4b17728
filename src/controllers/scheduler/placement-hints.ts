/**
 * Placement hints: how many pods of a name pattern each node should get.
 * The scheduler breaks ties between equally good nodes at random, and its
 * real scores depend on node usage kubesim does not model. A replay sets
 * hints from the placement its transcript shows, so the same pods land on
 * the same nodes. Without hints (the normal case) the scheduler is unchanged.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';

const META_KEY = 'placementHints';
const GENERATED = /^(?:[bcdfghjklmnpqrstvwxz2456789]{5,10}|\d{6,12})$/;

/** Pods still to place per node, for pod names whose masked form is `pattern`. */
export interface PlacementHint {
  /** Pod name with generated segments replaced by `*` (`nginx-deployment-*-*`). */
  pattern: string;
  /** Node name to the number of pods of this pattern it should still get. */
  remaining: Record<string, number>;
}

/** Masks the generated segments at the end of a pod name: `pi-59srm` becomes `pi-*`. */
export function namePattern(name: string): string {
  const parts = name.split('-');
  for (let i = parts.length - 1; i > 0 && GENERATED.test(parts[i]); i--) parts[i] = '*';
  return parts.join('-');
}

/** Replaces the cluster's hints (an empty list removes them). Runs inside the caller's transaction or its own. */
export function setPlacementHints(store: Store, hints: PlacementHint[]): void {
  store.tx(() => store.setMeta(META_KEY, JSON.stringify(hints)));
}

function readHints(store: Store): PlacementHint[] {
  const raw = store.getMeta(META_KEY);
  return raw ? (JSON.parse(raw) as PlacementHint[]) : [];
}

/**
 * Narrows the feasible nodes (by name) to those a hint still expects a pod of
 * this name on. Returns the same array when no hint applies or no hinted node is feasible.
 */
export function hintedNodes<T extends { name: string }>(store: Store, pod: KObject, feasible: T[]): T[] {
  const hint = readHints(store).find((h) => h.pattern === namePattern(pod.metadata.name));
  if (!hint) return feasible;
  const expected = feasible.filter((node) => (hint.remaining[node.name] ?? 0) > 0);
  return expected.length > 0 ? expected : feasible;
}

/** Counts a bound pod against its hint. */
export function notePlacement(store: Store, pod: KObject, nodeName: string): void {
  const hints = readHints(store);
  const hint = hints.find((h) => h.pattern === namePattern(pod.metadata.name));
  if (!hint || !(hint.remaining[nodeName] > 0)) return;
  hint.remaining[nodeName] -= 1;
  store.setMeta(META_KEY, JSON.stringify(hints));
}
