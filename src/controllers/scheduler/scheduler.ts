/**
 * The default scheduler: binds each unscheduled pod to a feasible node,
 * preferring nodes with fewer pods of the same owner, then fewer pods, with
 * seeded tie-breaks. A pod that fits nowhere stays Pending with the
 * scheduler's FailedScheduling message and is retried when nodes or pods change.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext } from '../../engine/controller.js';
import { splitKey } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { isoTime, ownerUidOf, type Store } from '../../store/store.js';
import { copyForWrite } from '../write-copy.js';
import { podRequests } from '../../api/quantity.js';
import { markBinding } from '../../api/admission.js';
import { calculateNodeInfo, findFitMiss, type NodeInfo } from './node-info.js';
import { readUsage, usageChangeCount } from './usage.js';
import { hintedNodes, notePlacement } from './placement-hints.js';
import { ownerSpread } from './owner-spread.js';

/** Queue key that retries every unscheduled pod. */
export const RETRY_ALL = '*';

const SOURCE = { component: 'default-scheduler' };

let nodeCache: { store?: Store; serial: number; writes: number; nodes: NodeInfo[] } = { serial: -1, writes: -1, nodes: [] };

/** The nodes' fit facts, worked out once per transaction unless a node was written since (callers must not mutate them). */
function listNodeInfos(ctx: ControllerContext): NodeInfo[] {
  const serial = ctx.store.txSerial;
  const writes = ctx.store.writesOf('nodes');
  if (!ctx.store.inTx || nodeCache.store !== ctx.store || nodeCache.serial !== serial || nodeCache.writes !== writes) {
    nodeCache = { store: ctx.store, serial, writes, nodes: ctx.store.list('nodes', undefined, { shared: true }).map(calculateNodeInfo) };
  }
  return nodeCache.nodes;
}

/** A pod's demands on a node: its summed requests, and a key that is equal for pods whose fit checks read equal inputs. */
interface FitInputs {
  req: { cpu: number; memory: number };
  key: string;
}

/**
 * Collects everything findFitMiss reads from a pod. Two pods with equal keys
 * get the same verdict from every node while the nodes and their usage stay the same.
 */
function calculateFitInputs(pod: KObject): FitInputs {
  const req = podRequests(pod);
  const spec = pod.spec ?? {};
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  return { req, key: `${req.cpu}|${req.memory}|${JSON.stringify([spec.tolerations, spec.nodeSelector, terms])}` };
}

/** Fit inputs of the store's shared pods, which never change in place (a write replaces the object). */
const sharedFitInputs = new WeakMap<KObject, FitInputs>();

function sharedPodFitInputs(pod: KObject): FitInputs {
  let fit = sharedFitInputs.get(pod);
  if (!fit) sharedFitInputs.set(pod, (fit = calculateFitInputs(pod)));
  return fit;
}

/** Joins per-node reasons the way the scheduler's FitError does: counted, sorted. */
function fitErrorMessage(total: number, misses: Map<string, number>): string {
  const parts = [...misses.entries()].map(([text, n]) => `${n} ${text}`).sort();
  return `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

/**
 * FailedScheduling messages by fit key, for one transaction, one node list and
 * one state of the nodes' usage. A pod whose key failed earlier fails again with
 * the same message until a bind, a finished or removed pod, or a node write.
 */
interface FailureMemo {
  store?: Store;
  serial: number;
  nodes: NodeInfo[];
  usageChanges: number;
  messages: Map<string, string>;
}

const NO_MEMO: FailureMemo = { serial: -1, nodes: [], usageChanges: -1, messages: new Map() };
let failureMemo = NO_MEMO;

/**
 * Returns the failure messages still valid for `nodes` and the current usage.
 * A rolled-back reconcile restores usage without counting a change. The engine
 * rolls back only a reconcile that throws, so reconcile clears the memo then.
 */
function currentFailureMessages(ctx: ControllerContext, nodes: NodeInfo[]): Map<string, string> | undefined {
  if (!ctx.store.inTx) return undefined;
  const m = failureMemo;
  const usageChanges = usageChangeCount();
  if (m.store !== ctx.store || m.serial !== ctx.store.txSerial || m.nodes !== nodes || m.usageChanges !== usageChanges) {
    failureMemo = { store: ctx.store, serial: ctx.store.txSerial, nodes, usageChanges, messages: new Map() };
  }
  return failureMemo.messages;
}

/** The fields of a pod that binding or marking it unschedulable changes (binding also sets spec.nodeName). */
const POD_WRITTEN = ['status'];

/**
 * Binds `pod` to the best feasible node or records why none fits. The pod is
 * the store's shared object, which is copied before a write.
 * A failure already known for the pod's fit inputs skips the node checks.
 */
function schedulePod(ctx: ControllerContext, pod: KObject, nodes: NodeInfo[]): void {
  const fit = sharedPodFitInputs(pod);
  const memo = currentFailureMessages(ctx, nodes);
  const known = memo?.get(fit.key);
  if (known !== undefined) {
    markUnschedulable(ctx, pod, known);
    return;
  }
  const feasible: KObject[] = [];
  const misses = new Map<string, number>();
  for (const info of nodes) {
    const miss = findFitMiss(pod, info, fit.req, ctx.store);
    if (miss) misses.set(miss, (misses.get(miss) ?? 0) + 1);
    else feasible.push(info.node);
  }
  if (feasible.length === 0) {
    const message = fitErrorMessage(nodes.length, misses);
    memo?.set(fit.key, message);
    markUnschedulable(ctx, pod, message);
    return;
  }
  const owner = ownerUidOf(pod);
  const spread = owner ? ownerSpread(ctx.store, owner) : undefined;
  let best: KObject[] = [];
  let bestScore = Infinity;
  for (const node of hintedNodes(ctx.store, pod, feasible)) {
    const name = node.metadata.name;
    const score = (spread?.get(name) ?? 0) * 1_000_000 + readUsage(ctx.store, name).pods;
    if (score < bestScore) {
      bestScore = score;
      best = [node];
    } else if (score === bestScore) best.push(node);
  }
  const chosen = best[best.length === 1 ? 0 : ctx.random() % best.length];
  const target = copyForWrite(pod, POD_WRITTEN);
  // Binding sets spec.nodeName.
  target.spec = { ...pod.spec };
  bind(ctx, target, chosen.metadata.name);
  notePlacement(ctx.store, target, chosen.metadata.name);
}

function bind(ctx: ControllerContext, pod: KObject, nodeName: string): void {
  pod.spec.nodeName = nodeName;
  pod.status ??= {};
  pod.status.phase ??= 'Pending';
  pod.status.qosClass ??= qosClass(pod);
  setScheduledCondition(pod, 'True', undefined, undefined, ctx.now());
  markBinding(pod);
  const bound = ctx.store.update('pods', pod, { owned: true });
  recordEvent(ctx.store, bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, SOURCE);
}

function markUnschedulable(ctx: ControllerContext, shared: KObject, message: string): void {
  const prev = (shared.status?.conditions ?? []).find((c: any) => c.type === 'PodScheduled');
  if (prev?.status === 'False' && prev.message === message) return;
  const pod = copyForWrite(shared, POD_WRITTEN);
  pod.status ??= {};
  pod.status.phase = 'Pending';
  pod.status.qosClass ??= qosClass(pod);
  setScheduledCondition(pod, 'False', 'Unschedulable', message, ctx.now());
  const updated = ctx.store.update('pods', pod, { owned: true });
  recordEvent(ctx.store, updated, 'Warning', 'FailedScheduling', message, SOURCE);
}

function setScheduledCondition(pod: KObject, status: string, reason: string | undefined, message: string | undefined, now: number): void {
  const conditions = (pod.status.conditions ?? []).filter((c: any) => c.type !== 'PodScheduled');
  const c: any = { lastProbeTime: null, lastTransitionTime: isoTime(now), status, type: 'PodScheduled' };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  conditions.push(c);
  pod.status.conditions = conditions;
}

/** QoS class from requests and limits (Guaranteed, Burstable, BestEffort). */
export function qosClass(pod: KObject): string {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec?.containers ?? []) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (!lim[r] || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function schedule(ctx: ControllerContext, key: string): void {
  const nodes = listNodeInfos(ctx);
  if (key === RETRY_ALL) {
    for (const pod of ctx.store.listUnscheduledPods()) if (!pod.metadata.deletionTimestamp) schedulePod(ctx, pod, nodes);
    return;
  }
  const [ns, name] = splitKey(key);
  const pod = ctx.store.get('pods', ns, name, { shared: true });
  if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
  schedulePod(ctx, pod, nodes);
}

export const scheduler: Controller = {
  name: 'scheduler',
  watches: {
    pods: (obj, old) => {
      if (obj && !obj.spec?.nodeName && !obj.metadata.deletionTimestamp) return `${obj.metadata.namespace}/${obj.metadata.name}`;
      if (!obj && old?.spec?.nodeName) return RETRY_ALL;
      return undefined;
    },
    nodes: () => RETRY_ALL,
  },
  reconcile(ctx, key) {
    try {
      schedule(ctx, key);
    } catch (err) {
      // The savepoint around this reconcile rolls back its binds, which the caches counted.
      failureMemo = NO_MEMO;
      throw err;
    }
  },
};
