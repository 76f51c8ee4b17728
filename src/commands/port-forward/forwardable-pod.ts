/**
 * The object a `port-forward TYPE/NAME` argument names, and the pod it
 * forwards to. For a workload or Service kubectl 1.32 takes the pods its
 * selector matches and picks the first in reversed ActivePods order
 * (polymorphichelpers.attachablePodForObject, podutils.ActivePods), so a
 * bound, running, ready pod that has been ready longest wins.
 */
import { attachSelector, waitForAttachablePod } from '../shared/attach-selector.js';
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { notFound, UsageError } from '../../api/errors.js';
import { resourceString, type ResourceInfo } from '../../api/registry.js';
import { resolveType } from '../shared/targets.js';

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

/** Returns the Go type kubectl names in its messages, such as `*v1.Service`. */
function goTypeName(target: ForwardTarget): string {
  const version = target.group === 'extensions' ? 'v1beta1' : target.info.version;
  return `*${version}.${target.info.kind}`;
}

/**
 * Returns the pod to forward to. With no matching pod kubectl watches for
 * one until `timeoutMs` (`--pod-running-timeout`) has passed. kubesim waits
 * in cluster time as `wait` does: a manual clock moves to each due timer.
 */
export async function findForwardablePod(cluster: Cluster, target: ForwardTarget, timeoutMs: number): Promise<KObject> {
  if (target.info.kind === 'Pod') return target.obj;
  const selector = attachSelector(target.obj, target.info.kind, goTypeName(target));
  return waitForAttachablePod(cluster, selector, target.obj.metadata.namespace ?? 'default', timeoutMs);
}
