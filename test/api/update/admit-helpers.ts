/**
 * Shared setup of the update-rule tests: objects stored through admission,
 * and the message an update gets from admission ('accepted' when none).
 */
import { admit, type AdmissionContext } from '../../../src/api/admission.js';

/** Admission as on a 1.32 cluster whose namespaces all exist. */
export const context: AdmissionContext = { clusterVersion: 132, namespaceExists: () => true };

/** Admits `obj` as a create, applies `after` (what the store or a controller adds), and freezes it as the stored copy. */
export function stored(resource: string, obj: any, after: (o: any) => void = () => {}): any {
  admit(context, resource, obj, undefined, 'create');
  after(obj);
  return Object.freeze(obj);
}

/** Applies `change` to a copy of `old` and returns admission's error message for the update, or 'accepted'. */
export function updateError(resource: string, old: any, change: (obj: any) => void, ctx: AdmissionContext = context): string {
  const obj = structuredClone(old);
  change(obj);
  try {
    admit(ctx, resource, obj, old, 'update');
  } catch (err: any) {
    return err.message;
  }
  return 'accepted';
}

/** Freezes `value` and everything in it, so a test fails if admission changes a stored object. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
