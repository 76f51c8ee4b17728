/**
 * The pod selector kubectl's SelectorsForObject reads from a pod-owning
 * object, which attach, exec and port-forward use to pick a pod for
 * `TYPE/NAME`, and the wait for a matching pod to appear.
 */
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { UsageError } from '../../api/errors.js';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors.js';
import { compareMostActive } from './active-pods.js';
import { stepClock } from './clock-step.js';

/** Kinds whose `spec.selector` is a LabelSelector. */
const LABEL_SELECTOR_KINDS = new Set(['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Deployment', 'Job']);

/**
 * Returns the pod selector of an object of `kind`, or throws kubectl's
 * `cannot attach to` error for a kind without one and for a Service
 * without a selector. `goType` is Go's `%T` name of the object kubectl
 * decoded (such as `*v1.Service`), which the errors name.
 */
export function attachSelector(obj: KObject, kind: string, goType: string): Selector | null {
  if (LABEL_SELECTOR_KINDS.has(kind)) return fromLabelSelector(obj.spec?.selector);
  if (kind === 'ReplicationController') return fromLabelSelector({ matchLabels: obj.spec?.selector ?? {} });
  if (kind === 'Service') {
    const selector: Record<string, string> | undefined = obj.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) {
      throw new UsageError(`cannot attach to ${goType}: invalid service '${obj.metadata.name}': Service is defined without a selector`);
    }
    return fromLabelSelector({ matchLabels: selector });
  }
  throw new UsageError(`cannot attach to ${goType}: selector for ${goType} not implemented`);
}

/** Returns the most active of `pods` that `selector` matches, or undefined when none does. */
export function mostActivePod(pods: KObject[], selector: Selector | null): KObject | undefined {
  const selected = pods.filter((p) => matches(selector, p.metadata.labels));
  return selected.length > 0 ? selected.sort(compareMostActive)[0] : undefined;
}

/**
 * Returns the most active pod `selector` matches in `namespace`. With none,
 * kubectl watches for one until `timeoutMs` (`--pod-running-timeout`) has
 * passed. kubesim waits in cluster time as `wait` does, so a manual clock
 * moves to each due timer, and then throws apimachinery's wait.ErrWaitTimeout message.
 */
export async function waitForAttachablePod(cluster: Cluster, selector: Selector | null, namespace: string, timeoutMs: number): Promise<KObject> {
  const deadline = cluster.clockNow() + timeoutMs;
  for (;;) {
    const pod = mostActivePod(cluster.store.list('pods', namespace), selector);
    if (pod) return pod;
    if (cluster.clockNow() >= deadline) throw new UsageError('timed out waiting for the condition');
    if (!(await stepClock(cluster, { deadline }))) throw new UsageError('timed out waiting for the condition');
  }
}
