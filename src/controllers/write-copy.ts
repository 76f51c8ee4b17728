/**
 * Copies of the store's shared objects for a controller's write. A sync that
 * reads an object shared (Store.get with {shared: true}) and then writes it
 * copies only what the write can change: the metadata the store fills in and
 * the fields the controller sets. The spec stays the shared object, so an
 * update that changes only the status skips admission (see admittedBefore
 * in src/api/admission.ts) and the store's no-op check compares it by identity.
 */
import type { KObject } from '../api/types.js';
import { cloneJson } from '../store/store.js';

/**
 * Returns a top-level copy of a shared object, with deep copies of the
 * fields named in `deep` that it has (such as `status`): enough for a sync
 * that changes only those fields. Before the copy goes to Store.update with
 * {owned: true}, pass it through copyForWrite.
 */
export function copyFields(shared: KObject, deep: readonly string[]): KObject {
  const obj: KObject = { ...shared };
  for (const key of deep) {
    if (shared[key] !== undefined) obj[key] = cloneJson(shared[key]);
  }
  return obj;
}

/**
 * Returns a copy of a shared object that a controller may hand to
 * Store.update with {owned: true}: own metadata (its contents shared) and
 * deep copies of the fields named in `deep` (see copyFields). The spec is
 * the shared one: a write that changes it copies it first. Key order is the
 * shared object's.
 */
export function copyForWrite(shared: KObject, deep: readonly string[]): KObject {
  const obj = copyFields(shared, deep);
  obj.metadata = { ...shared.metadata };
  return obj;
}

/**
 * Returns a top-level copy of a shared object with a top-level copy of its
 * status. It suits a sync that only sets or replaces status fields and never
 * changes a nested status object in place, so the store's objects stay intact.
 */
export function copyWithShallowStatus(shared: KObject): KObject {
  const obj: KObject = { ...shared };
  if (shared.status !== undefined) obj.status = { ...shared.status };
  return obj;
}
