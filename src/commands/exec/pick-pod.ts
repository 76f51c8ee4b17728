/**
 * The pod `kubectl exec` (and attach) runs in: the named pod, or for
 * `TYPE/NAME` the most active pod the object's selector matches, as
 * polymorphichelpers.AttachablePodForObjectFn picks it.
 */
import { attachSelector, mostActivePod } from '../shared/attach-selector.js';
import type { KObject } from '../../api/types.js';
import type { ResourceInfo } from '../../api/registry.js';
import { notFound, UsageError } from '../../api/errors.js';
import type { Store } from '../../store/store.js';

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
  const pod = mostActivePod(store.list('pods', obj.metadata.namespace), attachSelector(obj, info.kind, `*${info.version}.${info.kind}`));
  if (!pod) throw new UsageError('timed out waiting for the condition');
  return pod;
}
