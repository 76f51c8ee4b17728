/**
 * Deleting everything in a namespace, as the namespace controller's
 * resource deleter does: every namespaced resource that can be deleted,
 * each object through the ordinary delete path with background propagation,
 * then a count of what is still there.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { RESOURCES, type ResourceInfo } from '../../api/registry.js';
import { deleteObject } from '../../engine/delete.js';
import type { RemainingContent } from './conditions.js';

/**
 * The resources a namespace can hold that can be deleted. Entries listed for
 * discovery only (events.k8s.io Events) serve objects of another entry.
 */
const DELETABLE: readonly ResourceInfo[] = RESOURCES.filter((r) => r.namespaced && !r.discoveryOnly && r.verbs.includes('delete'));

/** The content a deletion pass left, and how long its pods may still take. */
export interface DeletionResult extends RemainingContent {
  /**
   * Seconds the namespace's pods may take to terminate, counted from the
   * namespace's deletion. It is 0 once that time has passed or no pod is left.
   */
  podEstimateSeconds: number;
}

/** `pods.`, `deployments.apps`: how the controller names a resource in its condition messages. */
function remainingName(r: ResourceInfo): string {
  return `${r.resource}.${r.group}`;
}

/** `/v1, Resource=pods`: how Go prints a GroupVersionResource. */
function gvrText(r: ResourceInfo): string {
  return `${r.group}/${r.version}, Resource=${r.resource}`;
}

/**
 * Returns the maximum grace period of the pods that have not finished, in
 * seconds, or 0 once that long has passed since the namespace was deleted
 * (the deleter's estimateGracefulTermination).
 */
function estimatePodTermination(pods: KObject[], deletedAt: number, now: number): number {
  let estimate = 0;
  for (const pod of pods) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    estimate = Math.max(estimate, pod.spec?.terminationGracePeriodSeconds ?? 0);
  }
  return now - deletedAt >= estimate * 1000 ? 0 : estimate;
}

/**
 * Deletes every object in `namespace` that is not being deleted yet, and
 * returns what remains afterwards: pods that terminate gracefully and
 * objects held by finalizers. Objects left with no finalizer after their
 * time are reported as errors, as the deleter reports them. The cost
 * follows the objects in the namespace. `deletedAt` is the namespace's
 * deletionTimestamp in milliseconds.
 */
export function deleteAllContent(store: Store, namespace: string, deletedAt: number, now: number): DeletionResult {
  const result: DeletionResult = { byResource: new Map(), byFinalizer: new Map(), errors: [], podEstimateSeconds: 0 };
  for (const r of DELETABLE) {
    const objects = store.list(r.resource, namespace, { shared: true });
    if (objects.length === 0) continue;
    const estimate = r.resource === 'pods' ? estimatePodTermination(objects, deletedAt, now) : 0;
    for (const obj of objects) {
      if (obj.metadata.deletionTimestamp) continue;
      deleteObject(store, r.resource, namespace, obj.metadata.name, { propagation: 'Background' });
    }

    const left = store.list(r.resource, namespace, { shared: true });
    if (left.length === 0) continue;
    result.byResource.set(remainingName(r), left.length);
    let hasFinalizers = false;
    for (const obj of left) {
      for (const f of obj.metadata.finalizers ?? []) {
        result.byFinalizer.set(f, (result.byFinalizer.get(f) ?? 0) + 1);
        hasFinalizers = true;
      }
    }
    if (r.resource === 'pods') result.podEstimateSeconds = estimate;
    if (estimate === 0 && !hasFinalizers) result.errors.push(`unexpected items still remain in namespace: ${namespace} for gvr: ${gvrText(r)}`);
  }
  return result;
}
