/**
 * Validation of a container's lifecycle hooks (postStart, preStop) with the
 * API server's field paths and messages (validateLifecycle and
 * validateLifecycleHandler in pkg/apis/core/validation, Kubernetes 1.32).
 */
import { invalidValue, required, type FieldCause } from './errors.js';
import { validateHandlerAction } from './probe-validation.js';

/** The handler fields of a hook, in the order validateLifecycleHandler checks them. */
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

/**
 * Returns validateSleepAction's message for a sleep out of range. The zero
 * sleep needs the PodLifecycleSleepActionAllowZero gate, alpha (off) in
 * 1.32 and beta (on) from 1.33, whose 1.32 message names it.
 * NOTE: the 1.32 wording was not in the stored Kubernetes sources; it is
 * taken from the 1.32 release as remembered, and may differ.
 */
function sleepMessage(grace: number, clusterVersion: number): string {
  if (clusterVersion >= 133) return `must be non-negative and less than terminationGracePeriodSeconds (${grace})`;
  const message = `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`;
  return clusterVersion >= 132 ? `${message}. Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.` : message;
}

/** Checks the one handler a hook must have and the fields of the handler it has. */
function validateLifecycleHandler(handler: any, field: string, grace: number | undefined, clusterVersion: number): FieldCause[] {
  const causes: FieldCause[] = [];
  let handlers = 0;
  for (const name of HANDLERS) {
    const action = handler[name];
    if (action === undefined || action === null) continue;
    // Simplified: before 1.30 the API server drops the sleep field (PodLifecycleSleepAction is off). kubesim keeps it, and the kubelet skips it.
    if (name === 'sleep' && clusterVersion < 130) continue;
    if (handlers > 0) {
      causes.push({ field: `${field}.${name}`, type: 'Forbidden', detail: 'may not specify more than 1 handler type' });
      continue;
    }
    handlers++;
    causes.push(...validateHandlerAction(name, action, field));
    if (name === 'sleep' && grace !== undefined) {
      const seconds = typeof action.seconds === 'number' ? action.seconds : 0;
      const tooShort = clusterVersion >= 133 ? seconds < 0 : seconds <= 0;
      if (tooShort || seconds > grace) causes.push(invalidValue(`${field}.sleep`, seconds, sleepMessage(grace, clusterVersion)));
    }
  }
  if (handlers === 0) causes.push(required(field, 'must specify a handler type'));
  return causes;
}

/**
 * Returns the causes for container `c`'s lifecycle hooks, whose field path
 * is `field` (`spec.containers[0]`). `grace` is the pod's
 * terminationGracePeriodSeconds, which bounds a sleep action. Without it
 * the sleep's range is not checked, because the API server skips the check
 * for a nil grace period.
 */
export function validateContainerLifecycle(c: any, field: string, grace: number | undefined, clusterVersion: number): FieldCause[] {
  const lifecycle = c.lifecycle;
  if (!lifecycle || typeof lifecycle !== 'object') return [];
  const causes: FieldCause[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const handler = lifecycle[hook];
    if (handler && typeof handler === 'object') causes.push(...validateLifecycleHandler(handler, `${field}.lifecycle.${hook}`, grace, clusterVersion));
  }
  return causes;
}
