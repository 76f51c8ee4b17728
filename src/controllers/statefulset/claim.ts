/**
 * Finding the pods a StatefulSet manages, as its ControllerRefManager does:
 * the pods it controls whose labels still match its selector and whose names
 * are `<set>-<ordinal>`, after releasing the others and, when asked, adopting
 * matching orphans (StatefulSetControl getPodsForStatefulSet, pkg/controller/statefulset).
 * The watch keys and mappers are the ReplicaSet controller's (replicaset/claim.ts).
 */
import type { KObject } from '../../api/types.js';
import type { ControllerContext } from '../../engine/controller.js';
import { keyOf, splitKey } from '../../engine/controller.js';
import { matches, type Selector } from '../../api/selectors.js';
import { ADOPT_PREFIX, POD_PREFIX, ownerSelector, releasePod } from '../replicaset/claim.js';
import { controllerRef, newControllerRef } from '../replicaset/pods.js';
import { ordinalOf } from './identity.js';

function isMember(sts: KObject, pod: KObject, selector: Selector | null): boolean {
  return selector !== null && ordinalOf(sts, pod) >= 0 && matches(selector, pod.metadata.labels);
}

/**
 * Returns the pods `sts` manages. Writes the ownerReference changes: a
 * controlled pod that stopped matching is released, and with `adopt` an
 * orphan that matches gets the set as its controller.
 */
export function claimStatefulPods(ctx: ControllerContext, sts: KObject, adopt: boolean): KObject[] {
  const ns = sts.metadata.namespace ?? '';
  const uid = sts.metadata.uid!;
  const selector = ownerSelector(sts);
  const claimed: KObject[] = [];
  for (const pod of ctx.store.list('pods', ns, { owner: uid })) {
    if (controllerRef(pod)?.uid !== uid) continue;
    if (isMember(sts, pod, selector)) {
      claimed.push(pod);
      continue;
    }
    if (!pod.metadata.deletionTimestamp) releasePod(ctx.store, pod, uid);
  }
  if (!adopt || sts.metadata.deletionTimestamp || selector === null) return claimed;
  for (const pod of ctx.store.listOrphans('pods', ns)) {
    if (pod.metadata.deletionTimestamp || controllerRef(pod) || !isMember(sts, pod, selector)) continue;
    pod.metadata.ownerReferences = [...(pod.metadata.ownerReferences ?? []), newControllerRef(sts)];
    claimed.push(ctx.store.update('pods', pod, { owned: true }));
  }
  return claimed;
}

/** Queues an adoption sync for every set in the orphan's namespace that would claim it. */
export function wakeClaimingSets(ctx: ControllerContext, controller: string, key: string): void {
  const [ns, name] = splitKey(key.slice(POD_PREFIX.length));
  const pod = ctx.store.get('pods', ns, name, { shared: true });
  if (!pod || controllerRef(pod) || pod.metadata.deletionTimestamp) return;
  for (const sts of ctx.store.list('statefulsets', ns, { shared: true })) {
    if (isMember(sts, pod, ownerSelector(sts))) ctx.store.enqueue(controller, ADOPT_PREFIX + keyOf(sts));
  }
}
