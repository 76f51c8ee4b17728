/**
 * The rules `kubectl auth can-i --list` prints for a kubeadm cluster's admin:
 * cluster-admin's two wildcard rules plus the rules every authenticated user
 * gets from the bootstrap ClusterRoles system:basic-user, system:discovery
 * and system:public-info-viewer. kubectl breaks rules into one verb and one
 * resource or URL each, merges the resource ones, and sorts them by their
 * Go string form, which puts the verb first. URL rules are never merged, so
 * URLs granted by two roles are listed twice.
 */
import { formatTabbedLines } from '../../printers/table.js';

/** One broken-down rule: a resource (`selfsubjectreviews.authentication.k8s.io`, `*.*`) or a non-resource URL, and one verb. */
interface Row {
  resource: string;
  url: string;
  verb: string;
}

/** Lists the URLs system:discovery grants `get` on in the cluster's version. */
function discoveryUrls(version: number): string[] {
  const urls = ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/openapi', '/openapi/*', '/version', '/version/'];
  // NOTE: 1.16 as the first version with the livez and readyz endpoints is an estimate.
  if (version >= 116) urls.push('/livez', '/readyz');
  return urls;
}

/** Lists the URLs system:public-info-viewer grants `get` on (from 1.14, an estimate). */
function publicInfoUrls(version: number): string[] {
  if (version < 114) return [];
  return version >= 116 ? ['/healthz', '/livez', '/readyz', '/version', '/version/'] : ['/healthz', '/version', '/version/'];
}

/** Lists every rule of the admin user, one verb and one target each, before sorting. */
function adminRows(version: number): Row[] {
  const rows: Row[] = [
    { resource: '*.*', url: '', verb: '*' },
    { resource: '', url: '*', verb: '*' },
    { resource: 'selfsubjectaccessreviews.authorization.k8s.io', url: '', verb: 'create' },
    { resource: 'selfsubjectrulesreviews.authorization.k8s.io', url: '', verb: 'create' },
  ];
  // system:basic-user may create SelfSubjectReviews once that API is on by default (1.27).
  if (version >= 127) rows.push({ resource: 'selfsubjectreviews.authentication.k8s.io', url: '', verb: 'create' });
  for (const url of [...discoveryUrls(version), ...publicInfoUrls(version)]) rows.push({ resource: '', url, verb: 'get' });
  return rows;
}

/**
 * Returns the key kubectl sorts by: the PolicyRule's Go string, whose fields
 * are verbs, API groups, resources, resource names, then URLs.
 */
function sortKey(r: Row): string {
  const dot = r.resource.indexOf('.');
  const groups = r.resource ? `[${r.resource.slice(dot + 1)}]` : '[]';
  const resources = r.resource ? `[${r.resource.slice(0, dot)}]` : '[]';
  const urls = r.url ? `[${r.url}]` : '[]';
  return `&PolicyRule{Verbs:[${r.verb}],APIGroups:${groups},Resources:${resources},ResourceNames:[],NonResourceURLs:${urls},}`;
}

/** Renders the `--list` table, with or without its header line. */
export function accessListTable(version: number, noHeaders: boolean): string {
  const rows = adminRows(version).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const lines = rows.map((r) => [r.resource, r.url ? `[${r.url}]` : '[]', '[]', `[${r.verb}]`]);
  if (!noHeaders) lines.unshift(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']);
  return formatTabbedLines(lines);
}
