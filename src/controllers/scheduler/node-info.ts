/**
 * The scheduler's per-node view: the facts its fit checks read from a node
 * (readiness, cordon, allocatable), worked out once per node version instead
 * of once per pod and node, and the check of one pod against one node.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { cpuMillis, parseQuantity } from '../../api/quantity.js';
import { isNodeReady, matchesNodeSelector, tolerates, untoleratedTaint } from './fit.js';
import { readUsage } from './usage.js';

/** The fit facts of one node. `node` is the store's shared object and must not be changed. */
export interface NodeInfo {
  node: KObject;
  name: string;
  ready: boolean;
  unschedulable: boolean;
  /** Allocatable pod count (110 when the node has none). */
  allocatablePods: number;
  /** Allocatable CPU in millicores. */
  allocatableCpu: number;
  /** Allocatable memory in bytes (NaN when unparsable, which fits no request). */
  allocatableMemory: number;
}

/** Works out the fit facts of one node. */
export function calculateNodeInfo(node: KObject): NodeInfo {
  const alloc = node.status?.allocatable ?? {};
  return {
    node,
    name: node.metadata.name,
    ready: isNodeReady(node),
    unschedulable: Boolean(node.spec?.unschedulable),
    allocatablePods: Number(alloc.pods ?? 110),
    allocatableCpu: cpuMillis(alloc.cpu),
    allocatableMemory: parseQuantity(alloc.memory),
  };
}

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } as const;

/**
 * Returns why `pod` (requesting `req`) does not fit on a node, in the FitError's
 * per-node words without the count ("Too many pods"), or undefined when it fits.
 * The checks run in the scheduler's filter order, so a node reports its first miss.
 */
export function findFitMiss(pod: KObject, info: NodeInfo, req: { cpu: number; memory: number }, store: Store): string | undefined {
  if (!info.ready) return 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }';
  if (info.unschedulable && !tolerates(pod.spec?.tolerations, UNSCHEDULABLE_TAINT)) return 'node(s) were unschedulable';
  const taint = untoleratedTaint(pod, info.node);
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  if (!matchesNodeSelector(pod, info.node)) return "node(s) didn't match Pod's node affinity/selector";
  const used = readUsage(store, info.name);
  if (used.pods + 1 > info.allocatablePods) return 'Too many pods';
  if (req.cpu > 0 && used.cpu + req.cpu > info.allocatableCpu) return 'Insufficient cpu';
  if (req.memory > 0 && used.memory + req.memory > info.allocatableMemory) return 'Insufficient memory';
  return undefined;
}
