/**
 * Creating the objects kube-controller-manager keeps in every namespace
 * without moving the cluster's seeded names. store.create draws a uid from
 * the cluster's generator, so each such object would shift every name and
 * uid drawn after it (a `create ns` would rename the next pod). These
 * objects take their uids from a stream of their own instead, whose
 * position is kept in the store so a recreated object gets a fresh uid.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { uuid } from '../engine/random.js';

/** Mixed into the cluster's seed to give these objects their own uids ("nsdf"). */
const STREAM = 0x6e736466;

/** Meta key of the stream's last counter value. */
const COUNTER_KEY = 'uidCounter:namespace-defaults';

/**
 * Creates `obj` through store.create, with admission and watch hooks as for
 * any write, but with a uid from the own stream. Must run in a transaction.
 */
export function createWithOwnUid(store: Store, seed: number, resource: string, obj: KObject): KObject {
  const draw = store.newUid;
  store.newUid = () => {
    const n = Number(store.getMeta(COUNTER_KEY) ?? '0') + 1;
    store.setMeta(COUNTER_KEY, String(n));
    return uuid((seed ^ STREAM) >>> 0, n);
  };
  try {
    return store.create(resource, obj);
  } finally {
    store.newUid = draw;
  }
}
