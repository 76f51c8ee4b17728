/**
 * The Service of `kubectl expose`, built from the exposed object as kubectl's
 * service generator does: selector and ports found by introspection unless
 * given by flags, and the source's labels copied.
 */

import type { KObject } from '../api/types';
import { meta, parseLabels, sortedMap } from './generator-helpers';
import { calculateExposedPorts } from './expose-ports';

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

/** Builds the Service of `kubectl expose`; throws kubectl's message when no selector or port is found. */
export function generateExposeService(f: ExposeFlags): KObject {
  const selector = f.selector ? parseLabels(f.selector) : selectorOf(f.source);
  const labels = f.labels ? parseLabels(f.labels) : f.source.metadata.labels;
  const ports = calculateExposedPorts(f.source, { port: f.port, protocol: f.protocol, targetPort: f.targetPort });
  // A headless Service may have no ports; Go leaves the empty list out of the output.
  if (ports.length === 0 && f.clusterIP !== 'None') throw new Error("couldn't find port via --port flag or introspection");

  const spec: Record<string, unknown> = ports.length > 0 ? { ports, selector } : { selector };
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
