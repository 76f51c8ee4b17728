/**
 * The object a `port-forward TYPE/NAME` argument names, and the pod it
 * forwards to. For a workload or Service kubectl 1.32 takes the pods its
 * selector matches and picks the first in reversed ActivePods order
 * (polymorphichelpers.attachablePodForObject, podutils.ActivePods), so a
 * bound, running, ready pod that has been ready longest wins.
 */
import { compareMostActive } from '../shared/active-pods.js';
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { notFound, UsageError } from '../../api/errors.js';
import { resourceString, type ResourceInfo } from '../../api/registry.js';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors.js';
import { resolveType } from '../shared/targets.js';
import { stepClock } from '../shared/clock-step.js';

/** The object the first argument names. */
export interface ForwardTarget {
  info: ResourceInfo;
  /** The group the user named (`deployments.extensions`), if any. */
  group?: string;
  obj: KObject;
}

/**
 * Reads the object `arg` names: `NAME` is a pod, `TYPE/NAME` anything.
 * Errors are the resource builder's (cli-runtime splitResourceTypeName) and
 * the API server's NotFound.
 */
export function findForwardTarget(cluster: Cluster, arg: string, namespace: string): ForwardTarget {
  let typeText = 'pods';
  let name = arg;
  if (arg.includes('/')) {
    const segments = arg.split('/');
    if (segments.length !== 2) throw new UsageError('arguments in resource/name form may not have more than one slash');
    [typeText, name] = segments;
    if (!typeText || !name || typeText.includes(',')) throw new UsageError('arguments in resource/name form must have a single resource and name');
  }
  const { info, group } = resolveType(typeText);
  const obj = cluster.store.get(info.resource, info.namespaced ? namespace : '', name);
  if (!obj) throw notFound(resourceString(info, group), name);
  return { info, group, obj };
}

/** Kinds whose `spec.selector` is a LabelSelector that kubectl's SelectorsForObject reads. */
const LABEL_SELECTOR_KINDS = new Set(['ReplicaSet', 'StatefulSet', 'DaemonSet', 'Deployment', 'Job']);

/** Returns the Go type kubectl names in its messages, such as `*v1.Service`. */
function goTypeName(target: ForwardTarget): string {
  const version = target.group === 'extensions' ? 'v1beta1' : target.info.version;
  return `*${version}.${target.info.kind}`;
}

/** Returns the pod selector of a workload or Service, with kubectl's errors for other kinds. */
export function selectorForObject(target: ForwardTarget): Selector | null {
  const { obj, info } = target;
  if (LABEL_SELECTOR_KINDS.has(info.kind)) return fromLabelSelector(obj.spec?.selector);
  if (info.kind === 'ReplicationController') return fromLabelSelector({ matchLabels: obj.spec?.selector ?? {} });
  const typeName = goTypeName(target);
  if (info.kind === 'Service') {
    const selector = obj.spec?.selector ?? {};
    if (Object.keys(selector).length === 0) {
      throw new UsageError(`cannot attach to ${typeName}: invalid service '${obj.metadata.name}': Service is defined without a selector`);
    }
    return fromLabelSelector({ matchLabels: selector });
  }
  throw new UsageError(`cannot attach to ${typeName}: selector for ${typeName} not implemented`);
}

/**
 * Returns the pod to forward to. With no matching pod kubectl watches for
 * one until `timeoutMs` (`--pod-running-timeout`) has passed. kubesim waits
 * in cluster time as `wait` does: a manual clock moves to each due timer.
 */
export async function findForwardablePod(cluster: Cluster, target: ForwardTarget, timeoutMs: number): Promise<KObject> {
  if (target.info.kind === 'Pod') return target.obj;
  const selector = selectorForObject(target);
  const namespace = target.obj.metadata.namespace ?? 'default';
  const deadline = cluster.clockNow() + timeoutMs;
  for (;;) {
    const pods = cluster.store.list('pods', namespace).filter((p) => matches(selector, p.metadata.labels));
    if (pods.length > 0) return pods.sort(compareMostActive)[0];
    // The message of apimachinery's wait.ErrWaitTimeout, which the watch returns when its context times out.
    if (cluster.clockNow() >= deadline) throw new UsageError('timed out waiting for the condition');
    if (!(await stepClock(cluster, { deadline }))) throw new UsageError('timed out waiting for the condition');
  }
}
