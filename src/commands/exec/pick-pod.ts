/**
 * The pod `kubectl exec` (and attach) runs in: the named pod, or for
 * `TYPE/NAME` the most active pod the object's selector matches, as
 * polymorphichelpers.AttachablePodForObjectFn picks it.
 */
import { compareMostActive } from '../shared/active-pods.js';
import type { KObject } from '../../api/types.js';
import type { ResourceInfo } from '../../api/registry.js';
import { notFound, UsageError } from '../../api/errors.js';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors.js';
import type { Store } from '../../store/store.js';

/**
 * Returns the selector of a pod-owning object, as SelectorsForObject
 * builds it, or throws kubectl's `cannot attach to` error for kinds without
 * one and Services without a selector.
 */
export function selectorForObject(obj: KObject, info: ResourceInfo): Selector | null {
  const goType = `*${info.version}.${info.kind}`;
  switch (info.kind) {
    case 'ReplicaSet':
    case 'Deployment':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return fromLabelSelector(obj.spec?.selector);
    case 'ReplicationController':
      return fromLabelSelector({ matchLabels: obj.spec?.selector ?? {} });
    case 'Service': {
      const selector = obj.spec?.selector ?? {};
      if (Object.keys(selector).length === 0) {
        throw new UsageError(`cannot attach to ${goType}: invalid service '${obj.metadata.name}': Service is defined without a selector`);
      }
      return fromLabelSelector({ matchLabels: selector });
    }
    default:
      throw new UsageError(`cannot attach to ${goType}: selector for ${goType} not implemented`);
  }
}

/** Reads an object by resource, throwing the API server's NotFound. */
export function getObject(store: Store, info: ResourceInfo, namespace: string, name: string): KObject {
  const obj = store.get(info.resource, namespace, name);
  if (!obj) throw notFound(info.group ? `${info.resource}.${info.group}` : info.resource, name);
  return obj;
}

/**
 * Returns the pod to exec into for an object: the object itself when it is
 * a pod, else the most active pod its selector matches.
 * Simplified: with no matching pod kubectl watches for one until
 * --pod-running-timeout; kubesim reports the timeout at once, because no pod
 * appears while the command waits on a still clock.
 */
export function attachablePodFor(store: Store, obj: KObject, info: ResourceInfo): KObject {
  if (info.kind === 'Pod') return obj;
  const selector = selectorForObject(obj, info);
  const pods = store.list('pods', obj.metadata.namespace).filter((p) => matches(selector, p.metadata.labels));
  if (pods.length === 0) throw new UsageError('timed out waiting for the condition');
  return [...pods].sort(compareMostActive)[0];
}
