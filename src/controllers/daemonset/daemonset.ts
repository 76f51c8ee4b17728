/**
 * The DaemonSet controller. It keeps one pod on each eligible node, pinned
 * there by node affinity and bound by the scheduler. A node that joins gets
 * a pod, a node that stops qualifying loses it, and a deleted or failed pod
 * is replaced. Updates follow RollingUpdate or OnDelete, and each template
 * is recorded as a ControllerRevision.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext, WatchMapper } from '../../engine/controller.js';
import { keyOf, ownerKeyMapper, selfMapper, splitKey } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { ApiError } from '../../api/errors.js';
import { NAMESPACE_TERMINATING_CAUSE } from '../../api/namespace-lifecycle.js';
import { requeueRateLimited } from '../requeue.js';
import { deleteObject } from '../../engine/delete.js';
import { cleanupRevisions, listRevisions, revisionHash, updateCurrentRevision } from '../history/revisions.js';
import { controllerRef, isPodActive, isPodAvailable, nextAvailableAt } from '../podutil/pod-state.js';
import { addDaemonTolerations, daemonPodNode, nodeShouldRunDaemonPod, pinToNode } from './eligibility.js';
import { calculateBudgets, planRollingUpdate, type NodePods } from './rolling.js';
import { calculateStatus } from './status.js';

/** Queue key that re-syncs every DaemonSet (a node changed). */
const ALL = '*';
const SOURCE = { component: 'daemonset-controller' };

/** Event reasons. */
const SUCCESSFUL_CREATE = 'SuccessfulCreate'; // a daemon pod was created
const SUCCESSFUL_DELETE = 'SuccessfulDelete'; // a daemon pod was deleted
const FAILED_CREATE = 'FailedCreate'; // the API rejected a daemon pod (a quota, for example)
const FAILED_DAEMON_POD = 'FailedDaemonPod'; // a daemon pod failed and is being replaced

/** Maps node writes that can change placement (join, leave, labels, taints, health) to a full re-sync. */
const nodeMapper: WatchMapper = (obj, old) => {
  if (!obj || !old) return ALL;
  const shape = (n: KObject) => JSON.stringify([n.metadata.labels, n.spec?.taints, n.spec?.unschedulable, (n.status?.conditions ?? []).map((c: any) => c.status)]);
  return shape(obj) === shape(old) ? undefined : ALL;
};

function hashOf(pod: KObject): string | undefined {
  return pod.metadata.labels?.['controller-revision-hash'];
}

function createDaemonPod(ctx: ControllerContext, ds: KObject, nodeName: string, hash: string): void {
  const template = structuredClone(ds.spec.template ?? {});
  const spec = template.spec ?? {};
  addDaemonTolerations(spec, ctx.settings.version);
  pinToNode(spec, nodeName);
  const generation = ds.metadata.annotations?.['deprecated.daemonset.template.generation'] ?? String(ds.metadata.generation ?? 1);
  const labels = { ...(template.metadata?.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': generation };
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels,
      ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      ownerReferences: [controllerRef(ds)],
    } as any,
    spec,
  };
  let created: KObject;
  try {
    created = ctx.store.create('pods', pod);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.causes.some((c) => c.type === NAMESPACE_TERMINATING_CAUSE)) return;
    recordEvent(ctx.store, ds, 'Warning', FAILED_CREATE, `Error creating: ${err.message}`, SOURCE);
    requeueRateLimited(ctx, 'daemonset', keyOf(ds));
    return;
  }
  recordEvent(ctx.store, ds, 'Normal', SUCCESSFUL_CREATE, `Created pod: ${created.metadata.name}`, SOURCE);
}

function deleteDaemonPod(ctx: ControllerContext, ds: KObject, pod: KObject): void {
  if (pod.metadata.deletionTimestamp) return;
  deleteObject(ctx.store, 'pods', pod.metadata.namespace ?? '', pod.metadata.name);
  recordEvent(ctx.store, ds, 'Normal', SUCCESSFUL_DELETE, `Deleted pod: ${pod.metadata.name}`, SOURCE);
}

function byAge(a: KObject, b: KObject): number {
  return String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || a.metadata.name.localeCompare(b.metadata.name);
}

/** Syncs one DaemonSet: revisions, pods per node, the update strategy, then status. */
function syncDaemonSet(ctx: ControllerContext, ds: KObject): void {
  if (ds.metadata.deletionTimestamp) return;
  const ns = ds.metadata.namespace ?? 'default';
  const revisions = listRevisions(ctx, ds);
  const current = updateCurrentRevision(ctx, ds, revisions);
  const hash = revisionHash(current);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (p: KObject) => isPodAvailable(p, minReady, ctx.now());

  const byNode = new Map<string, KObject[]>();
  const owned = ctx.store.list('pods', ns, { owner: ds.metadata.uid! });
  for (const pod of owned) {
    const node = daemonPodNode(pod);
    if (!node) continue;
    byNode.set(node, [...(byNode.get(node) ?? []), pod]);
  }

  const rolling = ds.spec?.updateStrategy?.type !== 'OnDelete';
  const nodes = ctx.store.list('nodes');
  const placements = nodes.map((n) => ({ node: n, ...nodeShouldRunDaemonPod(ds, n, ctx.settings.version) }));
  const desired = placements.filter((p) => p.shouldRun).length;
  const budgets = calculateBudgets(ds, desired);
  const eligible: NodePods[] = [];
  for (const { node, shouldRun, shouldContinueRunning } of placements) {
    const name = node.metadata.name;
    const pods = (byNode.get(name) ?? []).sort(byAge);
    for (const pod of pods) {
      if (pod.status?.phase === 'Failed' && !pod.metadata.deletionTimestamp) {
        recordEvent(ctx.store, ds, 'Warning', FAILED_DAEMON_POD, `Found failed daemon pod ${ns}/${pod.metadata.name} on node ${name}, will try to kill it`, SOURCE);
        deleteDaemonPod(ctx, ds, pod);
      }
    }
    const active = pods.filter(isPodActive);
    if (!shouldContinueRunning) {
      for (const pod of active) deleteDaemonPod(ctx, ds, pod);
      continue;
    }
    const newPods = active.filter((p) => hashOf(p) === hash);
    const oldPods = active.filter((p) => hashOf(p) !== hash);
    if (newPods.length > 1) for (const extra of newPods.splice(1)) deleteDaemonPod(ctx, ds, extra);
    // An old pod may stay next to a new one only while a surge replaces it.
    const keepOld = newPods.length > 0 && !(rolling && budgets.maxSurge > 0) ? 0 : 1;
    for (const extra of oldPods.splice(keepOld)) deleteDaemonPod(ctx, ds, extra);
    if (!shouldRun) continue;
    if (newPods.length === 0 && oldPods.length === 0) createDaemonPod(ctx, ds, name, hash);
    eligible.push({ node: name, newPods, oldPods });
  }

  if (rolling) {
    const plan = planRollingUpdate(eligible, budgets, available);
    for (const pod of plan.deletePods) deleteDaemonPod(ctx, ds, pod);
    for (const node of plan.surgeNodes) createDaemonPod(ctx, ds, node, hash);
  }

  const live = ctx.store.list('pods', ns, { owner: ds.metadata.uid! });
  cleanupRevisions(ctx, ds, listRevisions(ctx, ds), current, new Set(live.map((p) => hashOf(p) ?? '')));
  updateStatus(ctx, ds, live, placements, hash);
  if (minReady > 0) {
    const next = nextAvailableAt(live, minReady, ctx.now());
    if (next !== undefined) ctx.wakeAt(next, keyOf(ds));
  }
}

function updateStatus(ctx: ControllerContext, ds: KObject, pods: KObject[], placements: { node: KObject; shouldRun: boolean }[], hash: string): void {
  const states = placements.map(({ node, shouldRun }) => ({
    shouldRun,
    pods: pods.filter((p) => isPodActive(p) && daemonPodNode(p) === node.metadata.name),
  }));
  const status = calculateStatus(ds, states, hash, ctx.now());
  if (JSON.stringify(status) === JSON.stringify(ds.status ?? {})) return;
  const fresh = ctx.store.get('daemonsets', ds.metadata.namespace ?? '', ds.metadata.name);
  if (!fresh) return;
  fresh.status = status;
  ctx.store.update('daemonsets', fresh);
}

export const daemonSetController: Controller = {
  name: 'daemonset',
  watches: {
    daemonsets: selfMapper,
    pods: ownerKeyMapper('DaemonSet'),
    nodes: nodeMapper,
  },
  reconcile(ctx, key) {
    if (key === ALL) {
      for (const ds of ctx.store.list('daemonsets')) syncDaemonSet(ctx, ds);
      return;
    }
    const [ns, name] = splitKey(key);
    const ds = ctx.store.get('daemonsets', ns, name);
    if (ds) syncDaemonSet(ctx, ds);
  },
};
