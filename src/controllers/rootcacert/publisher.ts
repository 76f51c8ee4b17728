/**
 * The root-ca-cert-publisher controller of kube-controller-manager: every
 * active namespace has a ConfigMap `kube-root-ca.crt` whose one key,
 * `ca.crt`, contains the cluster's CA bundle, so pods can verify the API
 * server (the projected `kube-api-access-*` volume mounts it). Keys are
 * namespace names. A namespace is reconciled when it is added or updated
 * while Active, and when its ConfigMap is deleted or updated, so a deleted
 * ConfigMap comes back and an edited one gets its data back. A namespace
 * being terminated gets nothing.
 *
 * The controller runs from 1.20, when the RootCAConfigMap feature went beta
 * and on by default. From 1.22 the ConfigMap also carries an annotation
 * saying what the bundle may be used for.
 */
import type { Controller, ControllerContext } from '../../engine/controller.js';
import type { KObject } from '../../api/types.js';
import { activeNamespaceMapper, isNamespaceActive, namespaceIfActive } from '../serviceaccount/serviceaccounts-controller.js';
import { createWithOwnUid } from '../own-uid.js';
import { clusterCABundle } from './ca-bundle.js';

/** Name of the ConfigMap in every namespace. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** The ConfigMap's one data key. */
export const ROOT_CA_KEY = 'ca.crt';

/** First version whose controller manager publishes the ConfigMap. */
export const ROOT_CA_PUBLISHED_SINCE = 120;

/** First version that annotates the ConfigMap with its description. */
export const ROOT_CA_DESCRIBED_SINCE = 122;

/** The annotation that describes the ConfigMap. */
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';

/** The description the controller writes, word for word as kube-controller-manager does. */
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

export const rootCACertPublisher: Controller = {
  name: 'root-ca-cert-publisher',
  watches: {
    namespaces: activeNamespaceMapper,
    configmaps: (obj, old, store) => {
      // The controller reacts to deletes and updates of its ConfigMap, not to creates.
      const cm = old ? (obj ?? old) : undefined;
      return cm?.metadata.name === ROOT_CA_CONFIGMAP ? namespaceIfActive(cm.metadata.namespace, store) : undefined;
    },
  },
  reconcile: syncNamespace,
};

/** Creates the ConfigMap in an active namespace, or puts back its data and description. */
function syncNamespace(ctx: ControllerContext, namespace: string): void {
  const { store, settings } = ctx;
  if (settings.version < ROOT_CA_PUBLISHED_SINCE) return;
  if (!isNamespaceActive(store.get('namespaces', '', namespace, { shared: true }))) return;
  const described = settings.version >= ROOT_CA_DESCRIBED_SINCE;
  const bundle = clusterCABundle(settings.seed);
  const cm = store.get('configmaps', namespace, ROOT_CA_CONFIGMAP);
  if (!cm) {
    const metadata: KObject['metadata'] = { name: ROOT_CA_CONFIGMAP, namespace };
    if (described) metadata.annotations = { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION };
    createWithOwnUid(store, settings.seed, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { [ROOT_CA_KEY]: bundle } });
    return;
  }

  const data = cm.data ?? {};
  const dataMatches = Object.keys(data).length === 1 && data[ROOT_CA_KEY] === bundle;
  // Any description counts, as in Kubernetes, so a changed text never duels with an older one.
  if (dataMatches && (!described || cm.metadata.annotations?.[DESCRIPTION_ANNOTATION])) return;
  cm.data = { [ROOT_CA_KEY]: bundle };
  if (described) cm.metadata.annotations = { ...cm.metadata.annotations, [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION };
  store.update('configmaps', cm);
}
