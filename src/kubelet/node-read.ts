/**
 * The kubelet's read of a pod's node. Every pod sync reads its node, and
 * only the first pull of an image on that node changes it, so syncs share
 * the store's cached node instead of copying it, and copy it only to write.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { cloneJson } from '../store/store.js';

/** Nodes by name for each list the store handed out; the store returns the same array until a node is written. */
const byList = new WeakMap<KObject[], Map<string, KObject>>();

/**
 * Returns the store's own object for a node (see ListOptions.shared): the
 * caller must not change it. Inside a transaction, this costs a map lookup
 * while no node was written.
 */
export function sharedNode(store: Store, name: string): KObject | undefined {
  const nodes = store.list('nodes', undefined, { shared: true });
  let index = byList.get(nodes);
  if (!index) {
    index = new Map();
    for (const node of nodes) index.set(node.metadata.name, node);
    byList.set(nodes, index);
  }
  return index.get(name);
}

/**
 * The node that one pod sync reads: the shared object until the sync changes
 * it, then the sync's own copy, which later steps of the same sync read.
 */
export class NodeView {
  private own = false;

  constructor(private node: KObject) {}

  /** The node to read, with this sync's changes so far. */
  get current(): KObject {
    return this.node;
  }

  /** Whether this sync changed the node and must write it. */
  get changed(): boolean {
    return this.own;
  }

  /** Returns the sync's own copy of the node to change. */
  mutable(): KObject {
    if (!this.own) {
      this.node = cloneJson(this.node);
      this.own = true;
    }
    return this.node;
  }
}
