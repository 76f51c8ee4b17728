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
import { cloneJson, ownerUidOf } from '../../store/store.js';
import { cpuMillis, parseQuantity, podRequests } from '../../api/quantity.js';
import { isNodeReady, matchesNodeSelector, tolerates, untoleratedTaint } from './fit.js';
import { readUsage } from './usage.js';
import { hintedNodes, notePlacement } from './placement-hints.js';

/** Queue key that retries every unscheduled pod. */
export const RETRY_ALL = '*';

const SOURCE = { component: 'default-scheduler' };

let spreadCache: { serial: number; counts: Map<string, Map<string, number>> } = { serial: -1, counts: new Map() };

/** Pods of one owner per node, cached for one transaction and updated as this process binds. */
function ownerSpread(ctx: ControllerContext, owner: string): Map<string, number> {
  if (spreadCache.serial !== ctx.store.txSerial) spreadCache = { serial: ctx.store.txSerial, counts: new Map() };
  let m = spreadCache.counts.get(owner);
  if (!m) {
    m = new Map();
    const rows = ctx.store.db
      .prepare("SELECT node, count(*) AS n FROM objects WHERE owner = ? AND resource = 'pods' AND node IS NOT NULL GROUP BY node")
      .all(owner) as { node: string; n: number }[];
    for (const r of rows) m.set(r.node, r.n);
    spreadCache.counts.set(owner, m);
  }
  return m;
}

let nodeCache: { serial: number; writes: number; nodes: KObject[] } = { serial: -1, writes: -1, nodes: [] };

/** The node list, decoded once per transaction unless a node was written since (callers must not mutate it). */
function listNodes(ctx: ControllerContext): KObject[] {
  const serial = ctx.store.txSerial;
  const writes = ctx.store.writesOf('nodes');
  if (!ctx.store.inTx || nodeCache.serial !== serial || nodeCache.writes !== writes) {
    nodeCache = { serial, writes, nodes: ctx.store.list('nodes') };
  }
  return nodeCache.nodes;
}

interface Miss {
  reason: string;
}

function checkNode(pod: KObject, node: KObject, req: { cpu: number; memory: number }, ctx: ControllerContext): Miss | undefined {
  if (!isNodeReady(node)) return { reason: "1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }" };
  if (node.spec?.unschedulable && !tolerates(pod.spec?.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
    return { reason: '1 node(s) were unschedulable' };
  }
  const taint = untoleratedTaint(pod, node);
  if (taint) return { reason: `1 node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}` };
  if (!matchesNodeSelector(pod, node)) return { reason: "1 node(s) didn't match Pod's node affinity/selector" };
  const used = readUsage(ctx.store, node.metadata.name);
  const alloc = node.status?.allocatable ?? {};
  if (used.pods + 1 > Number(alloc.pods ?? 110)) return { reason: '1 Too many pods' };
  if (req.cpu > 0 && used.cpu + req.cpu > cpuMillis(alloc.cpu)) return { reason: '1 Insufficient cpu' };
  if (req.memory > 0 && used.memory + req.memory > parseQuantity(alloc.memory)) return { reason: '1 Insufficient memory' };
  return undefined;
}

/** Joins per-node reasons the way the scheduler's FitError does: counted, sorted. */
function fitErrorMessage(total: number, misses: string[]): string {
  const counts = new Map<string, number>();
  for (const m of misses) {
    const text = m.replace(/^1 /, '');
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const parts = [...counts.entries()].map(([text, n]) => `${n} ${text}`).sort();
  return `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
}

function schedulePod(ctx: ControllerContext, pod: KObject, nodes: KObject[]): void {
  const req = podRequests(pod);
  const feasible: KObject[] = [];
  const misses: string[] = [];
  for (const node of nodes) {
    const miss = checkNode(pod, node, req, ctx);
    if (miss) misses.push(miss.reason);
    else feasible.push(node);
  }
  if (feasible.length === 0) {
    markUnschedulable(ctx, pod, fitErrorMessage(nodes.length, misses));
    return;
  }
  const owner = ownerUidOf(pod);
  const spread = owner ? ownerSpread(ctx, owner) : undefined;
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
  bind(ctx, pod, chosen.metadata.name);
  notePlacement(ctx.store, pod, chosen.metadata.name);
  if (owner) spread!.set(chosen.metadata.name, (spread!.get(chosen.metadata.name) ?? 0) + 1);
}

function bind(ctx: ControllerContext, pod: KObject, nodeName: string): void {
  pod.spec.nodeName = nodeName;
  pod.status ??= {};
  pod.status.phase ??= 'Pending';
  pod.status.qosClass ??= qosClass(pod);
  setScheduledCondition(pod, 'True', undefined, undefined, ctx.now());
  const bound = ctx.store.update('pods', pod);
  recordEvent(ctx.store, bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, SOURCE);
}

function markUnschedulable(ctx: ControllerContext, pod: KObject, message: string): void {
  const prev = (pod.status?.conditions ?? []).find((c: any) => c.type === 'PodScheduled');
  if (prev?.status === 'False' && prev.message === message) return;
  pod.status ??= {};
  pod.status.phase = 'Pending';
  pod.status.qosClass ??= qosClass(pod);
  setScheduledCondition(pod, 'False', 'Unschedulable', message, ctx.now());
  const updated = ctx.store.update('pods', pod);
  recordEvent(ctx.store, updated, 'Warning', 'FailedScheduling', message, SOURCE);
}

function setScheduledCondition(pod: KObject, status: string, reason: string | undefined, message: string | undefined, now: number): void {
  const conditions = (pod.status.conditions ?? []).filter((c: any) => c.type !== 'PodScheduled');
  const c: any = { lastProbeTime: null, lastTransitionTime: new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z'), status, type: 'PodScheduled' };
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
    const nodes = listNodes(ctx);
    if (key === RETRY_ALL) {
      for (const pod of ctx.store.listUnscheduledPods()) if (!pod.metadata.deletionTimestamp) schedulePod(ctx, cloneJson(pod), nodes);
      return;
    }
    const [ns, name] = splitKey(key);
    const pod = ctx.store.get('pods', ns, name);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) return;
    schedulePod(ctx, pod, nodes);
  },
};
