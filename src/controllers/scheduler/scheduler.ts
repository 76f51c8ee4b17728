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
import { markBinding } from '../../api/admission.js';
import { calculateNodeInfo, calculatePodFit, findNodeMiss, findResourceMiss, type NodeInfo, type PodFit } from './node-info.js';
import { readUsage, usageChangeCount } from './usage.js';
import { hintedNodes, notePlacement } from './placement-hints.js';
import { ownerSpread } from './owner-spread.js';

/** Queue key that retries every unscheduled pod. */
export const RETRY_ALL = '*';

const SOURCE = { component: 'default-scheduler' };

let nodeCache: { store?: Store; epoch: number; writes: number; nodes: NodeInfo[] } = { epoch: -1, writes: -1, nodes: [] };

/**
 * Returns the nodes' fit facts (callers must not mutate them). They are worked
 * out again after this process writes a node, and whenever the store's view
 * may be stale (Store.viewEpoch: another process wrote, or a rollback), so
 * one list serves every transaction of a settle.
 */
function listNodeInfos(ctx: ControllerContext): NodeInfo[] {
  const epoch = ctx.store.viewEpoch;
  const writes = ctx.store.writesOf('nodes');
  if (!ctx.store.inTx || nodeCache.store !== ctx.store || nodeCache.epoch !== epoch || nodeCache.writes !== writes) {
    nodeCache = { store: ctx.store, epoch, writes, nodes: ctx.store.list('nodes', undefined, { shared: true }).map(calculateNodeInfo) };
  }
  return nodeCache.nodes;
}

/** A pod's fit inputs, and (once needed) a key that is equal for pods whose fit checks read equal inputs. */
interface FitInputs extends PodFit {
  key?: string;
}

/**
 * Returns the key of everything the fit checks read from a pod. Two pods
 * with equal keys get the same verdict from every node while the nodes and
 * their usage stay the same. Worked out only for the failure memo.
 */
function fitKey(pod: KObject, fit: FitInputs): string {
  if (fit.key === undefined) {
    const spec = pod.spec ?? {};
    const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    fit.key = `${fit.req.cpu}|${fit.req.memory}|${JSON.stringify([spec.tolerations, spec.nodeSelector, terms])}`;
  }
  return fit.key;
}

/**
 * Fit inputs by the spec of the store's shared pods. The fit checks read only
 * the spec, which never changes in place (a write replaces the object). A
 * status write through copyForWrite keeps the spec object, so a pod that fails
 * again after its FailedScheduling write reuses its inputs and memo key.
 */
const sharedFitInputs = new WeakMap<object, FitInputs>();

function sharedPodFitInputs(pod: KObject): FitInputs {
  const spec = pod.spec;
  if (spec === null || typeof spec !== 'object') return calculatePodFit(pod);
  let fit = sharedFitInputs.get(spec);
  if (!fit) sharedFitInputs.set(spec, (fit = calculatePodFit(pod)));
  return fit;
}

/** Joins per-node reasons the way the scheduler's FitError does: counted, sorted. */
function fitErrorMessage(total: number, misses: Map<string, number>): string {
  const parts = [...misses.entries()].map(([text, n]) => `${n} ${text}`).sort();
  // DefaultPreemption tries only the nodes whose filter failure is resolvable (a resource shortage).
  // Simplified: kubesim never preempts, so each of those reports no victims, as it does when no pod
  // there has a lower priority than the incoming one.
  let resolvable = 0;
  for (const [text, n] of misses) if (RESOLVABLE_MISSES.has(text)) resolvable += n;
  const preemption: string[] = [];
  if (total - resolvable > 0) preemption.push(`${total - resolvable} Preemption is not helpful for scheduling`);
  if (resolvable > 0) preemption.push(`${resolvable} No preemption victims found for incoming pod`);
  return `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${preemption.sort().join(', ')}.`;
}

/** Filter failures whose status is Unschedulable rather than UnschedulableAndUnresolvable (NodeResourcesFit's). */
const RESOLVABLE_MISSES = new Set(['Too many pods', 'Insufficient cpu', 'Insufficient memory']);

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
/**
 * Returns the VolumeBinding plugin's PreFilter verdict on a pod's claims: a message
 * when a claim is missing, being deleted or not bound yet, else undefined.
 * Simplified: every claim is taken to bind at once (Immediate binding).
 */
function claimMiss(ctx: ControllerContext, pod: KObject): string | undefined {
  const volumes: any[] | undefined = pod.spec?.volumes;
  if (!volumes) return undefined;
  let unbound = false;
  for (const v of volumes) {
    const name = v?.persistentVolumeClaim?.claimName;
    if (name === undefined) continue;
    const pvc = ctx.store.get('persistentvolumeclaims', pod.metadata.namespace ?? 'default', name);
    if (!pvc) return `persistentvolumeclaim "${name}" not found`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${name}" is being deleted`;
    if (!pvc.spec?.volumeName) unbound = true;
  }
  return unbound ? 'pod has unbound immediate PersistentVolumeClaims' : undefined;
}

function schedulePod(ctx: ControllerContext, pod: KObject, nodes: NodeInfo[]): void {
  const volumeMiss = claimMiss(ctx, pod);
  if (volumeMiss !== undefined) {
    const total = nodes.length;
    markUnschedulable(ctx, pod, `0/${total} nodes are available: ${volumeMiss}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`);
    return;
  }
  const fit = sharedPodFitInputs(pod);
  const memo = currentFailureMessages(ctx, nodes);
  // While pods keep binding the memo stays empty, so the key is worked out only when the memo has entries.
  const known = memo !== undefined && memo.size > 0 ? memo.get(fitKey(pod, fit)) : undefined;
  if (known !== undefined) {
    markUnschedulable(ctx, pod, known);
    return;
  }
  const feasible: NodeInfo[] = [];
  // Pods on each feasible node, read once for both the filter and the score.
  const podCounts: number[] = [];
  const misses = new Map<string, number>();
  for (const info of nodes) {
    let miss = findNodeMiss(pod, fit, info);
    if (miss === undefined) {
      const used = readUsage(ctx.store, info.name);
      miss = findResourceMiss(info, used, fit.req);
      if (miss === undefined) {
        feasible.push(info);
        podCounts.push(used.pods);
        continue;
      }
    }
    misses.set(miss, (misses.get(miss) ?? 0) + 1);
  }
  if (feasible.length === 0) {
    const message = fitErrorMessage(nodes.length, misses);
    memo?.set(fitKey(pod, fit), message);
    markUnschedulable(ctx, pod, message);
    return;
  }
  const owner = ownerUidOf(pod);
  const spread = owner ? ownerSpread(ctx.store, owner) : undefined;
  const candidates = hintedNodes(ctx.store, pod, feasible);
  let best: NodeInfo[] = [];
  let bestScore = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const info = candidates[i];
    const pods = candidates === feasible ? podCounts[i] : readUsage(ctx.store, info.name).pods;
    const score = (spread?.get(info.name) ?? 0) * 1_000_000 + pods;
    if (score < bestScore) {
      bestScore = score;
      best = [info];
    } else if (score === bestScore) best.push(info);
  }
  const chosen = best[best.length === 1 ? 0 : ctx.random() % best.length].name;
  const target = copyForWrite(pod, POD_WRITTEN);
  // Binding sets spec.nodeName, in one copy of the spec.
  target.spec = { ...pod.spec, nodeName: chosen };
  bind(ctx, target, chosen);
  notePlacement(ctx.store, target, chosen);
}

/** Writes the binding of `pod`, whose spec.nodeName is already `nodeName`. */
function bind(ctx: ControllerContext, pod: KObject, nodeName: string): void {
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
    // A claim that is created, bound or removed may decide where a waiting pod can go.
    persistentvolumeclaims: (obj, old) => (obj?.spec?.volumeName === old?.spec?.volumeName && obj && old ? undefined : RETRY_ALL),
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
