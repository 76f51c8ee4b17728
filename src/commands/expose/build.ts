/**
 * The Service `kubectl expose` builds from an object: its selector (or the
 * pod's labels), its container ports unless --port is given, its labels,
 * and the type, target port and cluster IP from the flags.
 */
import type { KObject } from '../../api/types.js';
import { UsageError } from '../../api/errors.js';
import { calculateExposedPorts } from '../../printers/expose-ports.js';

export interface ExposeOptions {
  name: string;
  port: string;
  targetPort: string;
  protocol: string;
  type: string;
  selector: string;
  labels: string;
  clusterIP: string;
}

/** The flags `kubectl expose` sets on the Service after its ports, in kubectl's order. */
export interface ServiceFlagFields {
  externalIP: string;
  type: string;
  loadBalancerIP: string;
  sessionAffinity: string;
}

/**
 * Sets --external-ip, --load-balancer-ip (only on a LoadBalancer Service)
 * and --session-affinity on a Service's spec as kubectl's createService
 * does, throwing its error for an unknown affinity.
 */
export function setServiceFlagFields(spec: Record<string, unknown>, f: ServiceFlagFields): void {
  if (f.externalIP) spec.externalIPs = [f.externalIP];
  if (f.type === 'LoadBalancer' && f.loadBalancerIP) spec.loadBalancerIP = f.loadBalancerIP;
  if (f.sessionAffinity) {
    if (f.sessionAffinity !== 'None' && f.sessionAffinity !== 'ClientIP') throw new UsageError(`unknown session affinity: ${f.sessionAffinity}`);
    spec.sessionAffinity = f.sessionAffinity;
  }
}

const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

function parseMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UsageError(`unexpected label spec: ${part}`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

function selectorOf(obj: KObject): Record<string, string> {
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) throw new UsageError('couldn\'t retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed');
      return { ...obj.metadata.labels };
    case 'Service':
    case 'ReplicationController':
      if (!obj.spec?.selector) throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind === 'Service' ? 'service' : 'replication controller'} has no pod selector set`);
      return { ...obj.spec.selector };
    default: {
      const sel = obj.spec?.selector ?? {};
      if (sel.matchExpressions?.length) throw new UsageError(`couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has a label selector that cannot be turned into a map`);
      return { ...(sel.matchLabels ?? {}) };
    }
  }
}

// kubectl prints strconv's error as it is, with its "error: " prefix.
function withUsageError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Builds the Service for `obj`, throwing kubectl's errors when the selector or port cannot be found. */
export function buildExposedService(obj: KObject, o: ExposeOptions): KObject {
  if (!EXPOSABLE.includes(obj.kind)) {
    const group = obj.apiVersion.includes('/') ? `.${obj.apiVersion.split('/')[0]}` : '';
    throw new UsageError(`cannot expose a ${obj.kind}${group}`);
  }
  const selector = o.selector ? parseMap(o.selector) : selectorOf(obj);
  const headless = o.clusterIP === 'None';
  const specPorts = withUsageError(() => calculateExposedPorts(obj, { port: o.port, protocol: o.protocol, targetPort: o.targetPort }));
  if (specPorts.length === 0 && !headless) throw new UsageError("couldn't find port via --port flag or introspection");
  const labels = o.labels ? parseMap(o.labels) : obj.metadata.labels;
  const spec: any = specPorts.length > 0 ? { ports: specPorts, selector } : { selector };
  if (o.type) spec.type = o.type;
  if (o.clusterIP) spec.clusterIP = o.clusterIP;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: (o.name || obj.metadata.name).slice(0, 63), namespace: obj.metadata.namespace, ...(labels ? { labels: { ...labels } } : {}) },
    spec,
  };
}
