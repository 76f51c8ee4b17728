/**
 * The PersistentVolume controller for the simulated provisioner: binds each
 * pending claim to a matching available volume or to a new one provisioned
 * by its StorageClass, honours the reclaim policy when a claim goes away,
 * and keeps a deleted claim (pvc-protection) until no pod uses it.
 */
import type { KObject } from '../../api/types.js';
import type { Controller, ControllerContext, WatchMapper } from '../../engine/controller.js';
import { splitKey } from '../../engine/controller.js';
import { recordEvent } from '../../engine/events.js';
import { parseQuantity } from '../../api/quantity.js';
import { ensureDefaultStorageClass, SIMULATED_PROVISIONER } from './storage-class.js';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
const SOURCE = { component: 'persistentvolume-controller' };

/** Event reasons. */
const PROVISIONING_SUCCEEDED = 'ProvisioningSucceeded'; // a volume was created for a claim
const PROVISIONING_FAILED = 'ProvisioningFailed'; // the claim's class does not exist

const claimMapper: WatchMapper = (obj, old) => {
  const o = obj ?? old;
  return o ? `${o.metadata.namespace}/${o.metadata.name}` : undefined;
};

/** Maps a volume to its claim's key, or an unclaimed volume to `/NAME`, a key no claim has (see syncVolume). */
const volumeMapper: WatchMapper = (obj, old) => {
  const ref = (obj ?? old)?.spec?.claimRef;
  if (ref) return `${ref.namespace}/${ref.name}`;
  return obj ? `/${obj.metadata.name}` : undefined;
};

/** Maps a removed pod to its claims, because pvc-protection may now release them. */
const podMapper: WatchMapper = (obj, old) => {
  if (obj) return undefined;
  return (old?.spec?.volumes ?? []).filter((v: any) => v.persistentVolumeClaim).map((v: any) => `${old!.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
};

/** Lists the pods that mount a claim. */
export function podsUsingClaim(ctx: { store: ControllerContext['store'] }, ns: string, claim: string): KObject[] {
  return ctx.store.list('pods', ns).filter((p) => (p.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === claim));
}

function requested(pvc: KObject): string {
  return pvc.spec?.resources?.requests?.storage ?? '1Gi';
}

function findMatchingVolume(ctx: ControllerContext, pvc: KObject, className: string): KObject | undefined {
  const want = parseQuantity(requested(pvc));
  const modes: string[] = pvc.spec?.accessModes ?? [];
  return ctx.store
    .list('persistentvolumes')
    .filter((pv) => pv.status?.phase === 'Available' && !pv.spec?.claimRef && (pv.spec?.storageClassName ?? '') === className)
    .filter((pv) => parseQuantity(pv.spec?.capacity?.storage ?? '0') >= want && modes.every((m) => (pv.spec?.accessModes ?? []).includes(m)))
    .sort((a, b) => parseQuantity(a.spec.capacity.storage) - parseQuantity(b.spec.capacity.storage))[0];
}

function provisionVolume(ctx: ControllerContext, pvc: KObject, sc: KObject): KObject {
  const name = `pvc-${pvc.metadata.uid}`;
  const pv = ctx.store.create('persistentvolumes', {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { 'pv.kubernetes.io/provisioned-by': sc.provisioner }, finalizers: ['kubernetes.io/pv-protection'] },
    spec: {
      accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
      capacity: { storage: requested(pvc) },
      hostPath: { path: `/tmp/hostpath-provisioner/${pvc.metadata.namespace}/${pvc.metadata.name}`, type: '' },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
    },
    status: { phase: 'Available' },
  });
  recordEvent(ctx.store, pvc, 'Normal', PROVISIONING_SUCCEEDED, `Successfully provisioned volume ${name} using ${sc.provisioner}`, { component: `${sc.provisioner}_kubesim` });
  return pv;
}

function bind(ctx: ControllerContext, pvc: KObject, pv: KObject, provisioner: string | undefined): void {
  pv.spec.claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid };
  pv.status = { phase: 'Bound' };
  ctx.store.update('persistentvolumes', pv);
  const annotations: Record<string, string> = { ...(pvc.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
  if (provisioner) {
    annotations['volume.beta.kubernetes.io/storage-provisioner'] = provisioner;
    annotations['volume.kubernetes.io/storage-provisioner'] = provisioner;
  }
  pvc.metadata.annotations = annotations;
  pvc.spec.volumeName = pv.metadata.name;
  pvc.status = { accessModes: pv.spec.accessModes, capacity: { storage: pv.spec.capacity.storage }, phase: 'Bound' };
  ctx.store.update('persistentvolumeclaims', pvc);
}

/** Reclaims the volumes of a claim that is gone: Delete removes them, Retain leaves them Released. */
function reclaimVolumes(ctx: ControllerContext, ns: string, name: string): void {
  for (const pv of ctx.store.list('persistentvolumes')) {
    const ref = pv.spec?.claimRef;
    if (!ref || ref.namespace !== ns || ref.name !== name) continue;
    if (ctx.store.get('persistentvolumeclaims', ns, name)?.metadata.uid === ref.uid) continue;
    if (pv.spec.persistentVolumeReclaimPolicy === 'Delete') {
      ctx.store.remove('persistentvolumes', '', pv.metadata.name);
    } else if (pv.status?.phase !== 'Released') {
      pv.status = { phase: 'Released' };
      ctx.store.update('persistentvolumes', pv);
    }
  }
}

function syncClaim(ctx: ControllerContext, pvc: KObject): void {
  const ns = pvc.metadata.namespace ?? 'default';
  if (pvc.metadata.deletionTimestamp) {
    if (podsUsingClaim(ctx, ns, pvc.metadata.name).length > 0) return;
    ctx.store.remove('persistentvolumeclaims', ns, pvc.metadata.name);
    reclaimVolumes(ctx, ns, pvc.metadata.name);
    return;
  }
  if (!(pvc.metadata.finalizers ?? []).includes(PVC_PROTECTION) && !pvc.spec?.volumeName) {
    pvc.metadata.finalizers = [...(pvc.metadata.finalizers ?? []), PVC_PROTECTION];
  }
  if (pvc.spec?.volumeName) return;
  pvc.spec ??= {};
  if (pvc.spec.storageClassName === undefined) {
    // Simplified: the DefaultStorageClass admission plugin fills this in at creation; kubesim does it here.
    const sc = ensureDefaultStorageClass(ctx.store);
    if (sc) pvc.spec.storageClassName = sc.metadata.name;
  }
  const className: string = pvc.spec.storageClassName ?? '';
  const existing = findMatchingVolume(ctx, pvc, className);
  if (existing) {
    bind(ctx, pvc, existing, undefined);
    return;
  }
  const sc = className ? ctx.store.get('storageclasses', '', className) : undefined;
  if (!sc || sc.provisioner !== SIMULATED_PROVISIONER) {
    pvc.status = { phase: 'Pending' };
    const saved = ctx.store.update('persistentvolumeclaims', pvc);
    if (className && !sc) recordEvent(ctx.store, saved, 'Warning', PROVISIONING_FAILED, `storageclass.storage.k8s.io "${className}" not found`, SOURCE);
    return;
  }
  const saved = ctx.store.update('persistentvolumeclaims', pvc);
  bind(ctx, saved, provisionVolume(ctx, saved, sc), sc.provisioner);
}

/**
 * Makes a new unclaimed volume Available, as the PV controller's syncVolume
 * does, and queues the claims still waiting for a volume, which may now bind to it.
 */
function syncVolume(ctx: ControllerContext, name: string): void {
  const pv = ctx.store.get('persistentvolumes', '', name);
  if (!pv || pv.spec?.claimRef || pv.metadata.deletionTimestamp) return;
  if (pv.status?.phase !== 'Available') ctx.store.update('persistentvolumes', { ...pv, status: { ...pv.status, phase: 'Available' } });
  for (const pvc of ctx.store.list('persistentvolumeclaims')) {
    if (!pvc.spec?.volumeName && !pvc.metadata.deletionTimestamp) ctx.store.enqueue(BINDER, `${pvc.metadata.namespace}/${pvc.metadata.name}`);
  }
}

const BINDER = 'persistentvolume';

export const volumeBinder: Controller = {
  name: BINDER,
  watches: { persistentvolumeclaims: claimMapper, persistentvolumes: volumeMapper, pods: podMapper },
  reconcile(ctx, key) {
    const [ns, name] = splitKey(key);
    if (ns === '') {
      syncVolume(ctx, name);
      return;
    }
    const pvc = ctx.store.get('persistentvolumeclaims', ns, name);
    if (!pvc) {
      reclaimVolumes(ctx, ns, name);
      return;
    }
    syncClaim(ctx, pvc);
  },
};
