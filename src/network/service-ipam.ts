/**
 * Service address allocation as the API server does it on create: a
 * ClusterIP from 10.96.0.0/12 (10.96.0.1 belongs to `kubernetes`),
 * `None` for headless Services, and node ports from 30000-32767. Addresses
 * are drawn from the cluster's seeded generator, so runs repeat.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { invalid } from '../api/errors.js';
import { invalidList } from '../api/service-cluster-ips.js';

export const SERVICE_CIDR = '10.96.0.0/12';
const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function usedClusterIPs(store: Store, except: string): Set<string> {
  const rows = store
    .prepared("SELECT json_extract(data, '$.spec.clusterIP') AS ip FROM objects WHERE resource = 'services' AND uid != ?")
    .all(except) as { ip: string | null }[];
  return new Set(rows.map((r) => r.ip ?? ''));
}

function usedNodePorts(store: Store, except: string): Set<number> {
  const rows = store.prepared("SELECT data FROM objects WHERE resource = 'services' AND uid != ?").all(except) as { data: string }[];
  const out = new Set<number>();
  for (const r of rows) for (const p of JSON.parse(r.data).spec?.ports ?? []) if (p.nodePort) out.add(p.nodePort);
  return out;
}

/** A seeded 32-bit value taken from the store's uid generator. */
function draw(store: Store): number {
  return parseInt(store.newUid().replace(/-/g, '').slice(0, 8), 16) >>> 0;
}

function allocationError(svc: KObject, field: string, value: unknown, detail: string) {
  return invalid('Service', svc.metadata.name, [{ field, type: 'Invalid value', value, hasValue: true, detail }]);
}

function clusterIPError(svc: KObject, clusterVersion: number, detail: string) {
  const ips: string[] = svc.spec.clusterIP ? [svc.spec.clusterIP] : [];
  return invalid('Service', svc.metadata.name, [invalidList('spec.clusterIPs', ips, detail, clusterVersion)]);
}

function allocateClusterIP(store: Store, svc: KObject, clusterVersion: number): void {
  const spec = svc.spec;
  const used = usedClusterIPs(store, svc.metadata.uid ?? '');
  if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
    return;
  }
  if (spec.clusterIP) {
    const n = ipToNumber(spec.clusterIP);
    if (n === undefined || n < BASE || n >= BASE + SIZE) {
      throw clusterIPError(svc, clusterVersion, `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
    }
    if (used.has(spec.clusterIP)) throw clusterIPError(svc, clusterVersion, `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`);
    spec.clusterIPs = [spec.clusterIP];
    return;
  }
  for (let attempt = 0; attempt < 64; attempt++) {
    const ip = numberToIp(BASE + 2 + (draw(store) % (SIZE - 3)));
    if (used.has(ip) || ip.endsWith('.0') || ip.endsWith('.255')) continue;
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    return;
  }
  throw clusterIPError(svc, clusterVersion, 'failed to allocate IP: range is full');
}

function allocateNodePorts(store: Store, svc: KObject): void {
  const used = usedNodePorts(store, svc.metadata.uid ?? '');
  for (const [i, p] of (svc.spec.ports ?? []).entries()) {
    if (p.nodePort) {
      if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        throw allocationError(svc, `spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`);
      }
      if (used.has(p.nodePort)) throw allocationError(svc, `spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated');
      used.add(p.nodePort);
      continue;
    }
    let port = NODE_PORT_MIN + (draw(store) % (NODE_PORT_MAX - NODE_PORT_MIN + 1));
    while (used.has(port)) port = port === NODE_PORT_MAX ? NODE_PORT_MIN : port + 1;
    p.nodePort = port;
    used.add(port);
  }
}

/**
 * Fills in a Service's addresses on create, and keeps them on update (a
 * replace or apply that omits them keeps the allocated ones).
 * `clusterVersion` (1.32 is 132) picks how error messages print values.
 */
export function allocateServiceAddresses(store: Store, svc: KObject, old: KObject | undefined, clusterVersion: number): void {
  const spec = svc.spec;
  if (!spec || spec.type === 'ExternalName') return;
  if (old) {
    spec.clusterIP ??= old.spec?.clusterIP;
    spec.clusterIPs ??= old.spec?.clusterIPs;
    for (const p of spec.ports ?? []) {
      const before = (old.spec?.ports ?? []).find((o: any) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (!p.nodePort && before?.nodePort && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) p.nodePort = before.nodePort;
    }
    if (spec.clusterIP && spec.clusterIP === old.spec?.clusterIP) {
      if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') for (const p of spec.ports ?? []) delete p.nodePort;
      else allocateNodePorts(store, svc);
      return;
    }
  }
  // A create always allocates, so an address copied from another Service's clusterIPs is still checked.
  if (!old || !spec.clusterIPs || spec.clusterIPs[0] !== spec.clusterIP) allocateClusterIP(store, svc, clusterVersion);
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') allocateNodePorts(store, svc);
}
