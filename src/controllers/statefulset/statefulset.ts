/**
 * The StatefulSet controller. Pods `<set>-0 … <set>-(N-1)` keep stable
 * names, hostnames and claims. OrderedReady starts one pod at a time, each
 * Running and Ready before the next, and scales down from the highest
 * ordinal; Parallel does both at once. RollingUpdate replaces pods from the
 * highest ordinal down to the partition, OnDelete waits for deletions, and
 * each template is recorded as a ControllerRevision.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext } from '../../engine/controller.js';
import { ownerKeyMapper, splitKey } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { ApiError } from '../../api/errors.js';
import { NAMESPACE_TERMINATING_CAUSE } from '../../api/namespace-lifecycle.js';
import { requeueRateLimited } from '../requeue.js';
import { deleteObject } from '../../engine/delete.js';
import { cleanupRevisions, listRevisions, revisionTemplate, updateCurrentRevision } from '../history/revisions.js';
import { isPodAvailable, isPodReady, nextAvailableAt } from '../podutil/pod-state.js';
import { buildClaim, buildStatefulPod, claimName, ordinalOf, startOrdinal } from './identity.js';
import { calculateStatus } from './status.js';
import { ADOPT_PREFIX, POD_PREFIX, orphanMapper, ownerMapper } from '../replicaset/claim.js';
import { claimStatefulPods, wakeClaimingSets } from './claim.js';

const SOURCE = { component: 'statefulset-controller' };

/** Event reasons. */
const SUCCESSFUL_CREATE = 'SuccessfulCreate'; // a pod or claim was created
const SUCCESSFUL_DELETE = 'SuccessfulDelete'; // a pod was deleted (scale-down, update, failure)
const FAILED_CREATE = 'FailedCreate'; // the API rejected a pod (a quota, for example)
/** How long (ms) a set whose pod name is taken by a pod it does not own waits before trying again. */
const NAME_TAKEN_RETRY_MS = 10_000;

function runningAndReady(pod: KObject): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** Reports whether the pod runs and has been Ready for minReadySeconds at `now` (isRunningAndAvailable). */
function runningAndAvailable(pod: KObject, minReadySeconds: number, now: number): boolean {
  return pod.status?.phase === 'Running' && isPodAvailable(pod, minReadySeconds, now);
}

function createClaims(ctx: ControllerContext, sts: KObject, ordinal: number, pod: string): void {
  for (const t of sts.spec?.volumeClaimTemplates ?? []) {
    const name = claimName(t, sts, ordinal);
    if (ctx.store.get('persistentvolumeclaims', sts.metadata.namespace ?? '', name)) continue;
    const claim = buildClaim(sts, t, ordinal);
    // persistentVolumeClaimRetentionPolicy.whenDeleted: Delete hands the claim to the garbage collector with the set.
    if (sts.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') {
      claim.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: sts.metadata.name, uid: sts.metadata.uid!, controller: true, blockOwnerDeletion: true }];
    }
    ctx.store.create('persistentvolumeclaims', claim);
    recordEvent(ctx.store, sts, 'Normal', SUCCESSFUL_CREATE, `create Claim ${name} Pod ${pod} in StatefulSet ${sts.metadata.name} success`, SOURCE);
  }
}

interface Revisions {
  current: KObject;
  update: KObject;
}

/**
 * Creates an ordinal's claims and pod. Returns false when a pod of that name
 * exists without belonging to the set (released, or made by hand): the
 * controller sinks that AlreadyExists without an event and retries later
 * (StatefulPodControl.CreateStatefulPod).
 */
function createPod(ctx: ControllerContext, sts: KObject, ordinal: number, revs: Revisions): boolean {
  const partition = sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  const rolling = sts.spec?.updateStrategy?.type !== 'OnDelete';
  const rev = rolling && ordinal < partition ? revs.current : revs.update;
  const pod = buildStatefulPod(sts, revisionTemplate(rev), ordinal, rev.metadata.name, ctx.settings.version);
  createClaims(ctx, sts, ordinal, pod.metadata.name);
  if (ctx.store.exists('pods', pod.metadata.namespace ?? '', pod.metadata.name)) {
    // Simplified: the workqueue retries a failed sync with exponential backoff (5 ms doubling up to 1000 s).
    ctx.wakeAt(ctx.now() + NAME_TAKEN_RETRY_MS, `${sts.metadata.namespace ?? ''}/${sts.metadata.name}`);
    return false;
  }
  try {
    ctx.store.create('pods', pod);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.causes.some((c) => c.type === NAMESPACE_TERMINATING_CAUSE)) return false;
    recordEvent(ctx.store, sts, 'Warning', FAILED_CREATE, `create Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} failed error: ${err.message}`, SOURCE);
    requeueRateLimited(ctx, 'statefulset', `${sts.metadata.namespace ?? ''}/${sts.metadata.name}`);
    return false;
  }
  recordEvent(ctx.store, sts, 'Normal', SUCCESSFUL_CREATE, `create Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`, SOURCE);
  return true;
}

function deletePod(ctx: ControllerContext, sts: KObject, pod: KObject): void {
  deleteObject(ctx.store, 'pods', pod.metadata.namespace ?? '', pod.metadata.name);
  recordEvent(ctx.store, sts, 'Normal', SUCCESSFUL_DELETE, `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`, SOURCE);
}

/**
 * Creates missing replicas in ordinal order. Returns false when an
 * OrderedReady set must wait, because a pod was just created, is
 * terminating, or is not yet Running and available.
 */
function syncReplicas(ctx: ControllerContext, sts: KObject, byOrdinal: Map<number, KObject>, revs: Revisions, monotonic: boolean): boolean {
  const start = startOrdinal(sts);
  const end = start + (sts.spec?.replicas ?? 1);
  for (let ord = start; ord < end; ord++) {
    const pod = byOrdinal.get(ord);
    if (!pod) {
      const created = createPod(ctx, sts, ord, revs);
      if (monotonic || !created) return false;
      continue;
    }
    if (pod.metadata.deletionTimestamp) {
      if (monotonic) return false;
      continue;
    }
    if (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded') {
      deletePod(ctx, sts, pod);
      if (monotonic) return false;
      continue;
    }
    // An OrderedReady set creates the next ordinal only once this one is available (minReadySeconds).
    if (monotonic && !runningAndAvailable(pod, sts.spec?.minReadySeconds ?? 0, ctx.now())) return false;
  }
  return true;
}

/** Deletes pods beyond the replica count, highest first and one at a time for OrderedReady; returns false while waiting. */
function scaleDown(ctx: ControllerContext, sts: KObject, pods: KObject[], monotonic: boolean): boolean {
  const start = startOrdinal(sts);
  const end = start + (sts.spec?.replicas ?? 1);
  const condemned = pods.filter((p) => ordinalOf(sts, p) >= end || ordinalOf(sts, p) < start).sort((a, b) => ordinalOf(sts, b) - ordinalOf(sts, a));
  if (condemned.length === 0) return true;
  for (const pod of condemned) {
    if (pod.metadata.deletionTimestamp) {
      if (monotonic) return false;
      continue;
    }
    deletePod(ctx, sts, pod);
    if (sts.spec?.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete') deleteClaims(ctx, sts, ordinalOf(sts, pod));
    if (monotonic) return false;
  }
  return false;
}

/** Deletes an ordinal's claims (whenScaled: Delete); pvc-protection keeps each until its pod is gone. */
function deleteClaims(ctx: ControllerContext, sts: KObject, ordinal: number): void {
  for (const t of sts.spec?.volumeClaimTemplates ?? []) {
    const name = claimName(t, sts, ordinal);
    if (ctx.store.get('persistentvolumeclaims', sts.metadata.namespace ?? '', name)) deleteObject(ctx.store, 'persistentvolumeclaims', sts.metadata.namespace ?? '', name);
  }
}

/** Replaces one out-of-date pod at a time, from the highest ordinal down to the partition. */
function rollingUpdate(ctx: ControllerContext, sts: KObject, byOrdinal: Map<number, KObject>, update: KObject): void {
  if (sts.spec?.updateStrategy?.type === 'OnDelete') return;
  const start = startOrdinal(sts);
  const end = start + (sts.spec?.replicas ?? 1);
  const partition = Math.max(start, sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0);
  for (let ord = end - 1; ord >= partition; ord--) {
    const pod = byOrdinal.get(ord);
    if (!pod || pod.metadata.deletionTimestamp) return;
    if (pod.metadata.labels?.['controller-revision-hash'] !== update.metadata.name) {
      deletePod(ctx, sts, pod);
      return;
    }
    if (!runningAndReady(pod)) return;
  }
}

function syncStatefulSet(ctx: ControllerContext, sts: KObject, adopt: boolean): void {
  if (sts.metadata.deletionTimestamp) return;
  const ns = sts.metadata.namespace ?? 'default';
  const revisions = listRevisions(ctx, sts);
  const update = updateCurrentRevision(ctx, sts, revisions);
  const current = revisions.find((r) => r.metadata.name === sts.status?.currentRevision) ?? update;
  const revs = { current, update };
  const monotonic = sts.spec?.podManagementPolicy !== 'Parallel';

  const pods = claimStatefulPods(ctx, sts, adopt);
  const byOrdinal = new Map(pods.map((p) => [ordinalOf(sts, p), p] as [number, KObject]));
  if (syncReplicas(ctx, sts, byOrdinal, revs, monotonic) && scaleDown(ctx, sts, pods, monotonic)) {
    rollingUpdate(ctx, sts, byOrdinal, update);
  }

  const live = ctx.store.list('pods', ns, { owner: sts.metadata.uid! });
  const status = calculateStatus(sts, live, current.metadata.name, update.metadata.name, ctx.now());
  wakeWhenAvailable(ctx, sts, live);
  cleanupRevisions(ctx, sts, listRevisions(ctx, sts), update, new Set([status.currentRevision, ...live.map((p) => p.metadata.labels?.['controller-revision-hash'] ?? '')].map((n) => n.slice(n.lastIndexOf('-') + 1))));
  if (JSON.stringify(status) === JSON.stringify(sts.status ?? {})) return;
  const fresh = ctx.store.get('statefulsets', ns, sts.metadata.name);
  if (!fresh) return;
  fresh.status = status;
  ctx.store.update('statefulsets', fresh);
}

/**
 * Wakes the set when its next ready pod has been ready for minReadySeconds,
 * so availableReplicas counts it then. The controller requeues the set after
 * minReadySeconds while some ready replicas are not yet available.
 */
function wakeWhenAvailable(ctx: ControllerContext, sts: KObject, live: KObject[]): void {
  const minReady = sts.spec?.minReadySeconds ?? 0;
  if (minReady <= 0) return;
  const next = nextAvailableAt(live.filter((p) => !p.metadata.deletionTimestamp), minReady, ctx.now());
  if (next !== undefined) ctx.wakeAt(next, `${sts.metadata.namespace ?? ''}/${sts.metadata.name}`);
}

const owned = ownerKeyMapper('StatefulSet');

export const statefulSetController: Controller = {
  name: 'statefulset',
  watches: {
    statefulsets: ownerMapper,
    pods: (obj, old) => {
      const keys = owned(obj, old) as string[];
      const orphan = orphanMapper(obj, old);
      if (orphan) keys.push(orphan as string);
      return keys;
    },
  },
  reconcile(ctx, key) {
    if (key.startsWith(POD_PREFIX)) return wakeClaimingSets(ctx, 'statefulset', key);
    const adopt = key.startsWith(ADOPT_PREFIX);
    const [ns, name] = splitKey(adopt ? key.slice(ADOPT_PREFIX.length) : key);
    const sts = ctx.store.get('statefulsets', ns, name);
    if (sts) syncStatefulSet(ctx, sts, adopt);
  },
};
