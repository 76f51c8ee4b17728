/**
 * In-cluster name resolution, as CoreDNS resolves names for a pod whose
 * resolv.conf searches `<ns>.svc.cluster.local svc.cluster.local cluster.local`.
 * `<svc>`, `<svc>.<ns>` and `<svc>.<ns>.svc.cluster.local` name a Service.
 * `<host>.<svc>.<ns>.svc.cluster.local` names the pod with that hostname and
 * subdomain behind a headless Service.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';

export const CLUSTER_DOMAIN = 'cluster.local';

export type Resolution = { kind: 'service'; service: KObject } | { kind: 'pod'; pod: KObject } | { kind: 'ip'; ip: string };

/** Lists the fully qualified names the resolver tries for `host`, in search-path order. */
export function searchNames(host: string, namespace: string): string[] {
  const name = host.replace(/\.$/, '');
  if (host.endsWith('.') || name.endsWith(`.${CLUSTER_DOMAIN}`)) return [name];
  return [`${name}.${namespace}.svc.${CLUSTER_DOMAIN}`, `${name}.svc.${CLUSTER_DOMAIN}`, `${name}.${CLUSTER_DOMAIN}`, name];
}

function lookupFqdn(store: Store, fqdn: string): Resolution | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length === 2) {
    const service = store.get('services', labels[1], labels[0]);
    return service ? { kind: 'service', service } : undefined;
  }
  if (labels.length === 3) {
    const [hostname, subdomain, ns] = labels;
    const service = store.get('services', ns, subdomain);
    if (!service) return undefined;
    const pod = store.list('pods', ns).find((p) => p.spec?.hostname === hostname && p.spec?.subdomain === subdomain && p.status?.podIP && !p.metadata.deletionTimestamp);
    return pod ? { kind: 'pod', pod } : undefined;
  }
  return undefined;
}

/** Resolves a host name or IP literal as seen from a pod in `namespace`. */
export function resolveHost(store: Store, host: string, namespace: string): Resolution | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
    const row = store
      .prepared("SELECT data FROM objects WHERE resource = 'services' AND json_extract(data, '$.spec.clusterIP') = ? LIMIT 1")
      .get(host) as { data: string } | undefined;
    return row ? { kind: 'service', service: JSON.parse(row.data) } : { kind: 'ip', ip: host };
  }
  for (const fqdn of searchNames(host.toLowerCase(), namespace)) {
    const found = lookupFqdn(store, fqdn);
    if (found) return found;
  }
  return undefined;
}
