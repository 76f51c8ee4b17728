/**
 * The Deployment controller (syncDeployment in k8s.io/kubernetes
 * pkg/controller/deployment/deployment_controller.go), read as a decision
 * list: gone, deleting, paused, resized, then the strategy's rollout step.
 *
 * Keys are `ns/name` of a Deployment, or `rs:ns/name` when a pod of that
 * ReplicaSet disappears (a Recreate rollout waits for old pods to go).
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext } from '../../engine/controller.js';
import { ownerKeyMapper, selfMapper, splitKey } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { fromLabelSelector } from '../../api/selectors.js';
import { isoTime } from '../../store/store.js';
import { controllerRef } from '../replicaset/pods.js';
import { calculateStatus, getAllReplicaSetsAndSyncRevision, isScalingEvent, listReplicaSets, syncScaleOnly, updateDeployment, writeStatus, type SyncContext } from './sync.js';
import { rolloutRolling } from './rolling.js';
import { rolloutRecreate } from './recreate.js';
import { rollback, rollbackTo } from './rollback.js';
import * as u from './util.js';

const RS_PREFIX = 'rs:';
/** SelectingAll: the Deployment's selector is empty, so it would select every pod. */
export const REASON_SELECTING_ALL = 'SelectingAll';

/** Records the paused or resumed state in the Progressing condition (checkPausedConditions). */
function checkPausedConditions(sc: SyncContext): void {
  const d = sc.d;
  if (!u.hasProgressDeadline(d)) return;
  const cond = u.conditionOf(d.status, 'Progressing');
  if (cond?.reason === u.TIMED_OUT_REASON) return;
  const paused = !!d.spec?.paused;
  const pausedCond = cond?.reason === u.PAUSED_REASON;
  const at = isoTime(sc.ctx.now());
  let next: any;
  if (paused && !pausedCond) next = u.newCondition('Progressing', 'Unknown', u.PAUSED_REASON, 'Deployment is paused', at);
  else if (!paused && pausedCond) next = u.newCondition('Progressing', 'Unknown', u.RESUMED_REASON, 'Deployment is resumed', at);
  if (!next) return;
  d.status ??= {};
  u.setCondition(d.status, next);
  updateDeployment(sc);
}

function syncDeployment(ctx: ControllerContext, key: string): void {
  const [ns, name] = splitKey(key);
  const d = ctx.store.get('deployments', ns, name);
  if (!d) return;
  const sc: SyncContext = { ctx, d };

  const selector = fromLabelSelector(d.spec?.selector);
  if (!selector || selector.length === 0) {
    recordEvent(ctx.store, d, 'Warning', REASON_SELECTING_ALL, 'This deployment is selecting all pods. A non-empty selector is required.', { component: 'deployment-controller' });
    if (d.status?.observedGeneration !== d.metadata.generation) {
      d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation };
      updateDeployment(sc);
    }
    return;
  }

  let rsList = listReplicaSets(sc);
  if (d.metadata.deletionTimestamp) {
    const { newRS } = getAllReplicaSetsAndSyncRevision(sc, rsList, false);
    writeStatus(sc, calculateStatus(sc, listReplicaSets(sc), newRS));
    return;
  }

  checkPausedConditions(sc);
  if (sc.d.spec?.paused) return syncScaleOnly(sc, rsList);
  if (rollbackTo(sc.d) !== undefined) return rollback(sc, rsList);

  const scaling = isScalingEvent(sc, rsList);
  // Syncing revisions may have rewritten the new ReplicaSet, so read the list again.
  rsList = listReplicaSets(sc);
  if (scaling) return syncScaleOnly(sc, rsList);

  if (sc.d.spec?.strategy?.type === 'Recreate') rolloutRecreate(sc, rsList);
  else rolloutRolling(sc, rsList);
}

/** Wakes a Recreate Deployment when a pod of one of its ReplicaSets is gone. */
function wakeForReplicaSet(ctx: ControllerContext, key: string): void {
  const [ns, name] = splitKey(key.slice(RS_PREFIX.length));
  // Read only: the store's shared objects.
  const rs = ctx.store.get('replicasets', ns, name, { shared: true });
  const ref = rs && controllerRef(rs);
  if (!ref || ref.kind !== 'Deployment') return;
  const d = ctx.store.get('deployments', ns, ref.name, { shared: true });
  if (d?.spec?.strategy?.type === 'Recreate') ctx.store.enqueue('deployment', `${ns}/${ref.name}`);
}

const podGone = (obj: KObject | undefined, old: KObject | undefined): string | undefined => {
  if (obj || !old) return undefined;
  const ref = controllerRef(old);
  return ref?.kind === 'ReplicaSet' ? `${RS_PREFIX}${old.metadata.namespace ?? ''}/${ref.name}` : undefined;
};

/** Rolls Deployments out through their ReplicaSets. */
export const deploymentController: Controller = {
  name: 'deployment',
  watches: {
    deployments: selfMapper,
    replicasets: ownerKeyMapper('Deployment'),
    pods: podGone,
  },
  reconcile(ctx, key) {
    if (key.startsWith(RS_PREFIX)) wakeForReplicaSet(ctx, key);
    else syncDeployment(ctx, key);
  },
};
