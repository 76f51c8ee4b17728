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

export type WatchMapper = (obj: KObject | undefined, old: KObject | undefined) => string | string[] | undefined | null;

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

/** Maps a write to the key of the object's controller owner of the given kind. */
export function ownerKeyMapper(kind: string): WatchMapper {
  return (obj, old) => {
    const keys: string[] = [];
    for (const o of [obj, old]) {
      const ref = o?.metadata.ownerReferences?.find((r) => r.controller && r.kind === kind);
      if (ref) keys.push(`${o!.metadata.namespace ?? ''}/${ref.name}`);
    }
    return keys;
  };
}

/** Maps a write to its own key. */
export const selfMapper: WatchMapper = (obj, old) => {
  const o = obj ?? old;
  return o ? keyOf(o) : undefined;
};
