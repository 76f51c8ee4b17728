/**
 * Rollout support for Deployments: kubectl's DeploymentStatusViewer,
 * DeploymentHistoryViewer and DeploymentRollbacker, plus pause, resume and
 * restart.
 */
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { isoTime } from '../../store/store.js';
import { tabwrite } from '../../printers/tabwriter.js';
import { DescribeWriter } from '../../printers/describe/writer.js';
import { writePodTemplate } from '../../printers/describe/pod-template.js';
import * as u from '../../controllers/deployment/util.js';
import { CHANGE_CAUSE } from '../shared/record.js';
import { registerRolloutKind, type RolloutKind } from './registry.js';

function ownedReplicaSets(cluster: Cluster, d: KObject): KObject[] {
  return cluster.store.list('replicasets', d.metadata.namespace, { owner: d.metadata.uid }).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

function templateText(template: any, version: number): string {
  const w = new DescribeWriter();
  writePodTemplate(w, template, version);
  return w.text();
}

function status(d: KObject, revision: number): { message: string; done: boolean } {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = u.revisionOf(d);
    if (revision !== current) throw new Error(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  if (u.conditionOf(s, 'Progressing')?.reason === u.TIMED_OUT_REASON) throw new Error(`deployment "${name}" exceeded its progress deadline`);
  const replicas = d.spec?.replicas ?? 1;
  const updated = s.updatedReplicas ?? 0;
  const total = s.replicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const waiting = (text: string) => ({ message: `Waiting for deployment "${name}" rollout to finish: ${text}\n`, done: false });
  if (updated < replicas) return waiting(`${updated} out of ${replicas} new replicas have been updated...`);
  if (total > updated) return waiting(`${total - updated} old replicas are pending termination...`);
  if (available < updated) return waiting(`${available} of ${updated} updated replicas are available...`);
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

function history(cluster: Cluster, d: KObject, revision: number): string {
  const byRevision = new Map<number, KObject>();
  for (const rs of ownedReplicaSets(cluster, d)) {
    const v = u.revisionOf(rs);
    if (v > 0) byRevision.set(v, rs);
  }
  if (byRevision.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const rs = byRevision.get(revision);
    if (!rs) throw new Error('unable to find the specified revision');
    const template = structuredClone(rs.spec.template);
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    if (cause) template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE]: cause } };
    return templateText(template, cluster.settings.version);
  }
  const rows = [...byRevision.keys()].sort((a, b) => a - b).map((v) => `${v}\t${byRevision.get(v)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  return tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { padding: 2 });
}

/** Finds the ReplicaSet of `toRevision`, or of the second-highest revision when it is 0. */
function findRevision(cluster: Cluster, d: KObject, toRevision: number): KObject {
  let latest: KObject | undefined;
  let previous: KObject | undefined;
  for (const rs of ownedReplicaSets(cluster, d)) {
    const v = u.revisionOf(rs);
    if (v <= 0) continue;
    if (toRevision > 0) {
      if (v === toRevision) return rs;
      continue;
    }
    if (!latest || u.revisionOf(latest) < v) {
      previous = latest;
      latest = rs;
    } else if (!previous || u.revisionOf(previous) < v) previous = rs;
  }
  if (toRevision > 0) throw new Error(`unable to find specified revision ${toRevision} in history`);
  if (!previous) throw new Error(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}

function rollback(cluster: Cluster, d: KObject, toRevision: number, dryRun: boolean): string {
  if (toRevision < 0) throw new Error(`unable to find specified revision ${toRevision} in history`);
  const rs = findRevision(cluster, d, toRevision);
  if (dryRun) return templateText(rs.spec.template, cluster.settings.version);
  if (d.spec?.paused) throw new Error("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (u.equalIgnoreHash(rs.spec.template, d.spec.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = structuredClone(rs.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[u.POD_TEMPLATE_HASH_LABEL];
  // The Deployment keeps its own bookkeeping annotations and takes every other one from the ReplicaSet.
  const annotations: Record<string, string> = {};
  for (const k of u.SKIPPED_ANNOTATIONS) {
    const v = d.metadata.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!u.SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
  d.spec.template = template;
  d.metadata.annotations = annotations;
  cluster.store.update('deployments', d);
  return 'rolled back';
}

const deploymentRollout: RolloutKind = {
  status,
  history,
  rollback,
  pause(d) {
    if (d.spec?.paused) throw new Error('is already paused');
    return { ...d, spec: { ...d.spec, paused: true } };
  },
  resume(d) {
    if (!d.spec?.paused) throw new Error('is not paused');
    const spec = { ...d.spec };
    delete spec.paused;
    return { ...d, spec };
  },
  restart(d, now) {
    if (d.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
    const copy = structuredClone(d);
    copy.spec.template.metadata ??= {};
    copy.spec.template.metadata.annotations = { ...(copy.spec.template.metadata.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': isoTime(now) };
    return copy;
  },
};

registerRolloutKind('deployments', deploymentRollout);
