/**
 * Service address allocation as the API server does it on create: a
 * ClusterIP from 10.96.0.0/12 (10.96.0.1 belongs to `kubernetes`),
 * `None` for headless Services, and node ports from 30000-32767. Addresses
 * are drawn from the cluster's seeded generator, so runs repeat.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { ApiError, invalid } from '../api/errors.js';
import { needsHealthCheck } from '../api/service-traffic-validation.js';
import { goStringSliceText } from '../api/ip-address.js';

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
  // A list value is printed as Go's %#v prints a []string, as the API server does.
  const valueText = Array.isArray(value) ? goStringSliceText(value) : undefined;
  return invalid('Service', svc.metadata.name, [{ field, type: 'Invalid value', value, valueText, hasValue: true, detail }]);
}

function allocateClusterIP(store: Store, svc: KObject): void {
  const spec = svc.spec;
  const used = usedClusterIPs(store, svc.metadata.uid ?? '');
  if (spec.clusterIP === 'None') {
    spec.clusterIPs = ['None'];
    return;
  }
  if (spec.clusterIP) {
    const n = ipToNumber(spec.clusterIP);
    if (n === undefined || n < BASE || n >= BASE + SIZE) {
      throw allocationError(svc, 'spec.clusterIPs', [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
    }
    if (used.has(spec.clusterIP)) throw allocationError(svc, 'spec.clusterIPs', [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`);
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
 */
export function allocateServiceAddresses(store: Store, svc: KObject, old: KObject | undefined): void {
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
  if (!old || fromExternalName || !old.spec?.clusterIP) allocateClusterIP(store, svc);
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
