/**
 * The pods a `kubectl logs POD` or `logs TYPE/NAME` argument names: the pod
 * itself, or every pod a workload's selector matches, ordered as kubectl
 * picks one (the first) or reads them all (--all-pods).
 */
import type { KObject } from '../../api/types.js';
import { ApiError, UsageError, notFound } from '../../api/errors.js';
import { fromLabelSelector, matches } from '../../api/selectors.js';
import type { Cluster } from '../../engine/cluster.js';
import { parseTargets } from '../shared/targets.js';
import { compareForLogging } from './pick-pod.js';
import { stepClock } from '../shared/clock-step.js';

/**
 * Finds the pods a `logs` argument names: a pod, or the pods of a workload
 * in kubectl's logging order. For a workload without pods kubectl waits up
 * to `timeoutMs` (--pod-running-timeout) for one. kubesim waits in cluster
 * time as `wait` does, so a manual clock moves to each due timer.
 */
async function findPods(cluster: Cluster, arg: string, ns: string, timeoutMs: number): Promise<KObject[]> {
  if (!arg.includes('/')) {
    const pod = cluster.store.get('pods', ns, arg);
    if (!pod) throw notFound('pods', arg);
    return [pod];
  }
  const [t] = parseTargets([arg]);
  const name = t.names[0];
  if (t.info.resource === 'pods') {
    const pod = cluster.store.get('pods', ns, name);
    if (!pod) throw notFound('pods', name);
    return [pod];
  }
  const owner = cluster.store.get(t.info.resource, ns, name);
  if (!owner) throw notFound(t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource, name);
  const sel = fromLabelSelector(owner.spec?.selector?.matchLabels || owner.spec?.selector?.matchExpressions ? owner.spec.selector : { matchLabels: owner.spec?.selector ?? {} });
  const deadline = cluster.clockNow() + timeoutMs;
  for (;;) {
    const pods = cluster.store.list('pods', ns).filter((p) => matches(sel, p.metadata.labels));
    if (pods.length > 0) return pods.sort(compareForLogging);
    if (cluster.clockNow() >= deadline || !(await stepClock(cluster, { deadline }))) throw new UsageError('timed out waiting for the condition');
  }
}

/**
 * Finds the pods as findPods does. kubectl 1.29 and later add the namespace
 * to the lookup's NotFound error and print it as their own error.
 */
export async function findPodsNamingNamespace(cluster: Cluster, arg: string, ns: string, timeoutMs: number): Promise<KObject[]> {
  try {
    return await findPods(cluster, arg, ns, timeoutMs);
  } catch (e) {
    if (e instanceof ApiError && e.reason === 'NotFound' && cluster.settings.version >= 129) {
      throw new UsageError(`error from server (NotFound): ${e.message} in namespace "${ns}"`);
    }
    throw e;
  }
}
