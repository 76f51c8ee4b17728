/**
 * Pod predicates the workload controllers share: which pods count as
 * active, ready and available, and how a controller builds a pod from its
 * template (k8s.io/kubernetes pkg/api/v1/pod and pkg/controller).
 */
import type { KObject, OwnerReference } from '../../api/types.js';
import { cloneJson } from '../../store/store.js';

/** Active pods are the ones a controller counts: not finished and not being deleted. */
export function isPodActive(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

function readyCondition(pod: KObject): any {
  return (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
}

export function isPodReady(pod: KObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** When the pod last became Ready (ms), or undefined while not ready. */
export function readySince(pod: KObject): number | undefined {
  const c = readyCondition(pod);
  if (c?.status !== 'True') return undefined;
  return c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : undefined;
}

/**
 * Available means ready for at least minReadySeconds. Returns the time the
 * pod becomes (or became) available, or undefined when it is not ready.
 */
export function availableAt(pod: KObject, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod)) return undefined;
  const since = readySince(pod) ?? 0;
  return minReadySeconds > 0 ? since + minReadySeconds * 1000 : since;
}

export function isPodAvailable(pod: KObject, minReadySeconds: number, now: number): boolean {
  const at = availableAt(pod, minReadySeconds);
  return at !== undefined && (minReadySeconds <= 0 || at <= now);
}

/** Returns the controller ownerReference of an object, if any. */
export function controllerRef(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

/** Builds the ownerReference a controller puts on what it creates or adopts. */
export function newControllerRef(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Builds a pod from a controller's template, named `<owner>-<suffix>` by the store. */
export function podFromTemplate(owner: KObject, template: any): KObject {
  const meta = template?.metadata ?? {};
  const pod: KObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ownerReferences: [newControllerRef(owner)],
    },
    spec: cloneJson(template?.spec ?? {}),
  };
  if (meta.labels && Object.keys(meta.labels).length) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations && Object.keys(meta.annotations).length) pod.metadata.annotations = { ...meta.annotations };
  return pod;
}
