/**
 * The pod `kubectl exec` (and attach) runs in: the named pod, or for
 * `TYPE/NAME` the most active pod the object's selector matches, as
 * polymorphichelpers.AttachablePodForObjectFn picks it.
 */
import type { KObject } from '../../api/types.js';
import type { ResourceInfo } from '../../api/registry.js';
import { notFound, UsageError } from '../../api/errors.js';
import { fromLabelSelector, matches, type Selector } from '../../api/selectors.js';
import type { Store } from '../../store/store.js';

function isReady(pod: KObject): boolean {
  return readyCondition(pod) !== undefined;
}

function readyCondition(pod: KObject): any {
  return (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready' && c.status === 'True');
}

function maxRestarts(pod: KObject): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c: any) => c.restartCount ?? 0));
}

/** Milliseconds of an RFC 3339 time, or undefined when unset (Go's zero time). */
function timeOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Go's afterOrZero: a zero time counts as later than any other. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** Pod phases by activity; phases not listed rank with Pending, as an absent Go map key reads 0. */
const PHASE_ACTIVITY: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * Reports whether pod `a` is less active than `b`, by podutils.ActivePods
 * (kubectl 1.32): unbound, then Pending before Unknown before Running, not
 * ready, deleting (earlier deletion first), ready more recently, more
 * restarts, newer.
 */
export function isLessActive(a: KObject, b: KObject): boolean {
  const boundA = !!a.spec?.nodeName;
  const boundB = !!b.spec?.nodeName;
  if (boundA !== boundB) return !boundA;
  const phaseA = PHASE_ACTIVITY[a.status?.phase] ?? 0;
  const phaseB = PHASE_ACTIVITY[b.status?.phase] ?? 0;
  if (phaseA !== phaseB) return phaseA < phaseB;
  if (isReady(a) !== isReady(b)) return !isReady(a);
  const deletingA = timeOf(a.metadata.deletionTimestamp);
  const deletingB = timeOf(b.metadata.deletionTimestamp);
  if ((deletingA !== undefined) !== (deletingB !== undefined)) return deletingA !== undefined;
  if (deletingA !== undefined && deletingB !== undefined && deletingA !== deletingB) return deletingA < deletingB;
  if (isReady(a) && isReady(b)) {
    const readyA = timeOf(readyCondition(a).lastTransitionTime);
    const readyB = timeOf(readyCondition(b).lastTransitionTime);
    if (readyA !== readyB) return afterOrZero(readyA, readyB);
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const createdA = timeOf(a.metadata.creationTimestamp);
  const createdB = timeOf(b.metadata.creationTimestamp);
  if (createdA !== createdB) return afterOrZero(createdA, createdB);
  return false;
}

/** Orders pods most active first, as kubectl's sort.Reverse(ActivePods) does. */
export function compareByActivity(a: KObject, b: KObject): number {
  if (isLessActive(b, a)) return -1;
  if (isLessActive(a, b)) return 1;
  return 0;
}

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
  return [...pods].sort(compareByActivity)[0];
}
