/**
 * Deleting everything in a namespace, as the namespace controller's
 * resource deleter does: every namespaced resource that can be deleted,
 * each object through the ordinary delete path with background propagation,
 * then a count of what is still there.
 */
import type { Store } from '../../store/store.js';
import { RESOURCES, type ResourceInfo } from '../../api/registry.js';
import { deleteObject } from '../../engine/delete.js';
import type { RemainingContent } from './conditions.js';

/**
 * The resources a namespace can hold that can be deleted. Entries listed for
 * discovery only (events.k8s.io Events) serve objects of another entry.
 */
const DELETABLE: readonly ResourceInfo[] = RESOURCES.filter((r) => r.namespaced && !r.discoveryOnly && r.verbs.includes('delete'));

/** `pods.`, `deployments.apps`: how the controller names a resource in its condition messages. */
function remainingName(r: ResourceInfo): string {
  return `${r.resource}.${r.group}`;
}

/**
 * Deletes every object in `namespace` that is not being deleted yet, and
 * returns what remains afterwards: pods that terminate gracefully and
 * objects held by finalizers. Its cost follows the objects in the namespace.
 * Simplified: Kubernetes estimates how long the pods' grace periods last and
 * reports pods still there after that as a NamespaceDeletionContentFailure;
 * kubesim's pods end within their grace period, so it reports no failure.
 */
export function deleteAllContent(store: Store, namespace: string): RemainingContent {
  const remaining: RemainingContent = { byResource: new Map(), byFinalizer: new Map() };
  for (const r of DELETABLE) {
    for (const obj of store.list(r.resource, namespace, { shared: true })) {
      if (obj.metadata.deletionTimestamp) continue;
      deleteObject(store, r.resource, namespace, obj.metadata.name, { propagation: 'Background' });
    }
    const left = store.list(r.resource, namespace, { shared: true });
    if (left.length === 0) continue;
    remaining.byResource.set(remainingName(r), left.length);
    for (const obj of left) {
      for (const f of obj.metadata.finalizers ?? []) remaining.byFinalizer.set(f, (remaining.byFinalizer.get(f) ?? 0) + 1);
    }
  }
  return remaining;
}
