/**
 * The resource quota controller of kube-controller-manager
 * (pkg/controller/resourcequota): copies each quota's spec.hard to
 * status.hard and recounts status.used from the objects of its namespace.
 *
 * Keys are namespace names. A write queues its namespace only when the
 * namespace has a quota and the write can change what a quota counts (an
 * object created or deleted, a pod reaching a terminal phase, a Service's
 * type or ports, a claim's request, a quota's spec), so a recount costs the
 * objects of that one namespace.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext, WatchMapper } from '../../engine/controller.js';
import type { Store } from '../../store/store.js';
import { RESOURCES } from '../../api/registry.js';
import { jsonEqual } from '../../store/json-equal.js';
import { copyForWrite } from '../write-copy.js';
import { chargeEnds, evaluatorFor, evaluatorsForNames, type QuotaEvaluator } from './evaluators.js';
import { scopeRequirements } from './admission.js';
import { addLists, count, mask, parseList, toStored, type ResourceList } from './quantity.js';

/** The controller's name, which is also its queue name. */
export const RESOURCE_QUOTA_CONTROLLER = 'resourcequota';

function hasQuota(store: Store | undefined, namespace: string | undefined): boolean {
  if (!namespace) return false;
  // Without the store (a mapper called directly), queue the key and let the sync find out.
  return !store || store.list('resourcequotas', namespace, { shared: true }).length > 0;
}

/** Maps a write that creates or deletes an object to its namespace. */
const objectCountMapper: WatchMapper = (obj, old, store) => {
  if (obj && old) return undefined;
  const namespace = (obj ?? old)?.metadata.namespace;
  return hasQuota(store, namespace) ? namespace : undefined;
};

function isTerminal(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Maps a pod write that can change its charge: creation, deletion, a terminal phase, or the start of its deletion. */
const podMapper: WatchMapper = (obj, old, store) => {
  if (obj && old && isTerminal(obj) === isTerminal(old) && obj.metadata.deletionTimestamp === old.metadata.deletionTimestamp) return undefined;
  const namespace = (obj ?? old)?.metadata.namespace;
  return hasQuota(store, namespace) ? namespace : undefined;
};

/** Maps a Service write that can change its node ports or load balancers, or a claim write that can change its storage. */
function specMapper(resource: string): WatchMapper {
  const evaluator = evaluatorFor(resource)!;
  return (obj, old, store) => {
    if (obj && old && (obj.spec === old.spec || jsonEqual(evaluator.usage(obj, 0), evaluator.usage(old, 0)))) return undefined;
    const namespace = (obj ?? old)?.metadata.namespace;
    return hasQuota(store, namespace) ? namespace : undefined;
  };
}

/** Maps a new quota, or a quota write that changes its spec, to its namespace. Status writes map to nothing. */
const quotaMapper: WatchMapper = (obj, old) => {
  if (!obj) return undefined;
  if (old && (obj.spec === old.spec || jsonEqual(obj.spec, old.spec))) return undefined;
  return obj.metadata.namespace;
};

function buildWatches(): Record<string, WatchMapper> {
  const watches: Record<string, WatchMapper> = {};
  for (const info of RESOURCES) {
    if (!info.namespaced || info.discoveryOnly || !evaluatorFor(info.resource)) continue;
    watches[info.resource] = objectCountMapper;
  }
  watches.pods = podMapper;
  watches.services = specMapper('services');
  watches.persistentvolumeclaims = specMapper('persistentvolumeclaims');
  watches.resourcequotas = quotaMapper;
  return watches;
}

/** The observed usage of one quota, and when a pod being deleted stops counting (ms), if one does later. */
interface Recount {
  used: ResourceList;
  nextChange?: number;
}

/**
 * Recounts a quota (CalculateUsage). Each evaluator that measures one of
 * the hard names sums the objects that match the quota's scopes, from zero
 * for every name it measures. Names no evaluator measures keep their
 * previous value, and names that are not hard limits are dropped.
 */
export function calculateQuotaUsage(quota: KObject, list: (resource: string) => KObject[], now: number): Recount {
  const hard = parseList(quota.spec?.hard);
  const hardNames = [...hard.keys()];
  const scopes = scopeRequirements(quota);
  let observed: ResourceList = new Map();
  let nextChange: number | undefined;
  for (const evaluator of evaluatorsForNames(hardNames)) {
    const measured = evaluator.matchingResources(hardNames);
    let sum: ResourceList = new Map(measured.map((name) => [name, count(0)]));
    for (const obj of list(evaluator.resource)) {
      if (!scopes.every((r) => evaluator.matchesScope(r, obj))) continue;
      sum = addLists(sum, evaluator.usage(obj, now));
      nextChange = earlier(nextChange, podChargeEnd(evaluator, obj, now));
    }
    observed = addLists(observed, mask(sum, measured));
  }
  const used = parseList(quota.status?.used);
  for (const [name, q] of observed) used.set(name, q);
  return { used: mask(used, hardNames), nextChange };
}

function podChargeEnd(evaluator: QuotaEvaluator, obj: KObject, now: number): number | undefined {
  if (evaluator.resource !== 'pods') return undefined;
  const end = chargeEnds(obj);
  // The pod stops counting just after its end, as QuotaV1Pod compares with After.
  return end !== undefined && end >= now ? end + 1 : undefined;
}

function earlier(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined || a <= b ? a : b;
}

/** Syncs every quota of a namespace (syncResourceQuota), writing the status of those that changed. */
function syncNamespace(ctx: ControllerContext, namespace: string): void {
  const quotas = ctx.store.list('resourcequotas', namespace, { shared: true });
  if (quotas.length === 0) return;
  const listed = new Map<string, KObject[]>();
  const list = (resource: string): KObject[] => {
    let objects = listed.get(resource);
    if (!objects) {
      objects = ctx.store.list(resource, namespace, { shared: true });
      listed.set(resource, objects);
    }
    return objects;
  };
  const now = ctx.now();
  for (const quota of quotas) {
    const { used, nextChange } = calculateQuotaUsage(quota, list, now);
    const status = { hard: toStored(parseList(quota.spec?.hard)), used: toStored(used) };
    if (nextChange !== undefined) ctx.wakeAt(nextChange, namespace);
    if (jsonEqual(status, quota.status ?? {})) continue;
    const updated = copyForWrite(quota, []);
    updated.status = status;
    ctx.store.update('resourcequotas', updated, { owned: true });
  }
}

/** Keeps every ResourceQuota's status.hard and status.used current. */
export const resourceQuotaController: Controller = {
  name: RESOURCE_QUOTA_CONTROLLER,
  watches: buildWatches(),
  reconcile(ctx, key) {
    syncNamespace(ctx, key);
  },
};
