/**
 * Port specifications of `kubectl port-forward` (`8080:80`, `8080`, `:80`,
 * `8443:https`): resolving names against the Service or the pod, and parsing
 * the local and remote numbers. The rules and messages follow kubectl 1.32
 * (pkg/cmd/portforward, pkg/util/service_port.go and pod_port.go) and
 * client-go's tools/portforward parsePorts.
 */
import type { KObject } from '../../api/types.js';
import { UsageError } from '../../api/errors.js';
import { quoteGoString } from '../../printers/go-value.js';

/** One local port and the pod port it forwards to. Local 0 requests a random free port. */
export interface ForwardedPort {
  local: number;
  remote: number;
}

/**
 * Splits `[LOCAL:]REMOTE` into its two parts. A spec without exactly one
 * colon names its first part twice, so kubectl reads `1:2:3` as port 1.
 */
export function splitPort(spec: string): { local: string; remote: string } {
  const parts = spec.split(':');
  if (parts.length === 2) return { local: parts[0], remote: parts[1] };
  return { local: parts[0], remote: parts[0] };
}

/** Parses a string as Go's strconv.Atoi does for the decimal forms that reach kubectl here. */
function atoi(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

/** Returns the containerPort named `name` in the pod's containers, then its init containers. */
export function lookupContainerPortByName(pod: KObject, name: string): number {
  for (const list of [pod.spec?.containers ?? [], pod.spec?.initContainers ?? []]) {
    for (const c of list) {
      for (const p of c.ports ?? []) if ((p.name ?? '') === name) return p.containerPort;
    }
  }
  throw new UsageError(`Pod '${pod.metadata.name}' does not have a named port '${name}'`);
}

/** Returns the number of the Service port named `name`. */
export function lookupServicePortByName(svc: KObject, name: string): number {
  for (const p of svc.spec?.ports ?? []) if ((p.name ?? '') === name) return p.port;
  throw new UsageError(`Service '${svc.metadata.name}' does not have a named port '${name}'`);
}

/**
 * Returns the container port behind Service port `port`: the Service's
 * targetPort (a number, or a container port name looked up in the pod), the
 * port itself when targetPort is unset or the Service is headless.
 */
export function lookupContainerPortByServicePort(svc: KObject, pod: KObject, port: number): number {
  for (const p of svc.spec?.ports ?? []) {
    if (p.port !== port) continue;
    if (svc.spec?.clusterIP === 'None') return port;
    const target = p.targetPort;
    if (target === undefined || target === null || target === 0) return p.port;
    if (typeof target === 'number') return target;
    return lookupContainerPortByName(pod, String(target));
  }
  throw new UsageError(`Service ${svc.metadata.name} does not have a service port ${port}`);
}

/** Rewrites each Service port spec to the pod's container port, as kubectl's translateServicePortToTargetPort does. */
export function translateServicePorts(specs: string[], svc: KObject, pod: KObject): string[] {
  return specs.map((spec) => {
    let { local, remote } = splitPort(spec);
    let portNumber = atoi(remote);
    if (portNumber === undefined) {
      portNumber = lookupServicePortByName(svc, remote);
      if (local === remote) local = String(portNumber);
    }
    const containerPort = String(lookupContainerPortByServicePort(svc, pod, portNumber));
    return local !== containerPort ? `${local}:${containerPort}` : containerPort;
  });
}

/** Rewrites named remote ports to the pod's container port numbers, as kubectl's convertPodNamedPortToNumber does. */
export function convertPodNamedPorts(specs: string[], pod: KObject): string[] {
  return specs.map((spec) => {
    const { local, remote } = splitPort(spec);
    if (remote === '') throw new UsageError('remote port cannot be empty');
    const containerPort = atoi(remote) === undefined ? String(lookupContainerPortByName(pod, remote)) : remote;
    return local !== remote ? `${local}:${containerPort}` : containerPort;
  });
}

/** Lists the ports of `protocol` given as (port number, protocol) pairs. */
function portsWith(pairs: [number, string][], protocol: string): Set<number> {
  return new Set(pairs.filter(([, p]) => p === protocol).map(([n]) => n));
}

/** Rejects a remote port that only UDP uses, since port forwarding carries TCP only. */
function checkUdpOnly(specs: string[], pairs: [number, string][], lookupName: (name: string) => number): void {
  const tcp = portsWith(pairs, 'TCP');
  const udpOnly = [...portsWith(pairs, 'UDP')].filter((n) => !tcp.has(n));
  for (const spec of specs) {
    const { remote } = splitPort(spec);
    const portNumber = atoi(remote) ?? lookupName(remote);
    if (udpOnly.includes(portNumber)) throw new UsageError(`UDP protocol is not supported for ${remote}`);
  }
}

/** Rejects a remote port that is UDP-only among the Service's ports. */
export function checkUdpPortsInService(specs: string[], svc: KObject): void {
  const pairs: [number, string][] = (svc.spec?.ports ?? []).map((p: any) => [p.port, p.protocol ?? 'TCP']);
  checkUdpOnly(specs, pairs, (name) => lookupServicePortByName(svc, name));
}

/** Rejects a remote port that is UDP-only among the pod's container ports. */
export function checkUdpPortsInPod(specs: string[], pod: KObject): void {
  const pairs: [number, string][] = (pod.spec?.containers ?? []).flatMap((c: any) => (c.ports ?? []).map((p: any) => [p.containerPort, p.protocol ?? 'TCP']));
  checkUdpOnly(specs, pairs, (name) => lookupContainerPortByName(pod, name));
}

/**
 * Parses a port number as Go's strconv.ParseUint(text, 10, 16) does, or
 * returns its error text.
 */
function parseUint16(text: string): number | string {
  if (!/^\d+$/.test(text)) return `strconv.ParseUint: parsing ${quoteGoString(text)}: invalid syntax`;
  const value = Number(text);
  if (value > 65535) return `strconv.ParseUint: parsing ${quoteGoString(text)}: value out of range`;
  return value;
}

/**
 * Parses the translated specs into port pairs, as client-go's parsePorts
 * does: `5000` is 5000:5000, `:5000` and `0:5000` ask for a random local
 * port, and more than one colon is invalid here.
 */
export function parsePorts(specs: string[]): ForwardedPort[] {
  return specs.map((spec) => {
    const parts = spec.split(':');
    if (parts.length > 2) throw new UsageError(`invalid port format '${spec}'`);
    const localText = parts.length === 1 ? parts[0] : parts[0] || '0';
    const remoteText = parts.length === 1 ? parts[0] : parts[1];
    const local = parseUint16(localText);
    if (typeof local === 'string') throw new UsageError(`error parsing local port '${localText}': ${local}`);
    const remote = parseUint16(remoteText);
    if (typeof remote === 'string') throw new UsageError(`error parsing remote port '${remoteText}': ${remote}`);
    if (remote === 0) throw new UsageError('remote port must be > 0');
    return { local, remote };
  });
}
