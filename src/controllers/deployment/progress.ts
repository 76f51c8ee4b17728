/**
 * The Progressing condition (k8s.io/kubernetes pkg/controller/deployment/progress.go):
 * progress refreshes it, completion marks NewReplicaSetAvailable, and no
 * progress for progressDeadlineSeconds marks ProgressDeadlineExceeded.
 */
import type { KObject } from '../../api/types.js';
import { isoTime } from '../../store/store.js';
import { calculateStatus, writeStatus, type SyncContext } from './sync.js';
import * as u from './util.js';
import { REPLICA_FAILURE } from '../replicaset/status.js';

function timedOut(d: KObject, now: number): boolean {
  if (!u.hasProgressDeadline(d)) return false;
  const cond = u.conditionOf(d.status, 'Progressing');
  if (!cond || cond.reason === u.NEW_RS_AVAILABLE_REASON) return false;
  if (cond.reason === u.TIMED_OUT_REASON) return true;
  const from = Date.parse(cond.lastUpdateTime);
  return from + d.spec.progressDeadlineSeconds * 1000 < now;
}

function subject(newRS: KObject | undefined, d: KObject): string {
  return newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
}

/** Updates status with the Progressing condition and schedules a wake-up for when the deadline would pass. */
export function syncRolloutStatus(sc: SyncContext, allRSs: KObject[], newRS: KObject | undefined): void {
  const d = sc.d;
  const now = sc.ctx.now();
  const at = isoTime(now);
  const status = calculateStatus(sc, allRSs, newRS);
  if (!u.hasProgressDeadline(d)) u.removeCondition(status, 'Progressing');
  const current = u.conditionOf(d.status, 'Progressing');
  const complete = status.replicas === status.updatedReplicas && current?.reason === u.NEW_RS_AVAILABLE_REASON;
  if (u.hasProgressDeadline(d) && !complete) {
    if (u.deploymentComplete(d, status)) {
      u.setCondition(status, u.newCondition('Progressing', 'True', u.NEW_RS_AVAILABLE_REASON, `${subject(newRS, d)} has successfully progressed.`, at));
    } else if (u.deploymentProgressing(d, status)) {
      const cond = u.newCondition('Progressing', 'True', u.RS_UPDATED_REASON, `${subject(newRS, d)} is progressing.`, at);
      if (current?.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
      u.removeCondition(status, 'Progressing');
      u.setCondition(status, cond);
    } else if (timedOut(d, now)) {
      u.setCondition(status, u.newCondition('Progressing', 'False', u.TIMED_OUT_REASON, `${subject(newRS, d)} has timed out progressing.`, at));
    }
  }
  copyReplicaFailure(status, allRSs, newRS);
  writeStatus(sc, status);
  requeueStuckDeployment(sc);
}

/**
 * Copies a ReplicaSet's ReplicaFailure condition to the Deployment, and
 * prefers the new ReplicaSet's. When no ReplicaSet has one, it removes the
 * Deployment's (getReplicaFailures and ReplicaSetToDeploymentCondition).
 */
function copyReplicaFailure(status: any, allRSs: KObject[], newRS: KObject | undefined): void {
  const candidates = newRS ? [newRS, ...allRSs] : allRSs;
  for (const rs of candidates) {
    const failure = (rs.status?.conditions ?? []).find((c: any) => c?.type === REPLICA_FAILURE);
    if (!failure) continue;
    const at = failure.lastTransitionTime;
    u.setCondition(status, { type: REPLICA_FAILURE, status: failure.status, lastUpdateTime: at, lastTransitionTime: at, reason: failure.reason, message: failure.message });
    return;
  }
  u.removeCondition(status, REPLICA_FAILURE);
}

/** Wakes the Deployment one second after its deadline, as the real controller requeues. */
function requeueStuckDeployment(sc: SyncContext): void {
  const d = sc.d;
  const cond = u.conditionOf(d.status, 'Progressing');
  if (!u.hasProgressDeadline(d) || !cond) return;
  if (cond.reason === u.NEW_RS_AVAILABLE_REASON || cond.reason === u.TIMED_OUT_REASON) return;
  if (u.deploymentComplete(d, d.status ?? {})) return;
  const due = Date.parse(cond.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 + 1000;
  sc.ctx.wakeAt(due, `${d.metadata.namespace}/${d.metadata.name}`);
}
