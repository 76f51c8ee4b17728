/**
 * The addresses behind a Service: the pods its selector matches, split into
 * ready and not-ready, with each Service port resolved to the pod's target
 * port (a number, or a named container port).
 */
import type { KObject } from '../../api/types.js';
import { isPodReady } from '../podutil/pod-state.js';

export interface EndpointAddress {
  ip: string;
  ready: boolean;
  nodeName?: string;
  hostname?: string;
  pod: KObject;
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}

function selectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** Lists the pods a Service selects that have an address, ordered by IP. */
export function calculateAddresses(svc: KObject, pods: KObject[]): EndpointAddress[] {
  const selector: Record<string, string> = svc.spec?.selector ?? {};
  const publishNotReady = !!svc.spec?.publishNotReadyAddresses;
  const out: EndpointAddress[] = [];
  for (const pod of pods) {
    if (!selectorMatches(selector, pod.metadata.labels)) continue;
    if (!pod.status?.podIP || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    if (pod.metadata.deletionTimestamp && !publishNotReady) continue;
    const addr: EndpointAddress = { ip: pod.status.podIP, ready: publishNotReady || isPodReady(pod), nodeName: pod.spec?.nodeName, pod };
    if (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name) addr.hostname = pod.spec.hostname;
    out.push(addr);
  }
  const key = (ip: string) => ip.split('.').map((p) => p.padStart(3, '0')).join('.');
  return out.sort((a, b) => key(a.ip).localeCompare(key(b.ip)));
}

/** Resolves the Service's ports against the first pod, as the endpoints a client would reach. */
export function calculatePorts(svc: KObject, pod: KObject | undefined): EndpointPort[] {
  return (svc.spec?.ports ?? []).map((p: any) => {
    const port: EndpointPort = { port: resolveTargetPort(p, pod), protocol: p.protocol ?? 'TCP' };
    if (p.name) port.name = p.name;
    return port;
  });
}

/** Returns the pod port a Service port sends to: a number, or the pod's container port of that name. */
export function resolveTargetPort(servicePort: any, pod: KObject | undefined): number {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(String(target))) return Number(target);
  for (const c of pod?.spec?.containers ?? []) for (const cp of c.ports ?? []) if (cp.name === target) return cp.containerPort;
  return servicePort.port;
}
