/**
 * The scheduler's per-node view: the facts its fit checks read from a node
 * (readiness, cordon, allocatable), worked out once per node version instead
 * of once per pod and node, and the check of one pod against one node.
 */
import type { KObject } from '../../api/types.js';
import { cpuMillis, parseQuantity, podRequests } from '../../api/quantity.js';
import { isNodeReady, matchesNodeSelector, tolerates, type Taint, type Toleration } from './fit.js';
import type { NodeUsage } from './usage.js';

/** The fit facts of one node. `node` is the store's shared object and must not be changed. */
export interface NodeInfo {
  node: KObject;
  name: string;
  ready: boolean;
  unschedulable: boolean;
  /** The NoSchedule and NoExecute taints, in the node's order. PreferNoSchedule only lowers a score, which kubesim does not model. */
  blockingTaints: Taint[];
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
    blockingTaints: ((node.spec?.taints ?? []) as Taint[]).filter((t) => t.effect !== 'PreferNoSchedule'),
    allocatablePods: Number(alloc.pods ?? 110),
    allocatableCpu: cpuMillis(alloc.cpu),
    allocatableMemory: parseQuantity(alloc.memory),
  };
}

/** The pod fields that the fit checks read, worked out once per pod object. */
export interface PodFit {
  /** The pod's summed requests. */
  req: { cpu: number; memory: number };
  tolerations: Toleration[] | undefined;
  /** Whether the pod has a nodeSelector or required node affinity terms. Without them, every node matches. */
  selects: boolean;
}

/** Works out a pod's fit inputs. */
export function calculatePodFit(pod: KObject): PodFit {
  const spec = pod.spec ?? {};
  return {
    req: podRequests(pod),
    tolerations: spec.tolerations,
    selects: spec.nodeSelector != null || spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms !== undefined,
  };
}

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } as const;

/**
 * Returns why `pod` does not fit on a node for a reason other than resources,
 * in the FitError's per-node words without the count ("node(s) were
 * unschedulable"), or undefined. These checks run in the scheduler's filter
 * order and come before the resource checks (findResourceMiss).
 */
export function findNodeMiss(pod: KObject, fit: PodFit, info: NodeInfo): string | undefined {
  if (!info.ready) return 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }';
  if (info.unschedulable && !tolerates(fit.tolerations, UNSCHEDULABLE_TAINT)) return 'node(s) were unschedulable';
  for (const taint of info.blockingTaints) {
    if (!tolerates(fit.tolerations, taint)) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  }
  if (fit.selects && !matchesNodeSelector(pod, info.node)) return "node(s) didn't match Pod's node affinity/selector";
  return undefined;
}

/** Returns why a pod requesting `req` does not fit next to the node's `used` resources ("Too many pods"), or undefined. */
export function findResourceMiss(info: NodeInfo, used: NodeUsage, req: { cpu: number; memory: number }): string | undefined {
  if (used.pods + 1 > info.allocatablePods) return 'Too many pods';
  if (req.cpu > 0 && used.cpu + req.cpu > info.allocatableCpu) return 'Insufficient cpu';
  if (req.memory > 0 && used.memory + req.memory > info.allocatableMemory) return 'Insufficient memory';
  return undefined;
}
