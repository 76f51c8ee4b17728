/**
 * Copies of the store's shared objects for a controller's write. A sync that
 * reads an object shared (Store.get with {shared: true}) and then writes it
 * copies only what the write can change: the metadata the store fills in,
 * the status the controller sets, and the spec objects that admission's
 * defaulting assigns to. The rest stays the shared object, which the
 * store's no-op check then skips by identity.
 */
import type { KObject } from '../api/types.js';
import { cloneJson } from '../store/store.js';

/**
 * Keys of the spec objects that defaulting assigns to on every write
 * (src/api/defaults.ts). A template's `metadata.creationTimestamp ??= null`
 * assigns null over null, and assigning to a frozen object throws even then.
 */
const DEFAULTED_KEYS = ['spec', 'template', 'jobTemplate', 'metadata'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Copies `value` and, inside it, the objects under DEFAULTED_KEYS. Arrays and all other values stay shared. */
function copyDefaultedPath(value: Record<string, unknown>): Record<string, unknown> {
  const out = { ...value };
  for (const key of DEFAULTED_KEYS) {
    const item = out[key];
    if (isRecord(item)) out[key] = copyDefaultedPath(item);
  }
  return out;
}

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
 * Returns a copy of a shared object that a controller may change and hand to
 * Store.update with {owned: true}: own metadata (its contents shared), own
 * spec objects along the template path, and deep copies of the fields named
 * in `deep` (see copyFields). Key order is the shared object's.
 */
export function copyForWrite(shared: KObject, deep: readonly string[]): KObject {
  const obj = copyFields(shared, deep);
  obj.metadata = { ...shared.metadata };
  if (isRecord(shared.spec)) obj.spec = copyDefaultedPath(shared.spec);
  return obj;
}
