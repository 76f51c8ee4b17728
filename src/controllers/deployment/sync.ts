/**
 * The Deployment controller's shared steps (k8s.io/kubernetes
 * pkg/controller/deployment/sync.go): finding and creating the new
 * ReplicaSet with its revision, scaling ReplicaSets with events,
 * proportional scaling, history cleanup and status.
 */
import type { KObject } from '../../api/types.js';
import type { ControllerContext } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { deleteObject } from '../../engine/delete.js';
import { ApiError } from '../../api/errors.js';
import { fromLabelSelector, matches } from '../../api/selectors.js';
import { isoTime } from '../../store/store.js';
import { controllerRef, newControllerRef } from '../replicaset/pods.js';
import { computeHash } from './hash.js';
import * as u from './util.js';

/** A Deployment being synced: the controller context and the latest stored copy of the Deployment. */
export interface SyncContext {
  ctx: ControllerContext;
  d: KObject;
}

/** ScalingReplicaSet: the controller changed a ReplicaSet's size. */
export const REASON_SCALING_RS = 'ScalingReplicaSet';
const SOURCE = { component: 'deployment-controller' };
/** Maximum length of the revision-history annotation, in characters (the controller's default flag value). */
const MAX_REVISION_HISTORY_CHARS = 2000;

/** Writes the Deployment and keeps the stored copy for the next step. */
export function updateDeployment(sc: SyncContext): void {
  sc.d = sc.ctx.store.update('deployments', sc.d);
}

/** Lists the ReplicaSets the Deployment owns, adopting matching orphans. */
export function listReplicaSets(sc: SyncContext): KObject[] {
  const { store } = sc.ctx;
  const d = sc.d;
  const ns = d.metadata.namespace ?? '';
  const owned = store.list('replicasets', ns, { owner: d.metadata.uid }).filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
  const selector = fromLabelSelector(d.spec?.selector);
  if (d.metadata.deletionTimestamp || !selector || selector.length === 0) return owned;
  for (const rs of store.list('replicasets', ns)) {
    if (controllerRef(rs) || rs.metadata.deletionTimestamp || !matches(selector, rs.metadata.labels)) continue;
    rs.metadata.ownerReferences = [...(rs.metadata.ownerReferences ?? []), newControllerRef(d)];
    owned.push(store.update('replicasets', rs));
  }
  return owned;
}

function scaledMessage(sc: SyncContext, op: string, rs: KObject, from: number, to: number): string {
  // NOTE: the release that added "from N" to this message is taken as 1.29 without a source read.
  return sc.ctx.settings.version >= 129 ? `Scaled ${op} replica set ${rs.metadata.name} from ${from} to ${to}` : `Scaled ${op} replica set ${rs.metadata.name} to ${to}`;
}

/**
 * Sets a ReplicaSet's size (and its desired/max annotations); records a
 * ScalingReplicaSet event when the size changed. Returns the stored ReplicaSet.
 */
export function scaleReplicaSet(sc: SyncContext, rs: KObject, newScale: number, op?: 'up' | 'down'): { rs: KObject; scaled: boolean } {
  const d = sc.d;
  const from = u.replicasOf(rs);
  const sizeChanged = from !== newScale;
  const copy = structuredClone(rs);
  const annotationsChanged = u.setReplicasAnnotations(copy, u.replicasOf(d), u.replicasOf(d) + u.maxSurge(d));
  if (!sizeChanged && !annotationsChanged) return { rs, scaled: false };
  copy.spec.replicas = newScale;
  const saved = sc.ctx.store.update('replicasets', copy);
  if (sizeChanged) {
    const direction = op ?? (newScale > from ? 'up' : 'down');
    recordEvent(sc.ctx.store, d, 'Normal', REASON_SCALING_RS, scaledMessage(sc, direction, saved, from, newScale), SOURCE);
  }
  return { rs: saved, scaled: sizeChanged };
}

/** Copies the Deployment's annotations onto a ReplicaSet, except the controller's own. */
function copyAnnotations(d: KObject, rs: KObject): boolean {
  let changed = false;
  const ann = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (u.SKIPPED_ANNOTATIONS.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}

/**
 * Stamps a ReplicaSet with the Deployment's annotations and the new
 * revision. A ReplicaSet that moves to a newer revision (a rollback)
 * records its old number in revision-history.
 */
function setNewReplicaSetAnnotations(d: KObject, rs: KObject, newRevision: number, exists: boolean): boolean {
  let changed = copyAnnotations(d, rs);
  const ann = rs.metadata.annotations!;
  const had = ann[u.REVISION_ANNOTATION];
  const old = had === undefined ? 0 : Number(had);
  if (had !== undefined && !Number.isInteger(old)) return false;
  if (old < newRevision) {
    ann[u.REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (had !== undefined) {
      const history = ann[u.REVISION_HISTORY_ANNOTATION];
      const next = history ? `${history},${had}` : had;
      if (next.length <= MAX_REVISION_HISTORY_CHARS) ann[u.REVISION_HISTORY_ANNOTATION] = next;
    }
  }
  if (!exists && u.setReplicasAnnotations(rs, u.replicasOf(d), u.replicasOf(d) + u.maxSurge(d))) changed = true;
  return changed;
}

function setDeploymentRevision(d: KObject, revision: string): boolean {
  const ann = (d.metadata.annotations ??= {});
  if (ann[u.REVISION_ANNOTATION] === revision) return false;
  ann[u.REVISION_ANNOTATION] = revision;
  return true;
}

/**
 * Splits the ReplicaSets into the new one (matching the template) and the
 * old ones, and syncs the new one's revision. When `create` is set and no
 * ReplicaSet matches, creates the new one. Otherwise newRS is undefined.
 */
export function getAllReplicaSetsAndSyncRevision(sc: SyncContext, rsList: KObject[], create: boolean): { newRS?: KObject; oldRSs: KObject[] } {
  const existing = u.findNewReplicaSet(sc.d, rsList);
  const oldRSs = rsList.filter((rs) => rs !== existing);
  const newRevision = u.maxRevision(oldRSs) + 1;
  if (existing) return { newRS: syncExistingNewReplicaSet(sc, existing, newRevision), oldRSs };
  if (!create) return { oldRSs };
  return { newRS: createNewReplicaSet(sc, oldRSs, newRevision), oldRSs };
}

function syncExistingNewReplicaSet(sc: SyncContext, existing: KObject, newRevision: number): KObject {
  const d = sc.d;
  let rs = existing;
  const copy = structuredClone(existing);
  const annotationsChanged = setNewReplicaSetAnnotations(d, copy, newRevision, true);
  const minReady = d.spec?.minReadySeconds ?? 0;
  const minReadyChanged = (copy.spec.minReadySeconds ?? 0) !== minReady;
  if (annotationsChanged || minReadyChanged) {
    if (minReady) copy.spec.minReadySeconds = minReady;
    else delete copy.spec.minReadySeconds;
    rs = sc.ctx.store.update('replicasets', copy);
  }
  let needsUpdate = setDeploymentRevision(d, rs.metadata.annotations?.[u.REVISION_ANNOTATION] ?? '');
  if (u.hasProgressDeadline(d) && !u.conditionOf(d.status, 'Progressing')) {
    d.status ??= {};
    u.setCondition(d.status, u.newCondition('Progressing', 'True', u.FOUND_NEW_RS_REASON, `Found new replica set "${rs.metadata.name}"`, isoTime(sc.ctx.now())));
    needsUpdate = true;
  }
  if (needsUpdate) updateDeployment(sc);
  return rs;
}

function createNewReplicaSet(sc: SyncContext, oldRSs: KObject[], newRevision: number): KObject | undefined {
  const d = sc.d;
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const template = structuredClone(d.spec.template);
  template.metadata ??= {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [u.POD_TEMPLATE_HASH_LABEL]: hash };
  const selector = structuredClone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [u.POD_TEMPLATE_HASH_LABEL]: hash };
  const newRS: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d)],
    },
    spec: { replicas: 0, selector, template },
  };
  if (d.spec.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
  newRS.spec.replicas = u.newRSNewReplicas(d, oldRSs, newRS);
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  let created: KObject;
  try {
    created = sc.ctx.store.create('replicasets', newRS);
  } catch (err) {
    if (!(err instanceof ApiError) || err.reason !== 'AlreadyExists') throw err;
    const clash = sc.ctx.store.get('replicasets', d.metadata.namespace ?? '', newRS.metadata.name);
    if (clash && controllerRef(clash)?.uid === d.metadata.uid && u.equalIgnoreHash(clash.spec?.template, d.spec.template)) return clash;
    // A different object has this name, so bump collisionCount to change the next hash.
    d.status ??= {};
    d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
    updateDeployment(sc);
    sc.ctx.store.enqueue('deployment', `${d.metadata.namespace}/${d.metadata.name}`);
    return undefined;
  }
  const replicas = u.replicasOf(created);
  if (replicas > 0) recordEvent(sc.ctx.store, d, 'Normal', REASON_SCALING_RS, scaledMessage(sc, 'up', created, 0, replicas), SOURCE);
  setDeploymentRevision(d, String(newRevision));
  if (u.hasProgressDeadline(d)) {
    d.status ??= {};
    u.setCondition(d.status, u.newCondition('Progressing', 'True', u.NEW_RS_REASON, `Created new replica set "${created.metadata.name}"`, isoTime(sc.ctx.now())));
  }
  updateDeployment(sc);
  return created;
}

/** Finds the only active ReplicaSet, or the newest when none is active (FindActiveOrLatest). */
function findActiveOrLatest(newRS: KObject | undefined, oldRSs: KObject[]): KObject | undefined {
  const all = newRS ? [...oldRSs, newRS] : oldRSs;
  if (all.length === 0) return undefined;
  const active = u.activeReplicaSets(all);
  if (active.length === 1) return active[0];
  if (active.length === 0) return newRS ?? [...oldRSs].sort(u.byCreation).at(-1);
  return undefined;
}

/**
 * Resizes ReplicaSets after spec.replicas changed. Mid-rollout, each active
 * ReplicaSet gets its proportion of the change. For example, with old 8 and
 * new 5 of max-replicas 13, going from 10 to 20 (surge 3 to 5) adds 7 and 5.
 */
export function scale(sc: SyncContext, newRS: KObject | undefined, oldRSs: KObject[]): void {
  const d = sc.d;
  const target = findActiveOrLatest(newRS, oldRSs);
  if (target) {
    if (u.replicasOf(target) !== u.replicasOf(d)) scaleReplicaSet(sc, target, u.replicasOf(d));
    return;
  }
  if (u.isSaturated(d, newRS)) {
    for (const old of u.activeReplicaSets(oldRSs)) scaleReplicaSet(sc, old, 0);
    return;
  }
  if (!u.isRollingUpdate(d)) return;

  const all = u.activeReplicaSets(newRS ? [...oldRSs, newRS] : oldRSs);
  const allowed = u.replicasOf(d) > 0 ? u.replicasOf(d) + u.maxSurge(d) : 0;
  const toAdd = allowed - u.specReplicaCount(all);
  const op = toAdd > 0 ? 'up' : 'down';
  // Scaling up favours the larger and newer ReplicaSets, scaling down the larger and older ones.
  all.sort((a, b) => {
    const bySize = u.replicasOf(b) - u.replicasOf(a);
    if (bySize !== 0) return bySize;
    return toAdd > 0 ? u.byCreation(b, a) : u.byCreation(a, b);
  });

  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of all) {
    const proportion = toAdd !== 0 ? u.proportionFor(rs, d, toAdd, added, d.status?.replicas ?? 0) : 0;
    sizes.set(rs.metadata.name, u.replicasOf(rs) + proportion);
    added += proportion;
  }
  if (toAdd !== 0 && all.length > 0) {
    const first = all[0].metadata.name;
    sizes.set(first, Math.max(0, sizes.get(first)! + (toAdd - added)));
  }
  for (const rs of all) scaleReplicaSet(sc, rs, sizes.get(rs.metadata.name)!, op);
}

/** Deletes the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(sc: SyncContext, oldRSs: KObject[]): void {
  const limit = sc.d.spec?.revisionHistoryLimit;
  if (limit === undefined || limit === null) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort((a, b) => u.revisionOf(a) - u.revisionOf(b) || u.byCreation(a, b));
  for (const rs of cleanable.slice(0, diff)) {
    const busy = (rs.status?.replicas ?? 0) !== 0 || u.replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0);
    if (busy) continue;
    deleteObject(sc.ctx.store, 'replicasets', rs.metadata.namespace ?? '', rs.metadata.name);
  }
}

/** Computes the Deployment's status from its ReplicaSets (calculateStatus). */
export function calculateStatus(sc: SyncContext, allRSs: KObject[], newRS: KObject | undefined): any {
  const d = sc.d;
  const available = u.statusCount(allRSs, 'availableReplicas');
  const unavailable = Math.max(0, u.specReplicaCount(allRSs) - available);
  const status: any = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: u.statusCount(allRSs, 'replicas'),
    updatedReplicas: newRS ? (newRS.status?.replicas ?? 0) : 0,
    readyReplicas: u.statusCount(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    conditions: structuredClone(d.status?.conditions ?? []),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  const at = isoTime(sc.ctx.now());
  if (available >= u.replicasOf(d) - u.maxUnavailable(d)) {
    u.setCondition(status, u.newCondition('Available', 'True', u.MIN_AVAILABLE_REASON, 'Deployment has minimum availability.', at));
  } else {
    u.setCondition(status, u.newCondition('Available', 'False', u.MIN_UNAVAILABLE_REASON, 'Deployment does not have minimum availability.', at));
  }
  return status;
}

/** Returns the stored form of a status, without zero counters and empty lists, as the API server omits them. */
export function storedStatus(status: any): any {
  const out: any = {};
  for (const [k, v] of Object.entries(status)) {
    if (v === 0 && k !== 'collisionCount') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Writes the status when it differs from the stored one; returns whether it wrote. */
export function writeStatus(sc: SyncContext, status: any): boolean {
  const next = storedStatus(status);
  if (JSON.stringify(next) === JSON.stringify(sc.d.status ?? {})) return false;
  sc.d.status = next;
  updateDeployment(sc);
  return true;
}

/** Scaling-only sync for paused Deployments and resize events (sync in sync.go). */
export function syncScaleOnly(sc: SyncContext, rsList: KObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, rsList, false);
  scale(sc, newRS, oldRSs);
  const fresh = listReplicaSets(sc);
  const split = splitFresh(fresh, newRS);
  if (sc.d.spec?.paused) cleanupDeployment(sc, split.oldRSs);
  writeStatus(sc, calculateStatus(sc, fresh, split.newRS));
}

/** Re-reads the new ReplicaSet from a fresh listing. */
export function splitFresh(fresh: KObject[], newRS: KObject | undefined): { newRS?: KObject; oldRSs: KObject[] } {
  const found = newRS ? fresh.find((rs) => rs.metadata.uid === newRS.metadata.uid) : undefined;
  return { newRS: found, oldRSs: fresh.filter((rs) => rs !== found) };
}

/** Reports whether spec.replicas changed since the ReplicaSets were last sized (isScalingEvent). */
export function isScalingEvent(sc: SyncContext, rsList: KObject[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, rsList, false);
  if (!newRS) return false;
  for (const rs of u.activeReplicaSets([...oldRSs, newRS])) {
    const desired = rs.metadata.annotations?.[u.DESIRED_REPLICAS_ANNOTATION];
    if (desired !== undefined && Number(desired) !== u.replicasOf(sc.d)) return true;
  }
  return false;
}
