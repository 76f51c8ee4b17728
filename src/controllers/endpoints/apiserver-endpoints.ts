/**
 * The Endpoints and EndpointSlice `default/kubernetes`, which kube-apiserver's
 * endpoint reconciler keeps (pkg/controlplane/reconcilers in Kubernetes). Each
 * lists one address, the API server's advertise address, with port `https`
 * 6443. The endpoints controller skips them because the `kubernetes` Service
 * has no selector.
 *
 * The reconciler runs every 10 seconds (DefaultEndpointReconcilerInterval in
 * pkg/controlplane), so a deleted or edited object comes back at the next
 * multiple of 10 seconds of cluster time.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, WatchMapper } from '../../engine/controller.js';
import type { Store } from '../../store/store.js';

/** The Service, and so the Endpoints and EndpointSlice, that the API server keeps. */
export const API_SERVER_SERVICE = 'kubernetes';
/** The API server's secure port (kubeadm's default). */
export const API_SERVER_PORT = 6443;
/** How often kube-apiserver reconciles its Endpoints (ms). */
const RECONCILE_INTERVAL_MS = 10_000;
/** Label that keeps the EndpointSlice mirroring controller away from an Endpoints object. */
const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
const SERVICE_NAME = 'kubernetes.io/service-name';
const CONTROL_PLANE_ROLES = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];
const KEY = `default/${API_SERVER_SERVICE}`;

/**
 * Finds the API server's advertise address: the InternalIP of the first
 * control-plane node, where kubeadm runs kube-apiserver. Returns undefined
 * when no control-plane node has one.
 */
export function findApiServerAddress(store: Store): string | undefined {
  for (const node of store.list('nodes', undefined, { shared: true })) {
    const labels = node.metadata.labels ?? {};
    if (!CONTROL_PLANE_ROLES.some((role) => role in labels)) continue;
    const ip = (node.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address;
    if (ip) return ip;
  }
  return undefined;
}

/** Builds the Endpoints `default/kubernetes` for an API server at `ip`. */
export function buildApiServerEndpoints(ip: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: API_SERVER_SERVICE, namespace: 'default', labels: { [SKIP_MIRROR]: 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: API_SERVER_PORT, protocol: 'TCP' }] }],
  };
}

/** Builds the EndpointSlice `default/kubernetes` for an API server at `ip`. */
export function buildApiServerEndpointSlice(ip: string): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: API_SERVER_SERVICE, namespace: 'default', labels: { [SERVICE_NAME]: API_SERVER_SERVICE } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: API_SERVER_PORT, protocol: 'TCP' }],
  };
}

/** Reports whether the fields the reconciler owns (labels and `fields`) match. */
function sameOwnedFields(current: KObject, desired: KObject, fields: string[]): boolean {
  const owned = (o: KObject) => JSON.stringify([o.metadata.labels ?? {}, ...fields.map((f) => o[f] ?? null)]);
  return owned(current) === owned(desired);
}

/** Creates the object, or resets its labels and `fields` to the desired ones. */
function writeApiServerObject(store: Store, resource: string, desired: KObject, fields: string[]): void {
  const current = store.get(resource, 'default', API_SERVER_SERVICE);
  if (!current) {
    store.create(resource, desired);
    return;
  }
  if (sameOwnedFields(current, desired, fields)) return;
  current.metadata.labels = desired.metadata.labels;
  for (const f of fields) current[f] = desired[f];
  store.update(resource, current);
}

const ENDPOINTS_FIELDS = ['subsets'];
const SLICE_FIELDS = ['addressType', 'endpoints', 'ports'];

/** Reports whether both objects exist with the reconciler's labels, address and port. */
function isReconciled(store: Store, ip: string): boolean {
  const ep = store.get('endpoints', 'default', API_SERVER_SERVICE, { shared: true });
  const slice = store.get('endpointslices', 'default', API_SERVER_SERVICE, { shared: true });
  return (
    ep !== undefined &&
    slice !== undefined &&
    sameOwnedFields(ep, buildApiServerEndpoints(ip), ENDPOINTS_FIELDS) &&
    sameOwnedFields(slice, buildApiServerEndpointSlice(ip), SLICE_FIELDS)
  );
}

/** Maps a write to `default/kubernetes` to the reconciler's key and ignores every other write. */
const apiServerObjectMapper: WatchMapper = (obj, old) => {
  const o = obj ?? old;
  return o?.metadata.namespace === 'default' && o.metadata.name === API_SERVER_SERVICE ? KEY : undefined;
};

/**
 * kube-apiserver's endpoint reconciler for the one API server: at its next
 * 10-second tick it recreates a deleted Endpoints or EndpointSlice
 * `default/kubernetes` and resets an edited one.
 *
 * Simplified: Kubernetes also deletes other EndpointSlices labelled with the
 * `kubernetes` service name, and recreates a deleted `kubernetes` Service.
 * kubesim does neither.
 */
export const apiServerEndpointsController: Controller = {
  name: 'apiserver-endpoints',
  watches: { endpoints: apiServerObjectMapper, endpointslices: apiServerObjectMapper },
  reconcile(ctx, key) {
    if (key !== KEY) return;
    const ip = findApiServerAddress(ctx.store);
    if (!ip || isReconciled(ctx.store, ip)) return;

    const now = ctx.now();
    const tick = Math.ceil(now / RECONCILE_INTERVAL_MS) * RECONCILE_INTERVAL_MS;
    if (tick > now) {
      ctx.wakeAt(tick, KEY);
      return;
    }
    writeApiServerObject(ctx.store, 'endpoints', buildApiServerEndpoints(ip), ENDPOINTS_FIELDS);
    writeApiServerObject(ctx.store, 'endpointslices', buildApiServerEndpointSlice(ip), SLICE_FIELDS);
  },
};
