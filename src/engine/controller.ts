/**
 * What a controller is to the engine: the writes it watches, mapped to queue
 * keys, and a level-triggered reconcile of one key. A controller keeps no
 * state between calls outside the store.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { ClusterSettings } from './settings.js';

export interface ControllerContext {
  store: Store;
  settings: ClusterSettings;
  /** Simulated current time in milliseconds. */
  now(): number;
  /** Asks for `key` of this controller to be reconciled again at `ms`. */
  wakeAt(ms: number, key: string): void;
  /** The next seeded random 32-bit value. */
  random(): number;
}

/**
 * Maps a write (the new and the old version) to the keys to queue. `store`
 * is the store written to, so a mapper can skip keys whose reconcile would
 * change nothing. Callers that invoke a mapper directly may omit it.
 */
export type WatchMapper = (obj: KObject | undefined, old: KObject | undefined, store?: Store) => string | string[] | undefined | null;

export interface Controller {
  name: string;
  watches: Record<string, WatchMapper>;
  reconcile(ctx: ControllerContext, key: string): void;
}

/** `ns/name` queue key of an object. */
export function keyOf(obj: KObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}

/** Returns the name of an object's controller owner of `kind`, if it has one. */
function controllerOwnerName(obj: KObject | undefined, kind: string): string | undefined {
  const refs = obj?.metadata.ownerReferences;
  if (!refs) return undefined;
  for (const r of refs) if (r.controller && r.kind === kind) return r.name;
  return undefined;
}

/**
 * Maps a write to the keys of the object's controller owner of the given
 * kind, after and before the write (an empty list when it has none). Most
 * writes keep the owner, and then the old key reuses the new key's string.
 */
export function ownerKeyMapper(kind: string): WatchMapper {
  return (obj, old) => {
    const keys: string[] = [];
    const name = controllerOwnerName(obj, kind);
    const namespace = obj?.metadata.namespace ?? '';
    const key = name === undefined ? undefined : `${namespace}/${name}`;
    if (key !== undefined) keys.push(key);

    const oldName = controllerOwnerName(old, kind);
    if (oldName !== undefined) {
      const oldNamespace = old!.metadata.namespace ?? '';
      if (key !== undefined && oldName === name && oldNamespace === namespace) keys.push(key);
      else keys.push(`${oldNamespace}/${oldName}`);
    }
    return keys;
  };
}

/** Maps a write to its own key. */
export const selfMapper: WatchMapper = (obj, old) => {
  const o = obj ?? old;
  return o ? keyOf(o) : undefined;
};
