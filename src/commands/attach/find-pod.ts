/**
 * The choice of pod for `kubectl attach TYPE/NAME` and for `run --attach` of
 * an old-style workload, as kubectl's attachablePodForObject makes it. A pod
 * is its own choice. For other kinds it is the most active pod the selector
 * matches, and kubectl waits up to `--pod-running-timeout` for one to appear.
 */
import { compareMostActive } from '../shared/active-pods.js';
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { UsageError } from '../../api/errors.js';
import { findKind } from '../../api/registry.js';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors.js';
import { stepClock } from '../shared/clock-step.js';

/** Kinds whose `spec.selector` is a LabelSelector, per kubectl's SelectorsForObject. */
const LABEL_SELECTOR_KINDS = ['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Deployment', 'Job'];

/** Returns Go's `%T` name of the typed object kubectl decoded, such as `*v1.ConfigMap`. */
function goTypeName(obj: KObject): string {
  const version = findKind(obj.kind)?.version ?? String(obj.apiVersion ?? '').split('/').pop();
  return `*${version}.${obj.kind}`;
}

/** Returns the pod selector of `obj`, or throws kubectl's error for a kind without one. */
function selectorForObject(obj: KObject): Selector | null {
  if (LABEL_SELECTOR_KINDS.includes(obj.kind)) return fromLabelSelector(obj.spec?.selector);
  if (obj.kind === 'ReplicationController') return fromLabelSelector({ matchLabels: obj.spec?.selector ?? {} });
  if (obj.kind === 'Service') {
    const selector: Record<string, string> | undefined = obj.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) {
      throw new UsageError(`cannot attach to ${goTypeName(obj)}: invalid service '${obj.metadata.name}': Service is defined without a selector`);
    }
    return fromLabelSelector({ matchLabels: selector });
  }
  throw new UsageError(`cannot attach to ${goTypeName(obj)}: selector for ${goTypeName(obj)} not implemented`);
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
  const selector = selectorForObject(obj);
  const namespace = obj.metadata.namespace ?? '';
  const deadline = cluster.clockNow() + timeoutMs;
  for (;;) {
    const pods = cluster.store.list('pods', namespace).filter((p) => matches(selector, p.metadata.labels));
    if (pods.length > 0) return pods.sort(compareMostActive)[0];
    if (cluster.clockNow() >= deadline) throw new UsageError('timed out waiting for the condition');
    await stepClock(cluster, { deadline });
  }
}
