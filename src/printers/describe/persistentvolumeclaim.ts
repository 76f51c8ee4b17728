/**
 * `kubectl describe persistentvolumeclaim` (PersistentVolumeClaimDescriber):
 * class, phase, volume, capacity and access modes once bound, and the pods
 * that mount it.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import type { DescribeContext } from './index.js';

const SHORT_MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

export function describePersistentVolumeClaim(pvc: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', pvc.metadata.name);
  w.line(0, 'Namespace', pvc.metadata.namespace ?? 'default');
  w.line(0, 'StorageClass', pvc.spec?.storageClassName ?? '');
  w.line(0, 'Status', pvc.metadata.deletionTimestamp ? 'Terminating' : pvc.status?.phase ?? 'Pending');
  w.line(0, 'Volume', pvc.spec?.volumeName ?? '');
  writeMap(w, 0, 'Labels', pvc.metadata.labels);
  writeMap(w, 0, 'Annotations', pvc.metadata.annotations);
  w.line(0, 'Finalizers', `[${(pvc.metadata.finalizers ?? []).join(' ')}]`);
  const bound = !!pvc.spec?.volumeName;
  w.line(0, 'Capacity', bound ? pvc.status?.capacity?.storage ?? '' : '');
  w.line(0, 'Access Modes', bound ? (pvc.status?.accessModes ?? []).map((m: string) => SHORT_MODES[m] ?? m).join(',') : '');
  w.line(0, 'VolumeMode', pvc.spec?.volumeMode ?? 'Filesystem');
  const users = ctx
    .list('pods', pvc.metadata.namespace)
    .filter((p) => (p.spec?.volumes ?? []).some((v: any) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((p) => p.metadata.name);
  if (users.length === 0) w.line(0, 'Used By', '<none>');
  else users.forEach((u, i) => (i === 0 ? w.line(0, 'Used By', u) : w.write(0, `\t${u}\n`)));
  writeEvents(w, ctx.events(pvc), ctx.now, ctx.version);
  return w.text();
}
