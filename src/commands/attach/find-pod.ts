/**
 * The choice of pod for `kubectl attach TYPE/NAME` and for `run --attach` of
 * an old-style workload, as kubectl's attachablePodForObject makes it. A pod
 * is its own choice. For other kinds it is the most active pod the selector
 * matches, and kubectl waits up to `--pod-running-timeout` for one to appear.
 */
import { attachSelector, waitForAttachablePod } from '../shared/attach-selector.js';
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { findKind } from '../../api/registry.js';

/** Returns Go's `%T` name of the typed object kubectl decoded, such as `*v1.ConfigMap`. */
function goTypeName(obj: KObject): string {
  const version = findKind(obj.kind)?.version ?? String(obj.apiVersion ?? '').split('/').pop();
  return `*${version}.${obj.kind}`;
}

/**
 * Returns the pod to attach to for `obj`. For a workload or Service it
 * lists the pods its selector matches in its namespace and takes the most
 * active one. With none it waits, moving simulated time, for the first
 * matching pod to appear, and throws `timed out waiting for the condition`
 * after `timeoutMs` of cluster time.
 */
export async function findAttachablePod(cluster: Cluster, obj: KObject, timeoutMs: number): Promise<KObject> {
  if (obj.kind === 'Pod') return obj;
  return waitForAttachablePod(cluster, attachSelector(obj, obj.kind, goTypeName(obj)), obj.metadata.namespace ?? 'default', timeoutMs);
}
