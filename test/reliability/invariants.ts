/**
 * Cluster invariants the reliability suites check after concurrent writers
 * and crashes, read straight from a cluster's SQLite file.
 */
import { createRequire } from 'node:module';

interface Row {
  resource: string;
  namespace: string;
  name: string;
  uid: string;
  rv: number;
  data: string;
}

/** Reads every object of a cluster file, decoded. */
export function readObjects(file: string): { resource: string; obj: any; rv: number }[] {
  const Driver = createRequire(__filename)('better-sqlite3');
  const db = new Driver(file, { readonly: true });
  const rows = db.prepare('SELECT resource, namespace, name, uid, rv, data FROM objects').all() as Row[];
  db.close();
  return rows.map((r) => ({ resource: r.resource, obj: JSON.parse(r.data), rv: r.rv }));
}

/** Returns the PRAGMA integrity_check result of a cluster file. */
export function integrityCheck(file: string): string {
  const Driver = createRequire(__filename)('better-sqlite3');
  const db = new Driver(file, { readonly: true });
  const result = db.pragma('integrity_check', { simple: true }) as string;
  db.close();
  return result;
}

/**
 * Lists broken invariants: a ReplicaSet whose live pods differ from its
 * replica count, a pod or ReplicaSet whose owner is gone, a duplicate pod
 * name or uid, or two objects sharing a resourceVersion.
 */
export function brokenInvariants(file: string): string[] {
  const objects = readObjects(file);
  const problems: string[] = [];
  const uids = new Map<string, string>();
  const rvs = new Map<number, string>();
  for (const { resource, obj, rv } of objects) {
    const id = `${resource}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    const seenUid = uids.get(obj.metadata.uid);
    if (seenUid) problems.push(`${id} shares uid with ${seenUid}`);
    uids.set(obj.metadata.uid, id);
    const seenRv = rvs.get(rv);
    if (seenRv) problems.push(`${id} shares resourceVersion ${rv} with ${seenRv}`);
    rvs.set(rv, id);
    if (String(rv) !== obj.metadata.resourceVersion) problems.push(`${id} stores resourceVersion ${obj.metadata.resourceVersion} in column ${rv}`);
  }
  const byUid = new Map(objects.map((o) => [o.obj.metadata.uid, o]));
  const livePods = new Map<string, number>();
  for (const { resource, obj } of objects) {
    if (resource !== 'pods' && resource !== 'replicasets') continue;
    const id = `${resource}/${obj.metadata.name}`;
    const owner = (obj.metadata.ownerReferences ?? []).find((r: any) => r.controller);
    const expectsOwner = resource === 'replicasets' || obj.metadata.labels?.['pod-template-hash'] !== undefined;
    if (!owner) {
      if (expectsOwner) problems.push(`${id} has no controller owner`);
      continue;
    }
    if (!byUid.has(owner.uid)) problems.push(`${id} is owned by missing ${owner.kind} ${owner.name}`);
    if (resource === 'pods' && !obj.metadata.deletionTimestamp) livePods.set(owner.uid, (livePods.get(owner.uid) ?? 0) + 1);
  }
  for (const { resource, obj } of objects) {
    if (resource !== 'replicasets' || obj.metadata.deletionTimestamp) continue;
    const want = obj.spec?.replicas ?? 1;
    const have = livePods.get(obj.metadata.uid) ?? 0;
    if (have !== want) problems.push(`replicasets/${obj.metadata.name} wants ${want} pods and has ${have}`);
  }
  return problems;
}
