/**
 * The Endpoints and EndpointSlice controllers: for every Service with a
 * selector, an Endpoints object and one EndpointSlice listing the matching
 * pods, ready ones as addresses and the rest as not ready, kept current as
 * pods come, go and change readiness.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext, WatchMapper } from '../../engine/controller.js';
import { splitKey } from '../../engine/controller.js';
import type { Store } from '../../store/store.js';
import { calculateAddresses, calculatePorts, type EndpointAddress, type EndpointPort } from './addresses.js';

const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const SERVICE_NAME = 'kubernetes.io/service-name';

function readyStatus(pod: KObject): string | undefined {
  return (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready')?.status;
}

function sameLabels(left: Record<string, string> | undefined, right: Record<string, string> | undefined): boolean {
  if (left === right) return true;
  if (!left || !right) return false;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (left[key] !== right[key]) return false;
  return true;
}

/** Reports whether a pod write can change a Service's addresses: its labels, IP, phase, readiness, deletion or node. */
export function isAddressChange(obj: KObject | undefined, old: KObject | undefined): boolean {
  if (!obj || !old) return obj !== old;
  return (
    obj.status?.podIP !== old.status?.podIP ||
    obj.status?.phase !== old.status?.phase ||
    obj.metadata.deletionTimestamp !== old.metadata.deletionTimestamp ||
    obj.spec?.nodeName !== old.spec?.nodeName ||
    readyStatus(obj) !== readyStatus(old) ||
    !sameLabels(obj.metadata.labels, old.metadata.labels)
  );
}

/** Namespaces found to have no Service with a selector, with the store state the finding was made in. */
interface UnselectedNamespaces {
  store?: Store;
  epoch: number;
  serviceWrites: number;
  namespaces: Set<string>;
}

/**
 * Namespaces where the last `ns/*` sync found no Service with a selector.
 * The finding is valid while this process's view of the store stays the
 * same (Store.viewEpoch) and it writes no Service, because only a Service
 * write can add one. A pod write there then queues nothing, as Kubernetes'
 * endpoints controller queues only the Services that select the pod
 * (updatePod in pkg/controller/endpoint).
 */
let unselected: UnselectedNamespaces = { epoch: -1, serviceWrites: -1, namespaces: new Set() };

/** Reports whether a record still describes `store`, which needs the same store and view and no Service write since. */
function isCurrent(record: UnselectedNamespaces, store: Store): boolean {
  return record.store === store && record.epoch === store.viewEpoch && record.serviceWrites === store.writesOf('services');
}

/** Reports whether `namespace` of `store` is known to have no Service with a selector. */
function knownUnselected(store: Store, namespace: string): boolean {
  return unselected.namespaces.has(namespace) && isCurrent(unselected, store);
}

/** Records that `namespace` has no Service with a selector (see unselected). */
function noteUnselected(store: Store, namespace: string): void {
  if (!isCurrent(unselected, store)) {
    unselected = { store, epoch: store.viewEpoch, serviceWrites: store.writesOf('services'), namespaces: new Set() };
  }
  unselected.namespaces.add(namespace);
}

/** Pod writes that can change an address re-sync the Services of the pod's namespace (key `ns/*`). */
const podMapper: WatchMapper = (obj, old, store) => {
  if (!isAddressChange(obj, old)) return undefined;
  const namespace = (obj ?? old)!.metadata.namespace;
  if (store !== undefined && namespace !== undefined && knownUnselected(store, namespace)) return undefined;
  return `${namespace}/*`;
};

const serviceMapper: WatchMapper = (obj, old) => {
  const o = obj ?? old;
  return o ? `${o.metadata.namespace}/${o.metadata.name}` : undefined;
};

function targetRef(pod: KObject) {
  return { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
}

function buildSubsets(addresses: EndpointAddress[], ports: EndpointPort[]): any[] {
  if (addresses.length === 0) return [];
  const entry = (a: EndpointAddress) => {
    const e: any = { ip: a.ip };
    if (a.hostname) e.hostname = a.hostname;
    if (a.nodeName) e.nodeName = a.nodeName;
    e.targetRef = targetRef(a.pod);
    return e;
  };
  const subset: any = {};
  const ready = addresses.filter((a) => a.ready);
  const notReady = addresses.filter((a) => !a.ready);
  if (ready.length) subset.addresses = ready.map(entry);
  if (notReady.length) subset.notReadyAddresses = notReady.map(entry);
  if (ports.length) subset.ports = ports;
  return [subset];
}

function syncEndpoints(ctx: ControllerContext, svc: KObject, subsets: any[]): void {
  const ns = svc.metadata.namespace ?? 'default';
  const existing = ctx.store.get('endpoints', ns, svc.metadata.name);
  const labels = { ...(svc.metadata.labels ?? {}) };
  if (svc.spec?.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  if (!existing) {
    const ep: KObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: ns, labels } };
    if (subsets.length) ep.subsets = subsets;
    ctx.store.create('endpoints', ep);
    return;
  }
  if (JSON.stringify(existing.subsets ?? []) === JSON.stringify(subsets) && JSON.stringify(existing.metadata.labels ?? {}) === JSON.stringify(labels)) return;
  existing.metadata.labels = labels;
  if (subsets.length) existing.subsets = subsets;
  else delete existing.subsets;
  ctx.store.update('endpoints', existing);
}

function syncSlice(ctx: ControllerContext, svc: KObject, addresses: EndpointAddress[], ports: EndpointPort[]): void {
  const ns = svc.metadata.namespace ?? 'default';
  const slices = ctx.store.list('endpointslices', ns, { owner: svc.metadata.uid! });
  const endpoints = addresses.map((a) => {
    const e: any = { addresses: [a.ip], conditions: { ready: a.ready, serving: a.ready, terminating: !!a.pod.metadata.deletionTimestamp } };
    if (a.hostname) e.hostname = a.hostname;
    if (a.nodeName) e.nodeName = a.nodeName;
    e.targetRef = targetRef(a.pod);
    return e;
  });
  const labels = { ...(svc.metadata.labels ?? {}), [MANAGED_BY]: 'endpointslice-controller.k8s.io', [SERVICE_NAME]: svc.metadata.name };
  // A Service with no endpoints gets the controller's placeholder slice, which has no ports
  // either. Stored empty lists read back as null.
  const placeholder = endpoints.length === 0;
  const body = { addressType: 'IPv4', endpoints: placeholder ? null : endpoints, ports: placeholder || ports.length === 0 ? null : ports };
  const [slice, ...extra] = slices;
  for (const s of extra) ctx.store.remove('endpointslices', ns, s.metadata.name);
  if (!slice) {
    ctx.store.create('endpointslices', {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${svc.metadata.name}-`,
        namespace: ns,
        labels,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      } as any,
      ...body,
    });
    return;
  }
  if (JSON.stringify([slice.addressType, slice.endpoints, slice.ports]) === JSON.stringify([body.addressType, body.endpoints, body.ports])) return;
  Object.assign(slice, body);
  ctx.store.update('endpointslices', slice);
}

function syncService(ctx: ControllerContext, svc: KObject, pods: KObject[]): void {
  if (!svc.spec?.selector || svc.spec.type === 'ExternalName') return;
  const addresses = calculateAddresses(svc, pods);
  const ports = calculatePorts(svc, addresses[0]?.pod);
  syncEndpoints(ctx, svc, buildSubsets(addresses, ports));
  syncSlice(ctx, svc, addresses, ports);
}

export const endpointsController: Controller = {
  name: 'endpoints',
  watches: { services: serviceMapper, pods: podMapper },
  reconcile(ctx, key) {
    const [ns, name] = splitKey(key);
    if (name === '*') {
      // Most pod writes happen in namespaces without selecting Services, so list pods only when needed.
      const services = ctx.store.list('services', ns, { shared: true }).filter((s) => s.spec?.selector && s.spec.type !== 'ExternalName');
      if (services.length === 0) {
        noteUnselected(ctx.store, ns);
        return;
      }
      const pods = ctx.store.list('pods', ns, { shared: true });
      for (const svc of services) syncService(ctx, svc, pods);
      return;
    }
    const pods = ctx.store.list('pods', ns, { shared: true });
    const svc = ctx.store.get('services', ns, name);
    if (!svc) {
      const ep = ctx.store.get('endpoints', ns, name);
      if (ep && !ep.metadata.ownerReferences) ctx.store.remove('endpoints', ns, name);
      return;
    }
    syncService(ctx, svc, pods);
  },
};
