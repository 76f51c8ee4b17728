/**
 * A pod's view of the simulated network, as the programs in its containers
 * use it: HTTP GETs for `wget` and `curl`, and the cluster DNS answers for
 * `nslookup`. Built over the store as it is when a program runs; nothing
 * here writes except the Service turn counter that load balancing keeps.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { DnsView, HttpFetcher, PodNetwork } from '../images/exec-network.js';
import { CLUSTER_DOMAIN, resolveHost } from './dns.js';
import { httpGet, podGet, resolveHttpTarget } from './http.js';

/**
 * The cluster DNS Service address that pods' resolv.conf names, kubeadm's
 * default (the tenth address of 10.96.0.0/12), and the name CoreDNS gives it.
 */
export const CLUSTER_DNS_IP = '10.96.0.10';
const CLUSTER_DNS_NAME = `kube-dns.kube-system.svc.${CLUSTER_DOMAIN}`;

/** The pod a process runs in, which its own names and the loopback address reach. */
export interface PodSelf {
  name: string;
  /** The name its /etc/hosts gives the pod's IP (spec.hostname, or the pod's name). */
  hostname: string;
}

/** Reports whether `host` is a loopback address or name in a pod's /etc/hosts. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Sends GETs from a pod in `namespace`, so that short Service names resolve
 * there. With `self`, `localhost`, 127.0.0.1 and the pod's hostname reach the
 * pod's own containers, which share its network namespace.
 */
export function buildPodFetcher(store: Store, namespace: string, self?: PodSelf): HttpFetcher {
  const host = { store };
  return (url) => {
    const target = resolveHttpTarget(host, url, namespace);
    const name = target.host.toLowerCase();
    const loopback = isLoopback(name);
    if (self && (loopback || name === self.hostname.toLowerCase())) {
      const pod = store.get('pods', namespace, self.name);
      let address = pod?.status?.podIP;
      if (loopback) address = name === 'localhost' ? '127.0.0.1' : name;
      if (pod) return { ...podGet(host, pod, target), address };
    }
    const resolved = resolveHost(store, target.host, namespace);
    let address: string | undefined;
    if (resolved?.kind === 'service') address = resolved.service.spec?.clusterIP;
    else if (resolved?.kind === 'pod') address = resolved.pod.status?.podIP;
    else if (resolved?.kind === 'ip') address = resolved.ip;
    return { ...httpGet(host, target), address };
  };
}

/** Returns the IPs of a Service's ready endpoints, as CoreDNS answers for a headless Service. */
function readyAddresses(store: Store, svc: KObject): string[] {
  const ep = store.get('endpoints', svc.metadata.namespace ?? 'default', svc.metadata.name);
  return (ep?.subsets ?? []).flatMap((s: any) => (s.addresses ?? []).map((a: any) => String(a.ip)));
}

/**
 * Finds the A records of an exact name as CoreDNS's kubernetes plugin does.
 * `<svc>.<ns>.svc.cluster.local` has the ClusterIP, or the ready endpoint
 * IPs of a headless Service (NXDOMAIN when it has none).
 * `<host>.<svc>.<ns>.svc.cluster.local` has that pod's IP.
 * Simplified: ExternalName Services (a CNAME) and pod A records
 * (`1-2-3-4.<ns>.pod.cluster.local`) have no records, so they are NXDOMAIN.
 */
function findAddresses(store: Store, fqdn: string, asOf = Infinity): string[] | undefined {
  const name = fqdn.replace(/\.$/, '').toLowerCase();
  if (!name.endsWith(`.svc.${CLUSTER_DOMAIN}`)) return undefined;
  const labels = name.split('.').length;
  if (labels !== 5 && labels !== 6) return undefined;
  const resolved = resolveHost(store, `${name}.`, 'default');
  if (resolved?.kind === 'pod') return resolved.pod.status?.podIP ? [resolved.pod.status.podIP] : undefined;
  if (resolved?.kind !== 'service') return undefined;
  const svc = resolved.service;
  if (asOf !== Infinity && Date.parse(svc.metadata.creationTimestamp ?? '') > asOf) return undefined;
  if (svc.spec?.type === 'ExternalName') return undefined;
  if (svc.spec?.clusterIP === 'None') {
    // CoreDNS finds no records for a headless Service without ready endpoints, which is a name error.
    const addresses = readyAddresses(store, svc);
    return addresses.length > 0 ? addresses : undefined;
  }
  return svc.spec?.clusterIP ? [svc.spec.clusterIP] : [];
}

/** Finds the PTR name of an address: a Service's ClusterIP, a headless Service's endpoint, or the DNS Service. */
function findReverseName(store: Store, ip: string): string | undefined {
  const resolved = resolveHost(store, ip, 'default');
  if (resolved?.kind === 'service') {
    return `${resolved.service.metadata.name}.${resolved.service.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  }
  if (ip === CLUSTER_DNS_IP) return CLUSTER_DNS_NAME;
  for (const ep of store.list('endpoints')) {
    for (const subset of ep.subsets ?? []) {
      const addr = (subset.addresses ?? []).find((a: any) => a.ip === ip);
      const svc = addr && store.get('services', ep.metadata.namespace ?? 'default', ep.metadata.name);
      if (addr && svc?.spec?.clusterIP === 'None') {
        return `${addr.hostname ?? ip.replace(/\./g, '-')}.${ep.metadata.name}.${ep.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
      }
    }
  }
  return undefined;
}

/**
 * Builds the cluster DNS as a pod's resolver reaches it. With `startedAt`
 * (ms), the process that queries it started then, and its view `at` a later
 * moment leaves out the Services created after that moment.
 * Simplified: a deleted Service is gone from every moment's answers.
 */
export function buildDnsView(store: Store, startedAt?: number): DnsView {
  const view: DnsView = {
    addresses: (fqdn) => findAddresses(store, fqdn),
    reverse: (ip) => findReverseName(store, ip),
  };
  if (startedAt !== undefined) {
    view.at = (elapsedMs) => ({
      addresses: (fqdn) => findAddresses(store, fqdn, startedAt + elapsedMs),
      reverse: (ip) => findReverseName(store, ip),
    });
  }
  return view;
}

/**
 * Builds the whole network view of a pod in `namespace`, for a process
 * started at `startedAt` (ms) when given, inside the pod `self` when given.
 */
export function buildPodNetwork(store: Store, namespace: string, startedAt?: number, self?: PodSelf): PodNetwork {
  return { fetch: buildPodFetcher(store, namespace, self), dns: buildDnsView(store, startedAt) };
}
