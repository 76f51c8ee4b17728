/**
 * The Service of `kubectl expose`, built from the exposed object as kubectl's
 * service generator does: selector and ports found by introspection unless
 * given by flags, and the source's labels copied.
 */

import type { KObject } from '../api/types';
import { goAtoi, meta, parseIntOrString, parseLabels, sortedMap } from './generator-helpers';

/** Flags of `kubectl expose (-f FILE | TYPE NAME) [--port] [--target-port] ...`. */
export interface ExposeFlags {
  /** The object being exposed: a Deployment, ReplicaSet, ReplicationController, Pod or Service. */
  source: KObject;
  name?: string;
  /** `--port`: one port or a comma-separated list, parsed with strconv.Atoi. */
  port?: string;
  targetPort?: string;
  protocol?: string;
  type?: string;
  /** `--selector=a=b,c=d`, replacing the introspected selector. */
  selector?: string;
  /** `--labels=a=b`, replacing the source's labels. */
  labels?: string;
  clusterIP?: string;
  namespace?: string;
}

interface IntrospectedPort {
  port: number;
  protocol: string;
}

/** Builds the Service of `kubectl expose`; throws kubectl's message when no selector or port is found. */
export function generateExposeService(f: ExposeFlags): KObject {
  const selector = f.selector ? parseLabels(f.selector) : selectorOf(f.source);
  const introspected = portsOf(f.source);

  const labels = f.labels ? parseLabels(f.labels) : f.source.metadata.labels;
  let ports: Record<string, unknown>[];
  if (f.port !== undefined && f.port !== '') {
    // kubectl splits --port on commas and names the ports when there are several.
    const texts = f.port.split(',');
    ports = texts.map((text, i) => {
      const port = goAtoi(text);
      const servicePort: Record<string, unknown> = {};
      if (texts.length > 1) servicePort.name = `port-${i + 1}`;
      servicePort.protocol = f.protocol ?? introspected.find((p) => p.port === port)?.protocol ?? 'TCP';
      servicePort.port = port;
      servicePort.targetPort = f.targetPort ? parseIntOrString(f.targetPort) : port;
      return servicePort;
    });
  } else {
    if (introspected.length === 0) throw new Error("couldn't find port via --port flag or introspection");
    ports = introspected.map((p, i) => {
      const servicePort: Record<string, unknown> = {};
      if (introspected.length > 1) servicePort.name = `port-${i + 1}`;
      servicePort.protocol = f.protocol ?? p.protocol;
      servicePort.port = p.port;
      servicePort.targetPort = f.targetPort ? parseIntOrString(f.targetPort) : p.port;
      return servicePort;
    });
  }

  const spec: Record<string, unknown> = { ports, selector };
  if (f.clusterIP) spec.clusterIP = f.clusterIP;
  if (f.type) spec.type = f.type;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: meta(f.name ?? f.source.metadata.name, f.namespace, labels ? { labels: sortedMap(labels) } : {}),
    spec,
    status: { loadBalancer: {} },
  };
}

function selectorOf(source: KObject): Record<string, string> {
  let selector: Record<string, string> | undefined;
  switch (source.kind) {
    case 'Pod':
      selector = source.metadata.labels;
      break;
    case 'Service':
    case 'ReplicationController':
      selector = source.spec?.selector;
      break;
    case 'Deployment':
    case 'ReplicaSet':
      if (source.spec?.selector?.matchExpressions?.length) {
        throw new Error(`couldn't convert expressions - "${JSON.stringify(source.spec.selector.matchExpressions)}" to map-based selector format`);
      }
      selector = source.spec?.selector?.matchLabels;
      break;
    default:
      throw new Error(`cannot expose a ${source.kind}`);
  }
  if (!selector || Object.keys(selector).length === 0) {
    throw new Error("couldn't retrieve selectors via --selector flag or introspection");
  }
  return sortedMap(selector);
}

function portsOf(source: KObject): IntrospectedPort[] {
  if (source.kind === 'Service') {
    return (source.spec?.ports ?? []).map((p: any) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  }
  const podSpec = source.kind === 'Pod' ? source.spec : source.spec?.template?.spec;
  const ports: IntrospectedPort[] = [];
  for (const c of podSpec?.containers ?? []) {
    for (const p of c.ports ?? []) ports.push({ port: p.containerPort, protocol: p.protocol ?? 'TCP' });
  }
  return ports;
}
