/**
 * The ReplicaSet controller, which also serves ReplicationControllers: keeps
 * `spec.replicas` active pods matching the selector, creating pods from the
 * template and deleting the cheapest ones first, and reports status.
 *
 * Keys are `ns/name` of the owner, `adopt:ns/name` when the owner should
 * also look for orphans to adopt (it is new, its selector changed, or an
 * orphan appeared), or `pod:ns/name` for a write to a pod without a controller,
 * which wakes every owner whose selector matches it for adoption.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext } from '../../engine/controller.js';
import { keyOf, ownerKeyMapper, splitKey } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { deleteObject } from '../../engine/delete.js';
import { matches } from '../../api/selectors.js';
import { debug } from '../../engine/debug.js';
import { ADOPT_PREFIX, POD_PREFIX, adoptOrphans, claimPods, orphanMapper, ownerMapper, ownerSelector } from './claim.js';
import { choosePodsToDelete } from './rank.js';
import { controllerRef, podFromTemplate } from './pods.js';
import { hasTemplateLabels, podFacts } from './pod-facts.js';
import { activeClaimed, forgetOwnedPods, listViewedPods, viewOwnedPods, type OwnedCounts, type OwnedPods } from './owned-pods.js';
import { calculateReplicaStatus, toStoredStatus, updateReplicaFailure, type ReplicaStatus } from './status.js';
import { jsonEqual } from '../../store/json-equal.js';
import { copyForWrite } from '../write-copy.js';
import { requeueRateLimited } from '../requeue.js';
import { ApiError } from '../../api/errors.js';
import { NAMESPACE_TERMINATING_CAUSE } from '../../api/namespace-lifecycle.js';

const log = debug('controller:replicaset');

/** SuccessfulCreate: the controller created a pod. */
export const REASON_SUCCESSFUL_CREATE = 'SuccessfulCreate';
/** SuccessfulDelete: the controller deleted a surplus pod. */
export const REASON_SUCCESSFUL_DELETE = 'SuccessfulDelete';
/** FailedCreate: the API rejected a pod built from the template. */
export const REASON_FAILED_CREATE = 'FailedCreate';

/**
 * Pods one sync creates or deletes at most (BurstReplicas in
 * pkg/controller/replicaset/replica_set.go). The pods' writes wake the owner
 * again, and its next sync goes on with the rest.
 */
export const BURST_REPLICAS = 500;

interface Flavor {
  name: string;
  kind: string;
  resource: string;
  component: string;
}


function wakeMatchingOwners(ctx: ControllerContext, flavor: Flavor, key: string): void {
  const [ns, name] = splitKey(key.slice(POD_PREFIX.length));
  const pod = ctx.store.get('pods', ns, name, { shared: true });
  if (!pod || controllerRef(pod)) return;
  // Read only: the store's shared copies.
  for (const owner of ctx.store.list(flavor.resource, ns, { shared: true })) {
    if (matches(ownerSelector(owner), pod.metadata.labels)) ctx.store.enqueue(flavor.name, ADOPT_PREFIX + keyOf(owner));
  }
}

/** Pods in the first batch of a burst of creates (SlowStartInitialBatchSize). */
const SLOW_START_INITIAL_BATCH = 1;

/** Reports whether the API rejected a create because its namespace is being terminated, which the controller treats as no error. */
function isNamespaceTerminating(err: unknown): boolean {
  return err instanceof ApiError && err.causes.some((c) => c.type === NAMESPACE_TERMINATING_CAUSE);
}

/** The pods a burst created, and the message of the first rejected create, if any. */
interface CreateResult {
  created: KObject[];
  failure?: string;
}

/**
 * Creates up to `count` pods from the template in batches of 1, 2, 4, ...
 * (slowStartBatch in pkg/controller/replicaset). Every create of a batch is
 * tried, each rejected one records FailedCreate, and a batch with a
 * rejection ends the burst and requests a retry with backoff, as the
 * controller's failed sync does.
 */
function createPods(ctx: ControllerContext, flavor: Flavor, owner: KObject, count: number): CreateResult {
  const source = { component: flavor.component };
  const created: KObject[] = [];
  let failure: string | undefined;
  let remaining = count;
  for (let batch = Math.min(remaining, SLOW_START_INITIAL_BATCH); batch > 0; batch = Math.min(2 * batch, remaining)) {
    for (let i = 0; i < batch; i++) {
      try {
        const pod = ctx.store.create('pods', podFromTemplate(owner, owner.spec.template), { owned: true });
        created.push(pod);
        recordEvent(ctx.store, owner, 'Normal', REASON_SUCCESSFUL_CREATE, `Created pod: ${pod.metadata.name}`, source);
      } catch (err) {
        if (isNamespaceTerminating(err)) continue;
        recordEvent(ctx.store, owner, 'Warning', REASON_FAILED_CREATE, `Error creating: ${(err as Error).message}`, source);
        log(`create failed ${keyOf(owner)} error=${(err as Error).message}`);
        failure ??= (err as Error).message;
      }
    }
    if (failure !== undefined) {
      requeueRateLimited(ctx, flavor.name, keyOf(owner));
      break;
    }
    remaining -= batch;
  }
  return { created, failure };
}

/** Deletes the `count` cheapest pods; returns the uids of the deleted ones. */
function deletePods(ctx: ControllerContext, flavor: Flavor, owner: KObject, pods: KObject[], count: number): Set<string> {
  const source = { component: flavor.component };
  const deleted = new Set<string>();
  for (const pod of choosePodsToDelete(pods, pods, count)) {
    deleteObject(ctx.store, 'pods', pod.metadata.namespace ?? '', pod.metadata.name);
    deleted.add(pod.metadata.uid!);
    recordEvent(ctx.store, owner, 'Normal', REASON_SUCCESSFUL_DELETE, `Deleted pod: ${pod.metadata.name}`, source);
  }
  return deleted;
}

/**
 * Syncs one owner. Its status counts come from viewOwnedPods, which keeps
 * them current as pods are written, so a sync lists the pods only when it
 * deletes some. Owners that need each pod looked at go through
 * syncOwnerByPods, which does the same steps pod by pod.
 */
function syncOwner(ctx: ControllerContext, flavor: Flavor, key: string, adopt: boolean): void {
  const [ns, name] = splitKey(key);
  const memoKey = `${flavor.name}:${key}`;
  // Read shared: a sync reads its owner, and writeStatus copies what it changes.
  const owner = ctx.store.get(flavor.resource, ns, name, { shared: true });
  if (!owner) {
    forgetOwnedPods(memoKey, ctx.store);
    return;
  }
  const view = viewOwnedPods(ctx.store, memoKey, owner);
  const minReady = owner.spec?.minReadySeconds ?? 0;
  // Releasing pods writes each of them, and minReadySeconds makes availability depend on each pod's ready time, so both walk the pods.
  if (view.counts.releases > 0 || !(minReady <= 0)) return syncOwnerByPods(ctx, flavor, key, owner, adopt, listViewedPods(ctx.store, view).listed);

  // The same steps as syncOwnerByPods, done on the counts.
  const counts = { ...view.counts };

  const adopted = adopt ? adoptOrphans(ctx.store, owner) : [];
  for (const pod of adopted) if (podFacts(pod).active) addActive(counts, pod, view);
  let failure: string | undefined;
  if (!owner.metadata.deletionTimestamp) {
    const diff = counts.active - (owner.spec?.replicas ?? 1);
    if (diff < 0) {
      const result = createPods(ctx, flavor, owner, Math.min(-diff, BURST_REPLICAS));
      for (const pod of result.created) addActive(counts, pod, view);
      failure = result.failure;
    } else if (diff > 0) {
      const active = activeClaimed(listViewedPods(ctx.store, view, adopted));
      for (const pod of adopted) if (podFacts(pod).active) active.push(pod);
      const deleted = deletePods(ctx, flavor, owner, active, Math.min(diff, BURST_REPLICAS));
      for (const pod of active) if (deleted.has(pod.metadata.uid!)) addActive(counts, pod, view, -1);
    }
  }

  const status = {
    replicas: counts.active,
    fullyLabeledReplicas: counts.fully,
    readyReplicas: counts.ready,
    // Without minReadySeconds, every Ready pod is available.
    availableReplicas: counts.ready,
    observedGeneration: owner.metadata.generation ?? 1,
  };
  writeStatus(ctx, flavor, owner, status, failure);
}

/** Adds (sign 1) or removes (sign -1) an active pod in the status counts. */
function addActive(counts: OwnedCounts, pod: KObject, view: OwnedPods, sign = 1): void {
  const facts = podFacts(pod);
  counts.active += sign;
  if (hasTemplateLabels(pod, facts, view.template)) counts.fully += sign;
  if (facts.ready) counts.ready += sign;
}

/** Syncs an owner by walking its pods: claims them (releasing and adopting), scales, and computes status per pod. */
function syncOwnerByPods(ctx: ControllerContext, flavor: Flavor, key: string, owner: KObject, adopt: boolean, listed: KObject[]): void {
  const claimed = claimPods(ctx.store, owner, adopt, listed);
  let active = claimed.filter((p) => podFacts(p).active);

  // Scale to spec.replicas, unless the owner is being deleted.
  let failure: string | undefined;
  if (!owner.metadata.deletionTimestamp) {
    const diff = active.length - (owner.spec?.replicas ?? 1);
    if (diff < 0) {
      const result = createPods(ctx, flavor, owner, Math.min(-diff, BURST_REPLICAS));
      active = [...active, ...result.created];
      failure = result.failure;
    } else if (diff > 0) {
      const deleted = deletePods(ctx, flavor, owner, active, Math.min(diff, BURST_REPLICAS));
      active = active.filter((p) => !deleted.has(p.metadata.uid!));
    }
  }

  const { status, nextAvailableAt } = calculateReplicaStatus(owner, active, ctx.now());
  writeStatus(ctx, flavor, owner, status, failure);
  if (nextAvailableAt !== undefined) ctx.wakeAt(nextAvailableAt, key);
}

/**
 * Writes the owner's status when its stored form differs. `failure` is the
 * message of this sync's rejected create, which sets the ReplicaFailure
 * condition. `owner` is the store's shared object, which the write copies.
 */
function writeStatus(ctx: ControllerContext, flavor: Flavor, owner: KObject, status: ReplicaStatus, failure: string | undefined): void {
  const stored = updateReplicaFailure(toStoredStatus(status, owner.status), failure, ctx.now());
  if (jsonEqual(stored, owner.status ?? {})) return;
  const updated = copyForWrite(owner, []);
  updated.status = stored;
  ctx.store.update(flavor.resource, updated, { owned: true });
}

function makeController(flavor: Flavor): Controller {
  const owned = ownerKeyMapper(flavor.kind);
  return {
    name: flavor.name,
    watches: {
      [flavor.resource]: ownerMapper,
      pods: (obj, old) => {
        const keys = owned(obj, old) as string[];
        const orphan = orphanMapper(obj, old);
        if (orphan) keys.push(orphan as string);
        return keys;
      },
    },
    reconcile(ctx, key) {
      if (key.startsWith(POD_PREFIX)) wakeMatchingOwners(ctx, flavor, key);
      else if (key.startsWith(ADOPT_PREFIX)) syncOwner(ctx, flavor, key.slice(ADOPT_PREFIX.length), true);
      else syncOwner(ctx, flavor, key, false);
    },
  };
}

/** Keeps ReplicaSets' pods at spec.replicas. */
export const replicaSetController = makeController({
  name: 'replicaset',
  kind: 'ReplicaSet',
  resource: 'replicasets',
  component: 'replicaset-controller',
});

/** Keeps ReplicationControllers' pods at spec.replicas. */
export const replicationControllerController = makeController({
  name: 'replicationcontroller',
  kind: 'ReplicationController',
  resource: 'replicationcontrollers',
  component: 'replication-controller',
});
