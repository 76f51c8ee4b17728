/**
 * Rollout history and undo for the kinds that keep ControllerRevisions
 * (DaemonSets and StatefulSets), as kubectl's history viewers and
 * rollbackers for them do: revisions by number, CHANGE-CAUSE from the
 * revision's annotations, and undo by restoring a revision's template.
 */
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { tabwrite } from '../../printers/tabwriter.js';
import { DescribeWriter } from '../../printers/describe/writer.js';
import { writePodTemplate } from '../../printers/describe/pod-template.js';
import { revisionTemplate } from '../../controllers/history/revisions.js';
import { CHANGE_CAUSE } from '../shared/record.js';
import type { RolloutKind } from './registry.js';

function revisionsOf(cluster: Cluster, owner: KObject): Map<number, KObject> {
  const out = new Map<number, KObject>();
  for (const r of cluster.store.list('controllerrevisions', owner.metadata.namespace, { owner: owner.metadata.uid })) {
    if (r.metadata.ownerReferences?.some((ref) => ref.controller && ref.uid === owner.metadata.uid)) out.set(r.revision ?? 0, r);
  }
  return out;
}

function templateText(template: any, version: number): string {
  const w = new DescribeWriter();
  writePodTemplate(w, template, version);
  return w.text();
}

function history(cluster: Cluster, owner: KObject, revision: number): string {
  const byRevision = revisionsOf(cluster, owner);
  if (byRevision.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const rev = byRevision.get(revision);
    if (!rev) throw new Error('unable to find the specified revision');
    return templateText(revisionTemplate(rev), cluster.settings.version);
  }
  const rows = [...byRevision.keys()].sort((a, b) => a - b).map((v) => `${v}\t${byRevision.get(v)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
  return tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, { padding: 2 });
}

/** Finds the revision to roll back to: `toRevision`, or the one before the newest when it is 0. */
function findRevision(byRevision: Map<number, KObject>, toRevision: number): KObject {
  if (toRevision > 0) {
    const rev = byRevision.get(toRevision);
    if (!rev) throw new Error(`unable to find specified revision ${toRevision} in history`);
    return rev;
  }
  const numbers = [...byRevision.keys()].sort((a, b) => b - a);
  if (numbers.length <= 1) throw new Error('no last revision to roll back to');
  return byRevision.get(numbers[1])!;
}

/** Builds the rollout support for a ControllerRevision-based kind stored under `resource`. */
export function revisionRollout(resource: string, statusMessage: (obj: KObject) => { message: string; done: boolean }): RolloutKind {
  return {
    status: (obj) => statusMessage(obj),
    history,
    rollback(cluster, obj, toRevision, dryRun) {
      const rev = findRevision(revisionsOf(cluster, obj), toRevision);
      const template = revisionTemplate(rev);
      if (dryRun) return templateText(template, cluster.settings.version);
      if (JSON.stringify(template) === JSON.stringify(obj.spec?.template ?? {})) {
        return `skipped rollback (current template already matches revision ${toRevision})`;
      }
      obj.spec.template = template;
      cluster.store.update(resource, obj);
      return 'rolled back';
    },
    restart(obj, now) {
      const copy = structuredClone(obj);
      copy.spec.template.metadata ??= {};
      copy.spec.template.metadata.annotations = { ...(copy.spec.template.metadata.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z') };
      return copy;
    },
  };
}
