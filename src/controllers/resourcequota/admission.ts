/**
 * The ResourceQuota admission plugin of kube-apiserver
 * (k8s.io/apiserver/pkg/admission/plugin/resourcequota). A write that would
 * take any quota of its namespace over a hard limit is Forbidden. An
 * admitted write charges its usage to each matching quota's status.used at
 * once, so the next write is checked against it before the quota controller recounts.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { findResource, resourceString } from '../../api/registry.js';
import { forbidden } from '../../api/namespace-lifecycle.js';
import { copyForWrite } from '../write-copy.js';
import { evaluatorFor, type QuotaEvaluator, type ScopeRequirement } from './evaluators.js';
import { addLists, mask, parseList, prettyPrint, removeZeros, subtractNonNegative, toStored, type ResourceList } from './quantity.js';

/** Returns a quota's scopes and scopeSelector as one list of requirements (getScopeSelectorsFromQuota). */
export function scopeRequirements(quota: KObject): ScopeRequirement[] {
  const requirements: ScopeRequirement[] = [];
  for (const scope of quota.spec?.scopes ?? []) requirements.push({ scopeName: String(scope), operator: 'Exists' });
  for (const expression of quota.spec?.scopeSelector?.matchExpressions ?? []) {
    requirements.push({ scopeName: String(expression?.scopeName ?? ''), operator: String(expression?.operator ?? ''), values: expression?.values });
  }
  return requirements;
}

/** Reports whether a quota tracks an object: it limits something the evaluator measures, and the object matches every scope (generic.Matches). */
export function quotaMatches(quota: KObject, hardNames: readonly string[], evaluator: QuotaEvaluator, obj: KObject): boolean {
  if (evaluator.matchingResources(hardNames).length === 0) return false;
  return scopeRequirements(quota).every((r) => evaluator.matchesScope(r, obj));
}

/** A quota that tracks the object being written, with the parts of its status the check reads. */
interface TrackingQuota {
  quota: KObject;
  hard: ResourceList;
  used: ResourceList;
  /** The usage this write adds: the whole object on create, the growth on update. */
  delta?: ResourceList;
}

/**
 * Checks a create or update against every ResourceQuota of its namespace
 * and charges the quotas it fits, or throws the Forbidden error the API
 * server returns. `now` is the cluster time in ms.
 */
export function admitResourceQuota(store: Store, resource: string, obj: KObject, old: KObject | undefined, op: 'create' | 'update' | 'delete', now: number): void {
  if (op === 'delete') return;
  // A write that keeps the spec object (a status or metadata write) cannot change any usage kubesim measures.
  if (op === 'update' && old && obj.spec === old.spec) return;
  const namespace = obj.metadata.namespace;
  if (!namespace) return;
  const evaluator = evaluatorFor(resource);
  if (!evaluator || !evaluator.handles(op)) return;
  const quotas = store.list('resourcequotas', namespace, { shared: true });
  if (quotas.length === 0) return;

  const rejectWith = (detail: string): never => {
    const info = findResource(resource);
    throw forbidden(info ? resourceString(info) : resource, obj.metadata.name ?? '', detail);
  };
  const tracking = findTrackingQuotas(quotas, evaluator, obj, rejectWith);
  if (tracking.length === 0) return;

  const usage = evaluator.usage(obj, now);
  const oldUsage = op === 'update' && old ? evaluator.usage(old, now) : undefined;
  for (const t of tracking) {
    // On update only the growth is charged, to quotas that tracked the old object too.
    const charged = oldUsage && quotaMatches(t.quota, [...t.hard.keys()], evaluator, old!) ? subtractNonNegative(usage, oldUsage) : usage;
    const delta = removeZeros(charged);
    if (delta.size > 0) t.delta = delta;
  }

  const charges: { quota: KObject; used: ResourceList }[] = [];
  for (const t of tracking) {
    if (!t.delta) continue;
    const requested = mask(t.delta, t.hard.keys());
    const newUsed = addLists(t.used, requested);
    const exceeded = [...requested.keys()].filter((name) => newUsed.get(name)!.nano > t.hard.get(name)!.nano);
    if (exceeded.length > 0) {
      rejectWith(
        `exceeded quota: ${t.quota.metadata.name}, requested: ${prettyPrint(mask(requested, exceeded))}, used: ${prettyPrint(mask(t.used, exceeded))}, limited: ${prettyPrint(mask(t.hard, exceeded))}`,
      );
    }
    charges.push({ quota: t.quota, used: newUsed });
  }

  for (const { quota, used } of charges) recordUsed(store, quota, used);
}

/**
 * Returns the quotas that track the object, in name order, after checking
 * that each requires nothing the object lacks and has counted its usage.
 */
function findTrackingQuotas(quotas: KObject[], evaluator: QuotaEvaluator, obj: KObject, rejectWith: (detail: string) => never): TrackingQuota[] {
  const tracking: TrackingQuota[] = [];
  for (const quota of quotas) {
    const hard = parseList(quota.status?.hard);
    const hardNames = [...hard.keys()];
    if (!quotaMatches(quota, hardNames, evaluator, obj)) continue;
    const restricted = evaluator.matchingResources(hardNames);
    const missing = evaluator.constraints(restricted, obj);
    if (missing) rejectWith(`failed quota: ${quota.metadata.name}: ${missing}`);
    const used = parseList(quota.status?.used);
    const unknown = restricted.filter((name) => !used.has(name));
    if (unknown.length > 0) rejectWith(`status unknown for quota: ${quota.metadata.name}, resources: ${[...restricted].sort().join(',')}`);
    tracking.push({ quota, hard, used });
  }
  return tracking;
}

/** Writes a quota's new status.used. `quota` is the store's shared object, which the write copies. */
function recordUsed(store: Store, quota: KObject, used: ResourceList): void {
  const updated = copyForWrite(quota, []);
  updated.status = { ...quota.status, used: toStored(used) };
  store.update('resourcequotas', updated, { owned: true });
}
