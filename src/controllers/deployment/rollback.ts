/**
 * Server-side rollback (k8s.io/kubernetes pkg/controller/deployment/rollback.go),
 * requested by the removed `spec.rollbackTo` field of extensions/v1beta1 or
 * its `deprecated.deployment.rollback.to` annotation: copy a revision's
 * template back into the Deployment, then clear the request.
 */
import type { KObject } from '../../api/types.js';
import { recordEvent } from '../../engine/events.js';
import { getAllReplicaSetsAndSyncRevision, updateDeployment, type SyncContext } from './sync.js';
import * as u from './util.js';

/** DeploymentRollback: the template of an older revision was restored. */
export const REASON_ROLLBACK_DONE = 'DeploymentRollback';
/** RollbackRevisionNotFound: no ReplicaSet carries the requested revision. */
export const REASON_REVISION_NOT_FOUND = 'RollbackRevisionNotFound';
/** RollbackTemplateUnchanged: the requested revision already runs. */
export const REASON_TEMPLATE_UNCHANGED = 'RollbackTemplateUnchanged';

const SOURCE = { component: 'deployment-controller' };

/** Returns the requested rollback revision, or undefined when no rollback is requested. */
export function rollbackTo(d: KObject): number | undefined {
  const fromSpec = d.spec?.rollbackTo;
  if (fromSpec) return Number(fromSpec.revision ?? 0) || 0;
  const ann = d.metadata.annotations?.[u.ROLLBACK_TO_ANNOTATION];
  if (ann === undefined) return undefined;
  const v = Number(ann);
  return Number.isInteger(v) && v >= 0 ? v : 0;
}

function clearRollbackTo(sc: SyncContext): void {
  delete sc.d.spec.rollbackTo;
  if (sc.d.metadata.annotations) delete sc.d.metadata.annotations[u.ROLLBACK_TO_ANNOTATION];
  updateDeployment(sc);
}

/** Finds the second-highest revision (LastRevision), 0 when there is none. */
function lastRevision(rss: KObject[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rss) {
    const v = u.revisionOf(rs);
    if (v > max) {
      second = max;
      max = v;
    } else if (v > second && v !== max) second = v;
  }
  return second;
}

/** Performs a requested rollback and clears the request. */
export function rollback(sc: SyncContext, rsList: KObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(sc, rsList, true);
  const all = newRS ? [...oldRSs, newRS] : oldRSs;
  let revision = rollbackTo(sc.d) ?? 0;
  if (revision === 0) revision = lastRevision(all);
  if (revision === 0) {
    recordEvent(sc.ctx.store, sc.d, 'Warning', REASON_REVISION_NOT_FOUND, 'Unable to find last revision.', SOURCE);
    return clearRollbackTo(sc);
  }
  const target = all.find((rs) => u.revisionOf(rs) === revision);
  if (!target) {
    recordEvent(sc.ctx.store, sc.d, 'Warning', REASON_REVISION_NOT_FOUND, 'Unable to find the revision to rollback to.', SOURCE);
    return clearRollbackTo(sc);
  }
  if (u.equalIgnoreHash(sc.d.spec.template, target.spec.template)) {
    recordEvent(sc.ctx.store, sc.d, 'Warning', REASON_TEMPLATE_UNCHANGED, `The rollback revision contains the same template as current deployment "${sc.d.metadata.name}"`, SOURCE);
    return clearRollbackTo(sc);
  }
  const template = structuredClone(target.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[u.POD_TEMPLATE_HASH_LABEL];
  sc.d.spec.template = template;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(sc.d.metadata.annotations ?? {})) if (u.SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!u.SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
  sc.d.metadata.annotations = annotations;
  recordEvent(sc.ctx.store, sc.d, 'Normal', REASON_ROLLBACK_DONE, `Rolled back deployment "${sc.d.metadata.name}" to revision ${revision}`, SOURCE);
  clearRollbackTo(sc);
}
