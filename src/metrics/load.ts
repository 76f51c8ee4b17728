/**
 * Simulated load: what `kubesim load` puts on a workload, a pod or a
 * Service. Loads are kubesim's own state (one meta entry, not an API kind),
 * and each one is spread over the target's ready pods when usage is read, so
 * adding pods lowers every pod's share the way a real load balancer would.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { Controller } from '../engine/controller.js';
import { fromLabelSelector, matches, type Selector } from '../api/selectors.js';

/** Meta key holding every load of a cluster, as JSON. */
const LOADS_META = 'loads';

/** Name of the controller that drops loads whose `--for` ran out. */
export const LOAD_CONTROLLER = 'load-expiry';

/** Kinds a load can target, by resource name. */
export const LOAD_TARGET_RESOURCES = ['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers', 'daemonsets', 'pods', 'services'];

export interface Load {
  namespace: string;
  /** Resource name of the target (`deployments`, `services`, ...). */
  resource: string;
  name: string;
  /** Total CPU of the load, in millicores, shared by the ready pods. */
  cpuMillis?: number;
  /** Requests per second, shared by the ready pods; each request costs CPU by image kind. */
  rps?: number;
  /** When the load ends (ms), absent for a load that runs until stopped. */
  until?: number;
}

/** Returns the key a load is stored and timed under: `namespace/resource/name`. */
export function loadKey(l: Pick<Load, 'namespace' | 'resource' | 'name'>): string {
  return `${l.namespace}/${l.resource}/${l.name}`;
}

/** Reads every stored load, including expired ones not yet removed. */
export function readLoads(store: Store): Load[] {
  const raw = store.getMeta(LOADS_META);
  return raw ? (JSON.parse(raw) as Load[]) : [];
}

/** Returns the loads in force at `now`. */
export function activeLoads(store: Store, now: number): Load[] {
  return readLoads(store).filter((l) => l.until === undefined || l.until > now);
}

function writeLoads(store: Store, loads: Load[]): void {
  store.setMeta(LOADS_META, JSON.stringify(loads));
}

/**
 * Sets (or replaces) the load on one target, and arms the expiry timer when
 * it has an end. Must run inside a transaction.
 */
export function setLoad(store: Store, load: Load): void {
  const key = loadKey(load);
  const loads = readLoads(store).filter((l) => loadKey(l) !== key);
  loads.push(load);
  writeLoads(store, loads);
  if (load.until !== undefined) store.addTimer(load.until, LOAD_CONTROLLER, key);
}

/** Removes the load on one target; returns whether there was one. Must run inside a transaction. */
export function removeLoad(store: Store, target: Pick<Load, 'namespace' | 'resource' | 'name'>): boolean {
  const key = loadKey(target);
  const loads = readLoads(store);
  const remaining = loads.filter((l) => loadKey(l) !== key);
  if (remaining.length === loads.length) return false;
  writeLoads(store, remaining);
  return true;
}

/** Tells whether a pod counts for load and metrics: Ready and not being deleted. */
export function isPodReady(pod: KObject): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  return (pod.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}

/** Returns the label selector of a load target: a workload's spec.selector, a Service's selector map. */
export function targetSelector(resource: string, obj: KObject): Selector | null {
  if (resource === 'services' || resource === 'replicationcontrollers') {
    const sel = obj.spec?.selector;
    return sel && Object.keys(sel).length > 0 ? fromLabelSelector({ matchLabels: sel }) : null;
  }
  return fromLabelSelector(obj.spec?.selector);
}

/** Lists the ready pods a load is spread over (a Service's endpoints, a workload's pods). */
export function loadPods(store: Store, load: Pick<Load, 'namespace' | 'resource' | 'name'>): KObject[] {
  if (load.resource === 'pods') {
    const pod = store.get('pods', load.namespace, load.name);
    return pod && isPodReady(pod) ? [pod] : [];
  }
  const target = store.get(load.resource, load.namespace, load.name);
  if (!target) return [];
  const selector = targetSelector(load.resource, target);
  if (!selector) return [];
  return store.list('pods', load.namespace).filter((p) => isPodReady(p) && matches(selector, p.metadata.labels));
}

/** Drops loads whose `--for` has run out when their timer fires. */
export const loadExpiry: Controller = {
  name: LOAD_CONTROLLER,
  watches: {},
  reconcile(ctx, key) {
    const loads = readLoads(ctx.store);
    const remaining = loads.filter((l) => !(loadKey(l) === key && l.until !== undefined && l.until <= ctx.now()));
    if (remaining.length !== loads.length) writeLoads(ctx.store, remaining);
  },
};
