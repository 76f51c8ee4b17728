/**
 * `kubectl describe daemonset` (DaemonSetDescriber): node counts from the
 * status, the pods' phases, the pod template and events.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import { podsStatusLine } from './workload-template.js';
import { writePodTemplate } from './pod-template.js';
import type { DescribeContext } from './index.js';
import { formatLabelSelector } from '../../api/selectors.js';

export function describeDaemonSet(ds: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  const s = ds.status ?? {};
  w.line(0, 'Name', ds.metadata.name);
  w.line(0, 'Selector', formatLabelSelector(ds.spec?.selector) || '<none>');
  const ns = ds.spec?.template?.spec?.nodeSelector ?? {};
  w.line(0, 'Node-Selector', Object.keys(ns).length ? Object.keys(ns).sort().map((k) => `${k}=${ns[k]}`).join(',') : '<none>');
  writeMap(w, 0, 'Labels', ds.metadata.labels);
  writeMap(w, 0, 'Annotations', ds.metadata.annotations);
  w.line(0, 'Desired Number of Nodes Scheduled', s.desiredNumberScheduled ?? 0);
  w.line(0, 'Current Number of Nodes Scheduled', s.currentNumberScheduled ?? 0);
  w.line(0, 'Number of Nodes Scheduled with Up-to-date Pods', s.updatedNumberScheduled ?? 0);
  w.line(0, 'Number of Nodes Scheduled with Available Pods', s.numberAvailable ?? 0);
  w.line(0, 'Number of Nodes Misscheduled', s.numberMisscheduled ?? 0);
  const pods = ctx.list('pods', ds.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid && r.controller));
  w.line(0, 'Pods Status', podsStatusLine(pods));
  writePodTemplate(w, ds.spec?.template, ctx.version);
  writeEvents(w, ctx.events(ds), ctx.now, ctx.version);
  return w.text();
}
