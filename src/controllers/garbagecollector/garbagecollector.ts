/**
 * The garbage collector: deletes dependents whose owner is gone (background
 * propagation), and finishes foreground deletion once an owner's dependents
 * are gone. Keys are owner uids.
 */
import type { Controller, ControllerContext, WatchMapper } from '../../engine/controller.js';
import { deleteObject, FOREGROUND_FINALIZER, listDependents } from '../../engine/delete.js';
import { RESOURCES } from '../../api/registry.js';
import { ownerUidOf } from '../../store/store.js';
import { RunningKey } from '../running-key.js';

/**
 * The uid whose reconcile is running. The writes of that reconcile do not
 * queue the same uid again, because a second run at the same instant would
 * change nothing. The dependents the first run left are being deleted
 * already, and it removed the owner or its finalizer if none was left.
 */
const reconciling = new RunningKey();

/** Maps a write to the uids to check: a removed object's own and its owner's, and an owner waiting for foreground deletion. */
const garbageCollectorMapper: WatchMapper = (obj, old) => {
  // Most writes create or update an object that is not being deleted, and need no check.
  if (obj && !obj.metadata.deletionTimestamp) return undefined;
  const keys: string[] = [];
  if (!obj && old?.metadata.uid) {
    keys.push(old.metadata.uid);
    const owner = ownerUidOf(old);
    if (owner) keys.push(owner);
  }
  if (obj?.metadata.deletionTimestamp && obj.metadata.finalizers?.includes(FOREGROUND_FINALIZER)) keys.push(obj.metadata.uid!);
  return reconciling.exclude(keys);
};

export const garbageCollector: Controller = {
  name: 'garbagecollector',
  watches: Object.fromEntries(RESOURCES.filter((r) => r.resource !== 'events').map((r) => [r.resource, garbageCollectorMapper])),
  reconcile(ctx, uid) {
    reconciling.run(uid, () => collect(ctx, uid));
  },
};

/** Deletes the dependents of a gone owner, or removes a foreground-deleted owner whose dependents are gone. */
function collect(ctx: ControllerContext, uid: string): void {
  // Owner and dependents are read shared: most syncs only check them, and a write copies what it changes.
  const owner = ctx.store.getByUid(uid, { shared: true });
  // A live owner keeps its dependents. Listing them first would decode every pod of a ReplicaSet on each pod deletion.
  if (owner && !owner.obj.metadata.deletionTimestamp) return;
  const dependents = listDependents(ctx.store, uid);
  const propagation = owner ? 'Foreground' : 'Background';
  for (const d of dependents) {
    // A dependent that is being deleted already needs no second deletion.
    if (d.obj.metadata.deletionTimestamp) continue;
    deleteObject(ctx.store, d.resource, d.obj.metadata.namespace ?? '', d.obj.metadata.name, { propagation });
  }
  if (owner && listDependents(ctx.store, uid).length === 0) {
    const shared = owner.obj;
    const finalizers = (shared.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER);
    if (finalizers.length === 0) {
      ctx.store.remove(owner.resource, shared.metadata.namespace ?? '', shared.metadata.name);
    } else {
      const obj = { ...shared, metadata: { ...shared.metadata, finalizers } };
      ctx.store.update(owner.resource, obj);
    }
  }
}
