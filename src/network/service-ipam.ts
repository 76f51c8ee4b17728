/**
 * Service address allocation as the API server does it on create: a
 * ClusterIP from 10.96.0.0/12 (10.96.0.1 belongs to `kubernetes`),
 * `None` for headless Services, and node ports from 30000-32767. Addresses
 * are drawn from the cluster's seeded generator, so runs repeat.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { ApiError, invalid, invalidValue } from '../api/errors.js';
import { needsHealthCheck } from '../api/service-traffic-validation.js';
import { invalidList } from '../api/go-syntax.js';
import { parseIPSloppy } from '../api/ip-address.js';

export const SERVICE_CIDR = '10.96.0.0/12';
const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/** Returns an IPv4 address (also IPv4-mapped IPv6) as a number, or undefined for an IPv6 address. */
function ipv4Number(bytes: number[]): number | undefined {
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (!mapped) return undefined;
  return ((bytes[12] << 24) >>> 0) + (bytes[13] << 16) + (bytes[14] << 8) + bytes[15];
}

function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Returns the IPv4 cluster IPs other Services hold, as numbers, so that `010.96.0.5` and `10.96.0.5` are one address. */
function usedClusterIPs(store: Store, except: string): Set<number> {
  const rows = store
    .prepared("SELECT json_extract(data, '$.spec.clusterIP') AS ip FROM objects WHERE resource = 'services' AND uid != ?")
    .all(except) as { ip: string | null }[];
  const used = new Set<number>();
  for (const r of rows) {
    const bytes = typeof r.ip === 'string' ? parseIPSloppy(r.ip) : undefined;
    const n = bytes && ipv4Number(bytes);
    if (n !== undefined) used.add(n);
  }
  return used;
}

/** Returns the node ports other Services use: their ports' node ports and their health check node ports. */
function usedNodePorts(store: Store, except: string): Set<number> {
  const rows = store.prepared("SELECT data FROM objects WHERE resource = 'services' AND uid != ?").all(except) as { data: string }[];
  const out = new Set<number>();
  for (const r of rows) {
    const spec = JSON.parse(r.data).spec;
    for (const p of spec?.ports ?? []) if (p.nodePort) out.add(p.nodePort);
    if (spec?.healthCheckNodePort) out.add(spec.healthCheckNodePort);
  }
  return out;
}

/** A seeded 32-bit value taken from the store's uid generator. */
function draw(store: Store): number {
  return parseInt(store.newUid().replace(/-/g, '').slice(0, 8), 16) >>> 0;
}

function allocationError(svc: KObject, field: string, value: unknown, detail: string) {
  return invalid('Service', svc.metadata.name, [{ field, type: 'Invalid value', value, hasValue: true, detail }]);
}

/**
 * Builds the allocator's error for a requested cluster IP it cannot reserve. From
 * 1.20 the value is the whole clusterIPs list; before, it is spec.clusterIP
 * with the allocator's reason alone.
 */
function clusterIPError(svc: KObject, clusterVersion: number, reason: string) {
  const ip = svc.spec.clusterIP;
  if (clusterVersion < 120) return invalid('Service', svc.metadata.name, [invalidValue('spec.clusterIP', ip, reason)]);
  const ips: unknown[] = Array.isArray(svc.spec.clusterIPs) ? svc.spec.clusterIPs : [ip];
  return invalid('Service', svc.metadata.name, [invalidList('spec.clusterIPs', ips, `failed to allocate IP ${ip}: ${reason}`, clusterVersion)]);
}

function allocateClusterIP(store: Store, svc: KObject, clusterVersion: number): void {
  const spec = svc.spec;
  const used = usedClusterIPs(store, svc.metadata.uid ?? '');
  if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
    return;
  }
  if (spec.clusterIP) {
    const bytes = parseIPSloppy(String(spec.clusterIP));
    if (!bytes) {
      // Only clusters before 1.20 get here: their validation, which runs next, reports the address.
      spec.clusterIPs = [spec.clusterIP];
      return;
    }
    const n = ipv4Number(bytes);
    if (n === undefined || n < BASE || n >= BASE + SIZE) {
      // NOTE: some releases from 1.20 on print "provided IP" without the address too; which release added it was not checked.
      const provided = clusterVersion >= 120 ? `the provided IP (${spec.clusterIP})` : 'provided IP';
      throw clusterIPError(svc, clusterVersion, `${provided} is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
    }
    if (used.has(n)) throw clusterIPError(svc, clusterVersion, 'provided IP is already allocated');
    spec.clusterIPs = [spec.clusterIP];
    return;
  }
  for (let attempt = 0; attempt < 64; attempt++) {
    const n = BASE + 2 + (draw(store) % (SIZE - 3));
    const ip = numberToIp(n);
    if (used.has(n) || ip.endsWith('.0') || ip.endsWith('.255')) continue;
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    return;
  }
  throw new ApiError('InternalError', 500, 'Internal error occurred: failed to allocate a serviceIP: range is full');
}

/** Picks a free node port from the seeded generator, scanning up from a random start. */
function nextNodePort(store: Store, used: Set<number>): number {
  let port = NODE_PORT_MIN + (draw(store) % (NODE_PORT_MAX - NODE_PORT_MIN + 1));
  while (used.has(port)) port = port === NODE_PORT_MAX ? NODE_PORT_MIN : port + 1;
  used.add(port);
  return port;
}

/**
 * Reserves the health check node port of a LoadBalancer Service with
 * externalTrafficPolicy Local, or picks one. A requested port the allocator
 * cannot reserve is an internal error on a real server, not a field error.
 */
function allocateHealthCheckNodePort(store: Store, svc: KObject, old: KObject | undefined, used: Set<number>): void {
  const spec = svc.spec;
  if (!needsHealthCheck(spec)) return;
  const requested = spec.healthCheckNodePort;
  if (!requested) {
    spec.healthCheckNodePort = nextNodePort(store, used);
    return;
  }
  if (needsHealthCheck(old?.spec) && old?.spec.healthCheckNodePort === requested) return;
  const fail = (reason: string) =>
    new ApiError('InternalError', 500, `Internal error occurred: failed to allocate requested HealthCheck NodePort ${requested}: ${reason}`);
  if (typeof requested !== 'number' || requested < NODE_PORT_MIN || requested > NODE_PORT_MAX) {
    throw fail(`provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`);
  }
  if (used.has(requested)) throw fail('provided port is already allocated');
  used.add(requested);
}

function allocateNodePorts(store: Store, svc: KObject, used: Set<number>): void {
  // A LoadBalancer Service with allocateLoadBalancerNodePorts false gets only the node ports it requests.
  const onlyRequested = svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts === false;
  for (const [i, p] of (svc.spec.ports ?? []).entries()) {
    if (!p.nodePort && onlyRequested) continue;
    if (p.nodePort) {
      if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        throw allocationError(svc, `spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`);
      }
      if (used.has(p.nodePort)) throw allocationError(svc, `spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated');
      used.add(p.nodePort);
      continue;
    }
    p.nodePort = nextNodePort(store, used);
  }
}

/**
 * Fills in a Service's addresses on create, and keeps them on update (a
 * replace or apply that omits them keeps the allocated ones). An update
 * allocates a cluster IP only when the Service leaves ExternalName, and
 * leaves a changed one to validation, which rejects it.
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
      allocatePorts(store, svc, old);
      return;
    }
  }
  // A created Service's requested clusterIP is checked even when clusterIPs repeats it.
  const fromExternalName = old?.spec?.type === 'ExternalName';
  if (!old || fromExternalName || !old.spec?.clusterIP) allocateClusterIP(store, svc, clusterVersion);
  allocatePorts(store, svc, old);
}

/** Allocates node ports for a NodePort or LoadBalancer Service, else clears them, then the health check node port. */
function allocatePorts(store: Store, svc: KObject, old: KObject | undefined): void {
  const spec = svc.spec;
  const used = usedNodePorts(store, svc.metadata.uid ?? '');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') allocateNodePorts(store, svc, used);
  else if (old) for (const p of spec.ports ?? []) delete p.nodePort;
  allocateHealthCheckNodePort(store, svc, old, used);
}
