/**
 * `kubectl describe` for Deployments, ReplicaSets and ReplicationControllers
 * (describeDeployment, describeReplicaSet and describeReplicationController
 * in kubectl's describe package).
 */
import type { KObject } from '../../api/types.js';
import { formatLabels, formatLabelSelector } from '../../api/selectors.js';
import { DescribeWriter, rfc1123z, writeMap } from './writer.js';
import { writeEvents } from './events.js';
import { writePodTemplate } from './pod-template.js';
import type { DescribeContext } from './index.js';
import { equalIgnoreHash } from '../../controllers/deployment/util.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function controllerOf(obj: KObject): { kind: string; name: string; uid: string } | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

function podCounts(owner: KObject, ctx: DescribeContext): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const pod of ctx.list('pods', owner.metadata.namespace)) {
    if (controllerOf(pod)?.uid !== owner.metadata.uid) continue;
    const phase = pod.status?.phase ?? 'Pending';
    if (phase === 'Running') running++;
    else if (phase === 'Pending') waiting++;
    else if (phase === 'Succeeded') succeeded++;
    else if (phase === 'Failed') failed++;
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

function writeConditions(w: DescribeWriter, conditions: any[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

function describeReplicaOwner(obj: KObject, ctx: DescribeContext, selector: string): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', obj.metadata.name);
  w.line(0, 'Namespace', obj.metadata.namespace ?? 'default');
  w.line(0, 'Selector', selector);
  writeMap(w, 0, 'Labels', obj.metadata.labels);
  writeMap(w, 0, 'Annotations', obj.metadata.annotations, [LAST_APPLIED]);
  const owner = controllerOf(obj);
  if (owner && obj.kind === 'ReplicaSet') w.line(0, 'Controlled By', `${owner.kind}/${owner.name}`);
  w.line(0, 'Replicas', `${obj.status?.replicas ?? 0} current / ${obj.spec?.replicas ?? 0} desired`);
  w.line(0, 'Pods Status', podCounts(obj, ctx));
  writePodTemplate(w, obj.spec?.template, ctx.version);
  writeConditions(w, obj.status?.conditions);
  writeEvents(w, ctx.events(obj), ctx.now, ctx.version);
  return w.text();
}

/** Describes a ReplicaSet: selector, owner, replica counts, pod phases and template. */
export function describeReplicaSet(rs: KObject, ctx: DescribeContext): string {
  return describeReplicaOwner(rs, ctx, formatLabelSelector(rs.spec?.selector));
}

/** Describes a ReplicationController, whose selector is a plain label map. */
export function describeReplicationController(rc: KObject, ctx: DescribeContext): string {
  return describeReplicaOwner(rc, ctx, formatLabels(rc.spec?.selector));
}

function rsSummary(rss: KObject[]): string {
  if (rss.length === 0) return '<none>';
  return rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
}

/** Describes a Deployment: strategy, replica counts, template, conditions and its ReplicaSets. */
export function describeDeployment(d: KObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', d.metadata.name);
  w.line(0, 'Namespace', d.metadata.namespace ?? 'default');
  w.line(0, 'CreationTimestamp', rfc1123z(d.metadata.creationTimestamp));
  writeMap(w, 0, 'Labels', d.metadata.labels);
  writeMap(w, 0, 'Annotations', d.metadata.annotations, [LAST_APPLIED]);
  w.line(0, 'Selector', formatLabelSelector(d.spec?.selector));
  const s = d.status ?? {};
  w.line(0, 'Replicas', `${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable`);
  w.line(0, 'StrategyType', d.spec?.strategy?.type ?? 'RollingUpdate');
  w.line(0, 'MinReadySeconds', d.spec?.minReadySeconds ?? 0);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.line(0, 'RollingUpdateStrategy', `${ru.maxUnavailable ?? '25%'} max unavailable, ${ru.maxSurge ?? '25%'} max surge`);
  writePodTemplate(w, d.spec?.template, ctx.version);
  writeConditions(w, s.conditions);

  const owned = ctx.list('replicasets', d.metadata.namespace).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
  const sorted = owned.sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)));
  const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  const oldRSs = sorted.filter((rs) => rs !== newRS);
  if (owned.length > 0) {
    w.line(0, 'OldReplicaSets', rsSummary(oldRSs));
    w.line(0, 'NewReplicaSet', rsSummary(newRS ? [newRS] : []));
  }
  writeEvents(w, ctx.events(d), ctx.now, ctx.version);
  return w.text();
}
