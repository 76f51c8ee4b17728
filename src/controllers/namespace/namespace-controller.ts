/**
 * The namespace controller: empties a namespace that is being deleted and
 * then releases it. Keys are namespace names. A terminating namespace is
 * reconciled when it is marked, and again whenever an object in it goes
 * away or loses a finalizer, until nothing is left and the `kubernetes`
 * finalizer comes off.
 */
import type { Controller, ControllerContext, WatchMapper } from '../../engine/controller.js';
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { isoTime } from '../../store/store.js';
import { RESOURCES } from '../../api/registry.js';
import { isTerminating, KUBERNETES_FINALIZER } from '../../api/namespace-lifecycle.js';
import { finalizeNamespace } from '../../engine/delete.js';
import { RunningKey } from '../running-key.js';
import { calculateConditions, type NamespaceCondition } from './conditions.js';
import { deleteAllContent } from './content.js';

/**
 * Seconds after the pods' grace periods have passed that the controller
 * checks them again. The kubelet removes a pod as its grace period ends, so
 * a pod still there a second later is stuck.
 * NOTE: Kubernetes checks again every estimate/2+1 seconds while content
 * remains, so it reports a stuck pod up to that much later.
 */
const POD_CHECK_DELAY_SECONDS = 1;

/**
 * The namespace whose reconcile is running. Its own deletions and status
 * writes do not queue it again, because the pass counted what they left.
 */
const reconciling = new RunningKey();

/** Queues a namespace when it is marked for deletion or its conditions or finalizers change while it terminates. */
const namespaceMapper: WatchMapper = (obj) => {
  if (!obj?.metadata.deletionTimestamp) return undefined;
  return reconciling.exclude([obj.metadata.name]);
};

/** Reports whether two finalizer lists differ. */
function finalizersDiffer(a: string[] | undefined, b: string[] | undefined): boolean {
  if (a === b) return false;
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return true;
  return (a ?? []).some((f, i) => f !== b![i]);
}

/**
 * Queues the namespace of an object that went away or lost a finalizer
 * while being deleted, when that namespace is terminating. Other writes,
 * the most common by far, return before reading anything.
 */
const contentMapper: WatchMapper = (obj, old, store) => {
  let namespace: string | undefined;
  if (!obj) namespace = old?.metadata.namespace;
  else if (old && obj.metadata.deletionTimestamp && finalizersDiffer(obj.metadata.finalizers, old.metadata.finalizers)) namespace = obj.metadata.namespace;
  if (!namespace) return undefined;
  if (store && !isTerminating(store.get('namespaces', '', namespace, { shared: true }))) return undefined;
  return reconciling.exclude([namespace]);
};

/** Watches of the namespaced resources whose objects the controller waits for. Events are left out because they are deleted at once. */
const CONTENT_WATCHES = Object.fromEntries(RESOURCES.filter((r) => r.namespaced && !r.discoveryOnly && r.resource !== 'events').map((r) => [r.resource, contentMapper]));

export const namespaceController: Controller = {
  name: 'namespace',
  watches: { ...CONTENT_WATCHES, namespaces: namespaceMapper },
  reconcile(ctx, name) {
    reconciling.run(name, () => syncNamespace(ctx, name));
  },
};

/**
 * Reconciles one namespace that is being deleted. It marks the namespace
 * Terminating, deletes its content, records the conditions, and removes the
 * `kubernetes` finalizer once nothing remains.
 * Simplified: Kubernetes checks a namespace with content left again after
 * an estimated wait. kubesim checks again when an object in it goes away, so
 * the namespace goes the moment its last object does.
 */
function syncNamespace(ctx: ControllerContext, name: string): void {
  const store = ctx.store;
  let ns = store.get('namespaces', '', name, { shared: true });
  if (!ns?.metadata.deletionTimestamp) return;
  if (!isTerminating(ns)) ns = store.update('namespaces', { ...ns, metadata: { ...ns.metadata }, status: { ...ns.status, phase: 'Terminating' } }, { owned: true });
  if ((ns.spec?.finalizers ?? []).length === 0) return;

  const deletedAt = Date.parse(ns.metadata.deletionTimestamp!);
  const remaining = deleteAllContent(store, name, deletedAt, ctx.now());
  ns = updateConditions(store, ns, calculateConditions(ns.status?.conditions ?? [], remaining, isoTime(ctx.now())));
  if (remaining.byResource.size > 0) {
    // Pods still there when their grace periods have passed are reported then, as the deleter reports them.
    if (remaining.podEstimateSeconds > 0) ctx.wakeAt(deletedAt + (remaining.podEstimateSeconds + POD_CHECK_DELAY_SECONDS) * 1000, name);
    return;
  }
  if ((ns.spec.finalizers as string[]).includes(KUBERNETES_FINALIZER)) finalizeNamespace(store, ns, KUBERNETES_FINALIZER);
}

/** Writes new status conditions, if any, and returns the namespace as stored. */
function updateConditions(store: Store, ns: KObject, conditions: NamespaceCondition[] | undefined): KObject {
  if (!conditions) return ns;
  return store.update('namespaces', { ...ns, metadata: { ...ns.metadata }, status: { ...ns.status, conditions } }, { owned: true });
}
