/**
 * The rules of kube-apiserver's NamespaceLifecycle admission plugin: the
 * initial namespaces cannot be deleted, and a namespace that is being
 * terminated takes no new content.
 */
import type { KObject } from './types.js';
import { ApiError, type FieldCause } from './errors.js';

/** Namespaces whose deletion the plugin rejects (its immortal namespaces). kube-node-lease is not among them. */
export const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public']);

/** The finalizer the namespace controller removes from spec.finalizers once the namespace is empty. */
export const KUBERNETES_FINALIZER = 'kubernetes';

/** The status cause type the plugin adds when it rejects a create in a terminating namespace. */
export const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';

/** Builds a 403 Forbidden error as the API server words it: `RESOURCE "NAME" is forbidden: DETAIL`. */
export function forbidden(resourceWithGroup: string, name: string, detail: string, causes: FieldCause[] = []): ApiError {
  return new ApiError('Forbidden', 403, `${resourceWithGroup} "${name}" is forbidden: ${detail}`, causes);
}

/** Builds the error for deleting one of the immortal namespaces. */
export function immortalNamespaceError(name: string): ApiError {
  return forbidden('namespaces', name, 'this namespace may not be deleted');
}

/**
 * Builds the error for creating an object in a namespace that is being terminated.
 * NOTE: the plugin runs before the name is generated, so for an object with
 * only generateName Kubernetes names the generateName. kubesim names the
 * generated name.
 */
export function terminatingNamespaceError(resourceWithGroup: string, name: string, namespace: string): ApiError {
  const cause: FieldCause = { field: 'metadata.namespace', type: NAMESPACE_TERMINATING_CAUSE, detail: `namespace ${namespace} is being terminated` };
  return forbidden(resourceWithGroup, name, `unable to create new content in namespace ${namespace} because it is being terminated`, [cause]);
}

/** Reports whether a namespace object is being terminated (status.phase Terminating). */
export function isTerminating(ns: KObject | undefined): boolean {
  return ns?.status?.phase === 'Terminating';
}
