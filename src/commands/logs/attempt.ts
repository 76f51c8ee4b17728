/**
 * Picks the container run whose log `kubectl logs` prints, as the kubelet's
 * validateContainerLogStatus (pkg/kubelet/kubelet_pods.go) picks a container
 * from the pod's status.
 */
import type { KObject } from '../../api/types.js';
import { ApiError } from '../../api/errors.js';
import type { PodRecord } from '../../kubelet/state.js';

/**
 * Returns the run (the restart index the logs are stored under) that `logs`
 * prints: without --previous the running run or the newest ended one, with
 * --previous the run that status.lastState.terminated shows. While the
 * container waits to restart (CrashLoopBackOff), lastState shows the run that
 * just ended, which is also the newest one. Once a new run has started, or
 * while the state itself shows the newest termination, lastState shows the
 * run before it. Throws the kubelet's BadRequest when there is no such run.
 */
export function logAttempt(pod: KObject, container: string, previous: boolean): number {
  const rec = (pod._sim as PodRecord | undefined)?.containers[container];
  const status =
    (pod.status?.containerStatuses ?? []).find((c: any) => c.name === container) ??
    (pod.status?.initContainerStatuses ?? []).find((c: any) => c.name === container);
  const podName = pod.metadata.name;
  if (!rec || rec.startedAt === undefined) {
    const waiting = status?.state?.waiting?.reason ?? 'ContainerCreating';
    throw new ApiError('BadRequest', 400, `container "${container}" in pod "${podName}" is waiting to start: ${waitingDetail(waiting)}`);
  }
  if (!previous) return rec.restarts;
  if (!status?.lastState?.terminated) {
    throw new ApiError('BadRequest', 400, `previous terminated container "${container}" in pod "${podName}" not found`);
  }
  return status.state?.waiting ? rec.restarts : rec.restarts - 1;
}

/** Returns the kubelet's reason text for a container that has never run, from its waiting reason. */
function waitingDetail(reason: string): string {
  if (reason === 'ErrImagePull') return "image can't be pulled";
  if (reason === 'ImagePullBackOff') return 'trying and failing to pull image';
  return reason;
}
