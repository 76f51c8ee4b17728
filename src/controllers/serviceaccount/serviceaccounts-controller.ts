/**
 * The serviceaccount controller of kube-controller-manager: every active
 * namespace has a ServiceAccount `default`. Keys are namespace names. A
 * namespace is reconciled when it is added or updated, and when its
 * `default` account is deleted, so a deleted account comes back at once. A
 * namespace being terminated gets nothing.
 *
 * Since 1.24 the account lists no token Secret.
 * TODO(serviceaccount): before 1.24 the token controller gave each account a
 * `default-token-xxxxx` Secret listed under `secrets`. kubesim creates
 * neither, so `get sa` shows SECRETS 0 on those versions. The fix is a token
 * controller for versions below 1.24.
 */
import type { Controller, ControllerContext, WatchMapper } from '../../engine/controller.js';
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { isTerminating } from '../../api/namespace-lifecycle.js';
import { createWithOwnUid } from '../own-uid.js';

/** The accounts the controller ensures in every namespace (its default options). */
export const ENSURED_SERVICE_ACCOUNTS: readonly string[] = ['default'];

/** Reports whether a namespace takes new content: it exists, is Active and is not being deleted. */
export function isNamespaceActive(ns: KObject | undefined): ns is KObject {
  return ns !== undefined && ns.status?.phase === 'Active' && !ns.metadata.deletionTimestamp;
}

/** Queues a namespace when it is added or updated, unless it is being terminated. */
export const activeNamespaceMapper: WatchMapper = (obj) => (obj && !isTerminating(obj) && !obj.metadata.deletionTimestamp ? obj.metadata.name : undefined);

/**
 * Returns a mapper that queues the namespace of a deleted object named one
 * of `names`, unless that namespace is gone or being terminated.
 */
export function deletedObjectMapper(names: readonly string[]): WatchMapper {
  return (obj, old, store) => {
    if (obj || !old || !names.includes(old.metadata.name)) return undefined;
    return namespaceIfActive(old.metadata.namespace, store);
  };
}

/** Returns the namespace name when it is active (or when there is no store to ask). */
export function namespaceIfActive(namespace: string | undefined, store: Store | undefined): string | undefined {
  if (!namespace) return undefined;
  if (store && !isNamespaceActive(store.get('namespaces', '', namespace, { shared: true }))) return undefined;
  return namespace;
}

export const serviceAccountsController: Controller = {
  name: 'serviceaccount',
  watches: {
    namespaces: activeNamespaceMapper,
    serviceaccounts: deletedObjectMapper(ENSURED_SERVICE_ACCOUNTS),
  },
  reconcile: syncNamespace,
};

/** Creates the ensured accounts an active namespace lacks. */
function syncNamespace(ctx: ControllerContext, namespace: string): void {
  const { store } = ctx;
  if (!isNamespaceActive(store.get('namespaces', '', namespace, { shared: true }))) return;
  for (const name of ENSURED_SERVICE_ACCOUNTS) {
    if (store.exists('serviceaccounts', namespace, name)) continue;
    createWithOwnUid(store, ctx.settings.seed, 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } });
  }
}
