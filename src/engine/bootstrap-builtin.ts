/**
 * The built-in objects a kubeadm cluster's API server creates at start that
 * kubesim keeps: the `cluster-admin` ClusterRole and its binding to the
 * `system:masters` group, the two system PriorityClasses, and the Endpoints
 * and EndpointSlice `default/kubernetes` of the API server's address.
 *
 * Simplified: a real API server also creates about 70 other ClusterRoles
 * (`admin`, `edit`, `view`, the `system:` roles) and their bindings. kubesim
 * leaves them out rather than print rule lists it cannot match exactly.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { uuid } from './random.js';
import { SYSTEM_PRIORITY_CLASSES } from '../api/builtin-validation.js';
import { buildApiServerEndpointSlice, buildApiServerEndpoints, findApiServerAddress } from '../controllers/endpoints/apiserver-endpoints.js';

/**
 * Draw numbers below zero: the cluster's generator counts up from 1, and no
 * positive count below 2^32 draws the same value as a negative one.
 */
const FIRST_UID_COUNTER = -1;

const RBAC_DEFAULTS = {
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
};

const PRIORITY_CLASS_DESCRIPTIONS: Record<string, string> = {
  'system-node-critical': 'Used for system critical pods that must not be moved from their current node.',
  'system-cluster-critical': 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
};

/**
 * Lists the built-in objects in creation order. New objects go at the end,
 * because each one's uid depends on its position (see createBuiltinObjects).
 */
function builtinObjects(apiServerAddress: string | undefined): [string, KObject][] {
  const rbac = 'rbac.authorization.k8s.io';
  const objects: [string, KObject][] = [
    [
      'clusterroles',
      {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRole',
        metadata: { name: 'cluster-admin', ...structuredClone(RBAC_DEFAULTS) },
        rules: [
          { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
          { nonResourceURLs: ['*'], verbs: ['*'] },
        ],
      },
    ],
    [
      'clusterrolebindings',
      {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRoleBinding',
        metadata: { name: 'cluster-admin', ...structuredClone(RBAC_DEFAULTS) },
        roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ apiGroup: rbac, kind: 'Group', name: 'system:masters' }],
      },
    ],
  ];
  for (const [name, value] of Object.entries(SYSTEM_PRIORITY_CLASSES)) {
    objects.push(['priorityclasses', { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description: PRIORITY_CLASS_DESCRIPTIONS[name] }]);
  }
  if (apiServerAddress) {
    objects.push(['endpoints', buildApiServerEndpoints(apiServerAddress)]);
    objects.push(['endpointslices', buildApiServerEndpointSlice(apiServerAddress)]);
  }
  return objects;
}

/**
 * Creates the built-in objects that do not exist yet. Their uids come from a
 * counter range of their own, so every name and uid the cluster's seeded
 * generator draws later stays what it was before these objects existed.
 */
export function createBuiltinObjects(store: Store, seed: number): void {
  const draw = store.newUid;
  let counter = FIRST_UID_COUNTER;
  store.newUid = () => uuid(seed, counter--);
  try {
    for (const [resource, obj] of builtinObjects(findApiServerAddress(store))) {
      if (!store.exists(resource, obj.metadata.namespace ?? '', obj.metadata.name)) store.create(resource, obj);
    }
  } finally {
    store.newUid = draw;
  }
}
