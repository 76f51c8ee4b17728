/**
 * The fields the API server can select objects by (`--field-selector`).
 * Every kind has metadata.name and metadata.namespace, and some add their
 * own: see the field label conversion functions (pkg/apis/core/v1
 * conversion.go and the apps, batch and certificates ones) and the Service
 * registry's selectable fields. Any other field is an error.
 * NOTE: Service spec.clusterIP and spec.type are taken from newer sources
 * than 1.32; the release that added them is not verified.
 */
import type { KObject } from './types.js';

const OBJECT_META = ['metadata.name', 'metadata.namespace'];

/** Selectable fields per resource, for kinds with more (or fewer) than OBJECT_META. */
const SELECTABLE: Record<string, readonly string[]> = {
  pods: [
    ...OBJECT_META,
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
    // Older clients' name for spec.nodeName.
    'spec.host',
  ],
  nodes: ['metadata.name', 'spec.unschedulable'],
  namespaces: ['metadata.name', 'status.phase'],
  secrets: [...OBJECT_META, 'type'],
  services: [...OBJECT_META, 'spec.clusterIP', 'spec.type'],
  replicationcontrollers: [...OBJECT_META, 'status.replicas'],
  replicasets: [...OBJECT_META, 'status.replicas'],
  statefulsets: [...OBJECT_META, 'status.successful'],
  jobs: [...OBJECT_META, 'status.successful'],
  certificatesigningrequests: [...OBJECT_META, 'spec.signerName'],
  events: [
    ...OBJECT_META,
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
};

/** Returns the server's error for a field the resource cannot be selected by, or undefined when it can. */
export function unsupportedFieldLabel(resource: string, field: string): string | undefined {
  const selectable = SELECTABLE[resource] ?? OBJECT_META;
  return selectable.includes(field) ? undefined : `field label not supported: ${field}`;
}

function pathValue(obj: unknown, path: string): unknown {
  let value: any = obj;
  for (const part of path.split('.')) value = value?.[part];
  return value;
}

/** Returns an object's value for a selectable field as the API server compares it (text; absent is ''). */
export function fieldValue(obj: KObject, field: string): string {
  let value: unknown;
  if (field === 'spec.host') value = obj.spec?.nodeName;
  else if (field === 'spec.unschedulable' || field === 'spec.hostNetwork') value = pathValue(obj, field) === true;
  else if (field === 'status.podIPs') value = obj.status?.podIPs?.[0]?.ip;
  else if (field === 'source' && obj.kind === 'Event') value = obj.source?.component ?? obj.reportingComponent;
  else value = pathValue(obj, field);
  return value === undefined || value === null ? '' : String(value);
}
