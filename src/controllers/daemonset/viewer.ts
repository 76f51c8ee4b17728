/**
 * The DaemonSet status viewer of `rollout status` (kubectl's
 * DaemonSetStatusViewer), as a pure function of the object.
 */
import type { KObject } from '../../api/types.js';

/** Returns the progress line and whether the rollout is done; throws for the OnDelete strategy. */
export function statusMessage(ds: KObject): { message: string; done: boolean } {
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new Error('rollout status is only available for RollingUpdate strategy type');
  const s = ds.status ?? {};
  const name = ds.metadata.name;
  if ((ds.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = s.desiredNumberScheduled ?? 0;
  const updated = s.updatedNumberScheduled ?? 0;
  const available = s.numberAvailable ?? 0;
  if (updated < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
  if (available < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}
