/**
 * Lookup of the workload controller behind a pod's controller reference, and
 * of its spec.replicas. The finders run in the disruption controller's order
 * (pkg/controller/disruption/disruption.go). First come ReplicationController,
 * the Deployment owning a ReplicaSet, a ReplicaSet no Deployment owns and
 * StatefulSet. Then any other built-in resource with a scale subresource
 * follows, because kubesim serves no custom resources.
 * NOTE: the order follows a copy of disruption.go newer than 1.32.
 */
import type { KObject, OwnerReference } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { findKind } from '../../api/registry.js';
import { controllerOf, type ControllerScale } from './expected.js';

/** Built-in resources that serve a scale subresource, read here through spec.replicas. */
const SCALABLE_RESOURCES = new Set(['replicationcontrollers', 'replicasets', 'deployments', 'statefulsets']);

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Reports whether a reference names `kind` in one of `groups` (verifyGroupKind). */
function refersTo(ref: OwnerReference, kind: string, groups: readonly string[]): boolean {
  return ref.kind === kind && groups.includes(groupOf(ref.apiVersion));
}

/** Reads the object a reference names, if it exists with the reference's uid. */
function getReferenced(store: Store, resource: string, namespace: string, ref: OwnerReference): KObject | undefined {
  const obj = store.get(resource, namespace, ref.name, { shared: true });
  return obj && obj.metadata.uid === ref.uid ? obj : undefined;
}

function scaleOf(obj: KObject): ControllerScale {
  return { uid: obj.metadata.uid!, scale: obj.spec?.replicas ?? 1 };
}

const APPS = ['apps', 'extensions'];

function findReplicationController(store: Store, ref: OwnerReference, namespace: string): ControllerScale | undefined {
  if (!refersTo(ref, 'ReplicationController', [''])) return undefined;
  const rc = getReferenced(store, 'replicationcontrollers', namespace, ref);
  return rc && scaleOf(rc);
}

function findDeployment(store: Store, ref: OwnerReference, namespace: string): ControllerScale | undefined {
  if (!refersTo(ref, 'ReplicaSet', APPS)) return undefined;
  const rs = getReferenced(store, 'replicasets', namespace, ref);
  const rsRef = rs && controllerOf(rs);
  if (!rsRef || !refersTo(rsRef, 'Deployment', APPS)) return undefined;
  const d = getReferenced(store, 'deployments', namespace, rsRef);
  return d && scaleOf(d);
}

function findReplicaSet(store: Store, ref: OwnerReference, namespace: string): ControllerScale | undefined {
  if (!refersTo(ref, 'ReplicaSet', APPS)) return undefined;
  const rs = getReferenced(store, 'replicasets', namespace, ref);
  if (!rs || controllerOf(rs)?.kind === 'Deployment') return undefined;
  return scaleOf(rs);
}

function findStatefulSet(store: Store, ref: OwnerReference, namespace: string): ControllerScale | undefined {
  if (!refersTo(ref, 'StatefulSet', ['apps'])) return undefined;
  const sts = getReferenced(store, 'statefulsets', namespace, ref);
  return sts && scaleOf(sts);
}

/**
 * Reads the scale subresource of any other controller. Throws for a kind the
 * API does not serve and for one without a scale subresource (a DaemonSet, a
 * Job), with the messages kube-controller-manager records.
 */
function findScaleController(store: Store, ref: OwnerReference, namespace: string): ControllerScale | undefined {
  const group = groupOf(ref.apiVersion);
  const info = findKind(ref.kind);
  // NOTE: custom resources are not looked up, so a custom controller kind gets the "no matches" error even when its CRD serves a scale subresource.
  if (!info || info.group !== group) throw new Error(`no matches for kind "${ref.kind}" in version "${ref.apiVersion}"`);
  if (!SCALABLE_RESOURCES.has(info.resource)) throw new Error(`${group ? `${info.resource}.${group}` : info.resource} does not implement the scale subresource`);
  const obj = getReferenced(store, info.resource, namespace, ref);
  return obj && scaleOf(obj);
}

const FINDERS = [findReplicationController, findDeployment, findReplicaSet, findStatefulSet, findScaleController];

/** Finds the controller and scale behind a controller reference (see ScaleFinder). */
export function findControllerScale(store: Store, ref: OwnerReference, namespace: string): ControllerScale | undefined {
  for (const find of FINDERS) {
    const found = find(store, ref, namespace);
    if (found) return found;
  }
  return undefined;
}
