/**
 * `kubectl describe statefulset` (StatefulSetDescriber): replicas, update
 * strategy, the pods' phases, the pod template, volume claim templates and
 * events.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, rfc1123z, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import { podsStatusLine } from './workload-template.js';
import { writePodTemplate } from './pod-template.js';
import type { DescribeContext } from './index.js';
import { formatLabelSelector } from '../../api/selectors.js';

export function describeStatefulSet(sts: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', sts.metadata.name);
  w.line(0, 'Namespace', sts.metadata.namespace ?? 'default');
  w.line(0, 'CreationTimestamp', rfc1123z(sts.metadata.creationTimestamp));
  w.line(0, 'Selector', formatLabelSelector(sts.spec?.selector) || '<none>');
  writeMap(w, 0, 'Labels', sts.metadata.labels);
  writeMap(w, 0, 'Annotations', sts.metadata.annotations);
  w.line(0, 'Replicas', `${sts.spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total`);
  const strategy = sts.spec?.updateStrategy ?? {};
  w.line(0, 'Update Strategy', strategy.type ?? 'RollingUpdate');
  if (strategy.type !== 'OnDelete' && strategy.rollingUpdate?.partition !== undefined) w.line(1, 'Partition', strategy.rollingUpdate.partition);
  const pods = ctx.list('pods', sts.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === sts.metadata.uid && r.controller));
  w.line(0, 'Pods Status', podsStatusLine(pods));
  writePodTemplate(w, sts.spec?.template, ctx.version);
  const claims: any[] = sts.spec?.volumeClaimTemplates ?? [];
  if (claims.length === 0) w.line(0, 'Volume Claims', '<none>');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const c of claims) {
      w.line(1, 'Name', c.metadata?.name ?? '');
      w.line(1, 'StorageClass', c.spec?.storageClassName ?? '');
      writeMap(w, 1, 'Labels', c.metadata?.labels);
      writeMap(w, 1, 'Annotations', c.metadata?.annotations);
      w.line(1, 'Capacity', c.spec?.resources?.requests?.storage ?? '');
      w.line(1, 'Access Modes', `[${(c.spec?.accessModes ?? []).join(' ')}]`);
    }
  }
  writeEvents(w, ctx.events(sts), ctx.now, ctx.version);
  return w.text();
}
