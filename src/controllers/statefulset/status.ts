/**
 * StatefulSet status from its pods: counts per revision, and the current
 * revision advancing to the update revision once every replica runs it.
 */
import type { KObject } from '../../api/types.js';
import { isPodAvailable, isPodReady } from '../podutil/pod-state.js';

export function calculateStatus(sts: KObject, pods: KObject[], currentRevision: string, updateRevision: string, now: number): any {
  const minReady = sts.spec?.minReadySeconds ?? 0;
  const live = pods.filter((p) => !p.metadata.deletionTimestamp);
  const rev = (p: KObject) => p.metadata.labels?.['controller-revision-hash'];
  const status: any = {
    availableReplicas: live.filter((p) => isPodAvailable(p, minReady, now)).length,
    collisionCount: sts.status?.collisionCount ?? 0,
    currentReplicas: live.filter((p) => rev(p) === currentRevision).length,
    currentRevision,
    observedGeneration: sts.metadata.generation,
    readyReplicas: live.filter(isPodReady).length,
    replicas: live.length,
    updateRevision,
    updatedReplicas: live.filter((p) => rev(p) === updateRevision).length,
  };
  const replicas = sts.spec?.replicas ?? 1;
  if (status.updatedReplicas === replicas && status.replicas === replicas && currentRevision !== updateRevision) {
    status.currentRevision = updateRevision;
    status.currentReplicas = status.updatedReplicas;
  }
  if (status.readyReplicas === 0) delete status.readyReplicas;
  if (status.currentReplicas === 0) delete status.currentReplicas;
  if (status.updatedReplicas === 0) delete status.updatedReplicas;
  return status;
}
