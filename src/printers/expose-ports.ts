/**
 * The ports of the Service `kubectl expose` builds, planned as kubectl 1.32
 * does it (pkg/cmd/expose createService with the PortsForObject and
 * MultiProtocolsForObject helpers). Without --protocol each port keeps the
 * protocol the exposed object gives it, and a port number the object serves
 * over several protocols becomes one Service port per protocol.
 */

import type { KObject } from '../api/types';
import { goAtoi, parseIntOrString } from './generator-helpers';

/** The flags of `kubectl expose` that shape spec.ports. */
export interface ExposedPortFlags {
  /** `--port`: one port or a comma-separated list; empty to copy the object's ports. */
  port?: string;
  /** `--protocol`: one protocol for every port; empty to keep the object's. */
  protocol?: string;
  /** `--target-port`: a number or a port name, used for every port. */
  targetPort?: string;
}

/** A Service port in the field order kubectl's generator prints. */
export interface ExposedPort {
  name?: string;
  protocol: string;
  port: number;
  targetPort: number | string;
}

/** Container ports of a pod template, or the ports of a Service, in spec order. */
function sourcePorts(source: KObject): { port: number; protocol: string }[] {
  if (source.kind === 'Service') {
    return (source.spec?.ports ?? []).map((p: any) => ({ port: p?.port ?? 0, protocol: p?.protocol || 'TCP' }));
  }
  const podSpec = source.kind === 'Pod' ? source.spec : source.spec?.template?.spec;
  const ports: { port: number; protocol: string }[] = [];
  for (const c of podSpec?.containers ?? []) {
    for (const p of c?.ports ?? []) ports.push({ port: p?.containerPort ?? 0, protocol: p?.protocol || 'TCP' });
  }
  return ports;
}

/**
 * Returns the port numbers of the exposed object without repeats, as the
 * text kubectl puts into --port when the flag is not given.
 */
export function findExposedPortNumbers(source: KObject): string[] {
  return [...new Set(sourcePorts(source).map((p) => String(p.port)))];
}

/**
 * Maps each port number, as decimal text, to every protocol the object
 * serves it with, in spec order. Repeats are kept, as kubectl keeps them.
 */
function protocolsByPort(source: KObject): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of sourcePorts(source)) {
    const key = String(p.port);
    map.set(key, [...(map.get(key) ?? []), p.protocol]);
  }
  return map;
}

/**
 * Plans spec.ports for exposing `source`. Throws strconv.Atoi's error for a
 * --port entry that is not an integer. Returns an empty list when neither
 * --port nor the object has a port; the caller decides whether that is an
 * error (it is not for a headless Service).
 *
 * kubectl looks a --port entry up in the object's protocols by its text, so
 * `--port=053` does not match the object's port 53 and gets TCP.
 */
export function calculateExposedPorts(source: KObject, flags: ExposedPortFlags): ExposedPort[] {
  const portText = flags.port ? flags.port : findExposedPortNumbers(source).join(',');
  if (portText === '') return [];
  const protocols = protocolsByPort(source);
  const entries = portText.split(',');
  const planned: Omit<ExposedPort, 'targetPort'>[] = [];
  entries.forEach((text, i) => {
    const port = goAtoi(text);
    const name = entries.length > 1 ? `port-${i + 1}` : undefined;
    const found = protocols.get(text) ?? [];
    if (flags.protocol) {
      planned.push({ name, protocol: flags.protocol, port });
    } else if (found.length > 1) {
      // One Service port per protocol, named for it: port-1-udp, port-1-tcp.
      for (const protocol of found) planned.push({ name: `port-${i + 1}-${protocol.toLowerCase()}`, protocol, port });
    } else {
      planned.push({ name, protocol: found[0] ?? 'TCP', port });
    }
  });
  const targetPort = flags.targetPort ? parseIntOrString(flags.targetPort) : undefined;
  return planned.map((p) => {
    const out: ExposedPort = { ...(p.name === undefined ? {} : { name: p.name }), protocol: p.protocol, port: p.port, targetPort: targetPort ?? p.port };
    return out;
  });
}
