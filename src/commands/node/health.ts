/**
 * Setting a node's Ready condition the way its kubelet's heartbeats would:
 * `Unknown` when they stop (the node shows NotReady), `True` when they resume.
 */
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { notFound } from '../../api/errors.js';
import { isoTime } from '../../store/store.js';

const STOPPED = 'Kubelet stopped posting node status.';

/** Marks the node's conditions as a failed or a recovered kubelet leaves them; returns whether anything changed. */
export function setNodeHealth(cluster: Cluster, name: string, healthy: boolean): boolean {
  return cluster.store.tx(() => {
    const node = cluster.store.get('nodes', '', name);
    if (!node) throw notFound('nodes', name);
    const now = isoTime(cluster.simNow);
    let changed = false;
    for (const c of (node.status?.conditions ?? []) as any[]) {
      const want = healthy ? healthyCondition(c.type) : { status: 'Unknown', reason: 'NodeStatusUnknown', message: STOPPED };
      if (c.status === want.status) continue;
      Object.assign(c, want, { lastTransitionTime: now, lastHeartbeatTime: healthy ? now : c.lastHeartbeatTime });
      changed = true;
    }
    if (changed) cluster.store.update('nodes', node as KObject);
    return changed;
  });
}

function healthyCondition(type: string): { status: string; reason: string; message: string } {
  switch (type) {
    case 'MemoryPressure':
      return { status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' };
    case 'DiskPressure':
      return { status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' };
    case 'PIDPressure':
      return { status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' };
    default:
      return { status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' };
  }
}
