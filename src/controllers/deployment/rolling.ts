/**
 * The RollingUpdate strategy (k8s.io/kubernetes pkg/controller/deployment/rolling.go):
 * grow the new ReplicaSet within maxSurge, shrink old ones within
 * maxUnavailable, one decision per sync.
 */
import type { KObject } from '../../api/types.js';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, listReplicaSets, scaleReplicaSet, splitFresh, type SyncContext } from './sync.js';
import { syncRolloutStatus } from './progress.js';
import * as u from './util.js';

function reconcileNewReplicaSet(sc: SyncContext, allRSs: KObject[], newRS: KObject): boolean {
  const want = u.replicasOf(sc.d);
  if (u.replicasOf(newRS) === want) return false;
  if (u.replicasOf(newRS) > want) return scaleReplicaSet(sc, newRS, want, 'down').scaled;
  return scaleReplicaSet(sc, newRS, u.newRSNewReplicas(sc.d, allRSs, newRS), 'up').scaled;
}

/**
 * Scales down old ReplicaSets' unavailable pods first, then available ones
 * while at least replicas - maxUnavailable stay available. With replicas 10,
 * maxUnavailable 2, 13 pods of which the 3 new ones are unavailable, up to
 * 13 - 8 - 3 = 2 old pods go.
 */
function reconcileOldReplicaSets(sc: SyncContext, allRSs: KObject[], oldRSs: KObject[], newRS: KObject): boolean {
  if (u.specReplicaCount(oldRSs) === 0) return false;
  const minAvailable = u.replicasOf(sc.d) - u.maxUnavailable(sc.d);
  const newUnavailable = u.replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = u.specReplicaCount(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;

  const { cleaned, olds } = cleanupUnhealthyReplicas(sc, oldRSs, maxScaledDown);
  const all = [...olds, newRS];
  const scaledDown = scaleDownOldReplicaSets(sc, all, olds);
  return cleaned + scaledDown > 0;
}

function cleanupUnhealthyReplicas(sc: SyncContext, oldRSs: KObject[], maxCleanup: number): { cleaned: number; olds: KObject[] } {
  let total = 0;
  const olds = [...oldRSs].sort(u.byCreation);
  for (let i = 0; i < olds.length && total < maxCleanup; i++) {
    const rs = olds[i];
    if (u.replicasOf(rs) === 0) continue;
    const unhealthy = u.replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
    if (unhealthy <= 0) continue;
    const count = Math.min(maxCleanup - total, unhealthy);
    olds[i] = scaleReplicaSet(sc, rs, u.replicasOf(rs) - count, 'down').rs;
    total += count;
  }
  return { cleaned: total, olds };
}

function scaleDownOldReplicaSets(sc: SyncContext, allRSs: KObject[], oldRSs: KObject[]): number {
  const minAvailable = u.replicasOf(sc.d) - u.maxUnavailable(sc.d);
  const available = u.statusCount(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const totalToScale = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(u.byCreation)) {
    if (total >= totalToScale) break;
    if (u.replicasOf(rs) === 0) continue;
    const count = Math.min(u.replicasOf(rs), totalToScale - total);
    scaleReplicaSet(sc, rs, u.replicasOf(rs) - count, 'down');
    total += count;
  }
  return total;
}

/** Runs one step of a rolling update and refreshes status. */
export function rolloutRolling(sc: SyncContext, rsList: KObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, rsList, true);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];
  const finish = () => {
    const fresh = splitFresh(listReplicaSets(sc), newRS);
    syncRolloutStatus(sc, [...fresh.oldRSs, ...(fresh.newRS ? [fresh.newRS] : [])], fresh.newRS);
  };

  if (reconcileNewReplicaSet(sc, allRSs, newRS)) return finish();
  if (reconcileOldReplicaSets(sc, allRSs, oldRSs, newRS)) return finish();
  if (u.deploymentComplete(sc.d, sc.d.status ?? {})) cleanupDeployment(sc, oldRSs);
  finish();
}
