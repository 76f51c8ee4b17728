/**
 * ControllerRevisions, the history DaemonSets and StatefulSets keep of their
 * pod templates: one revision per distinct template, named
 * `<owner>-<hash>`, numbered in the order the templates were last used, and
 * pruned to revisionHistoryLimit once no pod runs them.
 */
import type { KObject } from '../../api/types.js';
import type { ControllerContext } from '../../engine/controller.js';

/** Maps decimal digits to the characters of apimachinery's SafeEncodeString (0→4 ... 9→f). */
const SAFE_DIGITS = '456789bcdf';

/** Returns a template hash shaped like Kubernetes' (FNV-1a, printed in decimal, digits safe-encoded). */
export function computeHash(value: unknown, collisionCount = 0): string {
  const text = JSON.stringify(value) + (collisionCount ? `#${collisionCount}` : '');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return String(h)
    .split('')
    .map((d) => SAFE_DIGITS[Number(d)])
    .join('');
}

/** Returns the revision data of an owner: its pod template, marked to replace the whole template on rollback. */
export function revisionData(owner: KObject): any {
  return { spec: { template: { $patch: 'replace', ...structuredClone(owner.spec?.template ?? {}) } } };
}

/** Lists the owner's revisions, oldest revision number first. */
export function listRevisions(ctx: ControllerContext, owner: KObject): KObject[] {
  return ctx.store
    .list('controllerrevisions', owner.metadata.namespace ?? '', { owner: owner.metadata.uid! })
    .sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
}

/** Returns the template a revision stores (without the `$patch` marker). */
export function revisionTemplate(rev: KObject): any {
  const { $patch, ...template } = rev.data?.spec?.template ?? {};
  void $patch;
  return template;
}

/**
 * Finds the revision for the owner's current template, creating it (or, on a
 * rollback, renumbering the old one) so it carries the highest number.
 */
export function updateCurrentRevision(ctx: ControllerContext, owner: KObject, revisions: KObject[]): KObject {
  const data = revisionData(owner);
  const wanted = JSON.stringify(data);
  const max = revisions.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
  const existing = revisions.find((r) => JSON.stringify(r.data) === wanted);
  if (existing) {
    if ((existing.revision ?? 0) === max) return existing;
    existing.revision = max + 1;
    return ctx.store.update('controllerrevisions', existing);
  }
  const hash = computeHash(data.spec.template, owner.status?.collisionCount ?? 0);
  const ref = { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
  const labels = { ...(owner.spec?.template?.metadata?.labels ?? {}), 'controller-revision-hash': hash };
  return ctx.store.create('controllerrevisions', {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${owner.metadata.name}-${hash}`,
      namespace: owner.metadata.namespace,
      labels,
      ...(owner.metadata.annotations ? { annotations: { ...owner.metadata.annotations } } : {}),
      ownerReferences: [ref],
    },
    data,
    revision: max + 1,
  });
}

/** Returns the hash a revision was created under, which pods carry as `controller-revision-hash`. */
export function revisionHash(rev: KObject): string {
  return rev.metadata.labels?.['controller-revision-hash'] ?? rev.metadata.name.slice(rev.metadata.name.lastIndexOf('-') + 1);
}

/** Deletes the oldest revisions no pod uses beyond the owner's revisionHistoryLimit. */
export function cleanupRevisions(ctx: ControllerContext, owner: KObject, revisions: KObject[], current: KObject, liveHashes: Set<string>): void {
  const limit = owner.spec?.revisionHistoryLimit ?? 10;
  const unused = revisions.filter((r) => r.metadata.name !== current.metadata.name && !liveHashes.has(revisionHash(r)));
  for (const r of unused.slice(0, Math.max(0, unused.length - limit))) ctx.store.remove('controllerrevisions', r.metadata.namespace ?? '', r.metadata.name);
}
