/**
 * The Recreate strategy (k8s.io/kubernetes pkg/controller/deployment/recreate.go):
 * scale every old ReplicaSet to zero, wait until no old pod is left, then
 * scale the new ReplicaSet to replicas.
 */
import type { KObject } from '../../api/types.js';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, listReplicaSets, scaleReplicaSet, splitFresh, type SyncContext } from './sync.js';
import { syncRolloutStatus } from './progress.js';
import * as u from './util.js';

/** Reports whether any pod of an old ReplicaSet still exists and has not finished. */
function oldPodsRunning(sc: SyncContext, oldRSs: KObject[]): boolean {
  if (u.statusCount(oldRSs, 'replicas') > 0) return true;
  for (const rs of oldRSs) {
    for (const pod of sc.ctx.store.list('pods', rs.metadata.namespace, { owner: rs.metadata.uid })) {
      const phase = pod.status?.phase;
      if (phase !== 'Succeeded' && phase !== 'Failed') return true;
    }
  }
  return false;
}

/** Runs one step of a Recreate rollout and refreshes status. */
export function rolloutRecreate(sc: SyncContext, rsList: KObject[]): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, rsList, false);
  const finish = () => {
    const fresh = splitFresh(listReplicaSets(sc), newRS);
    syncRolloutStatus(sc, [...fresh.oldRSs, ...(fresh.newRS ? [fresh.newRS] : [])], fresh.newRS);
  };

  let scaledDown = false;
  for (const rs of u.activeReplicaSets(oldRSs)) if (scaleReplicaSet(sc, rs, 0, 'down').scaled) scaledDown = true;
  if (scaledDown) return finish();
  if (oldPodsRunning(sc, oldRSs)) return finish();

  if (!newRS) ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, listReplicaSets(sc), true));
  if (newRS) scaleReplicaSet(sc, newRS, u.replicasOf(sc.d), 'up');
  if (u.deploymentComplete(sc.d, sc.d.status ?? {})) cleanupDeployment(sc, oldRSs);
  finish();
}
