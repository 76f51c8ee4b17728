/**
 * The resource registry: every kind kubesim serves, with the names kubectl
 * accepts for it and the API versions that map onto it.
 */
import { ALL_VERBS as ALL, BUILTIN_RESOURCES } from './builtin-resources.js';

export interface ResourceInfo {
  /** Lower-case plural, the REST resource name (`replicasets`). */
  resource: string;
  singular: string;
  kind: string;
  /** API group, '' for the core group. */
  group: string;
  /** The storage version this kind is kept in. */
  version: string;
  shortNames: string[];
  namespaced: boolean;
  /** Verbs listed by `api-resources -o wide`. */
  verbs: string[];
  /**
   * Listed by discovery only: a second group serving the same objects
   * (events.k8s.io Events are core Events), so names resolve to the
   * primary entry rather than to this one.
   */
  discoveryOnly?: boolean;
}

/** An older apiVersion that tutorials still use, converted on the way in. */
export interface LegacyVersion {
  apiVersion: string;
  kind: string;
  deprecatedIn: string;
  removedIn: string;
  replacement: string;
}

function info(resource: string, kind: string, group: string, version: string, shortNames: string[], namespaced = true, verbs = ALL): ResourceInfo {
  const singular = kind.toLowerCase();
  return { resource, singular, kind, group, version, shortNames, namespaced, verbs };
}

export const RESOURCES: ResourceInfo[] = [
  info('bindings', 'Binding', '', 'v1', [], true, ['create']),
  info('configmaps', 'ConfigMap', '', 'v1', ['cm']),
  info('endpoints', 'Endpoints', '', 'v1', ['ep']),
  info('events', 'Event', '', 'v1', ['ev']),
  info('namespaces', 'Namespace', '', 'v1', ['ns'], false, ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  info('nodes', 'Node', '', 'v1', ['no'], false),
  info('persistentvolumeclaims', 'PersistentVolumeClaim', '', 'v1', ['pvc']),
  info('persistentvolumes', 'PersistentVolume', '', 'v1', ['pv'], false),
  info('pods', 'Pod', '', 'v1', ['po']),
  info('replicationcontrollers', 'ReplicationController', '', 'v1', ['rc']),
  info('secrets', 'Secret', '', 'v1', []),
  info('serviceaccounts', 'ServiceAccount', '', 'v1', ['sa']),
  info('services', 'Service', '', 'v1', ['svc'], true, ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']),
  info('controllerrevisions', 'ControllerRevision', 'apps', 'v1', []),
  info('daemonsets', 'DaemonSet', 'apps', 'v1', ['ds']),
  info('deployments', 'Deployment', 'apps', 'v1', ['deploy']),
  info('replicasets', 'ReplicaSet', 'apps', 'v1', ['rs']),
  info('statefulsets', 'StatefulSet', 'apps', 'v1', ['sts']),
  info('horizontalpodautoscalers', 'HorizontalPodAutoscaler', 'autoscaling', 'v2', ['hpa']),
  info('cronjobs', 'CronJob', 'batch', 'v1', ['cj']),
  info('jobs', 'Job', 'batch', 'v1', []),
  info('endpointslices', 'EndpointSlice', 'discovery.k8s.io', 'v1', []),
  info('storageclasses', 'StorageClass', 'storage.k8s.io', 'v1', ['sc'], false),
  ...BUILTIN_RESOURCES,
];

/** Versions removed from Kubernetes that old manifests still carry (Kubernetes' deprecation table). */
export const LEGACY_VERSIONS: LegacyVersion[] = [
  { apiVersion: 'extensions/v1beta1', kind: 'Deployment', deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kind: 'ReplicaSet', deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'extensions/v1beta1', kind: 'DaemonSet', deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kind: 'Deployment', deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta1', kind: 'StatefulSet', deprecatedIn: '1.8', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'Deployment', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'ReplicaSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'DaemonSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', kind: 'StatefulSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1' },
  { apiVersion: 'batch/v1beta1', kind: 'CronJob', deprecatedIn: '1.21', removedIn: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'batch/v2alpha1', kind: 'CronJob', deprecatedIn: '1.8', removedIn: '1.21', replacement: 'batch/v1' },
  { apiVersion: 'autoscaling/v2beta1', kind: 'HorizontalPodAutoscaler', deprecatedIn: '1.22', removedIn: '1.25', replacement: 'autoscaling/v2' },
  { apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler', deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2' },
  { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', deprecatedIn: '', removedIn: '', replacement: 'autoscaling/v2' },
];

const byName = new Map<string, ResourceInfo>();
const byKind = new Map<string, ResourceInfo>();
for (const r of RESOURCES) {
  if (r.discoveryOnly) continue;
  byKind.set(r.kind, r);
  for (const n of [r.resource, r.singular, ...r.shortNames, `${r.resource}.${r.group}`, `${r.singular}.${r.group}`]) byName.set(n, r);
}
// `events.events.k8s.io` names the core Events the second group also serves.
for (const r of RESOURCES) {
  const primary = r.discoveryOnly ? byKind.get(r.kind) : undefined;
  if (primary) for (const n of [`${r.resource}.${r.group}`, `${r.singular}.${r.group}`]) byName.set(n, primary);
}

/** Parses a "major.minor" version into a comparable number (1.15 → 115, 1.32 → 132). */
export function versionNumber(v: string): number {
  const m = /^v?(\d+)\.(\d+)/.exec(v);
  if (!m) return 132;
  return Number(m[1]) * 100 + Number(m[2]);
}

/** Looks up a resource by any name kubectl accepts: plural, singular, short name, or `name.group`. */
export function findResource(name: string): ResourceInfo | undefined {
  const key = name.toLowerCase();
  const direct = byName.get(key);
  if (direct) return direct;
  // `deployments.extensions`, `rs.extensions`, `deploy.v1.apps`: the group suffix chooses a legacy group.
  const dot = key.indexOf('.');
  if (dot > 0) {
    const base = byName.get(key.slice(0, dot));
    const group = key.slice(dot + 1).replace(/^v\d\w*\./, '');
    if (base && (group === base.group || (group === 'extensions' && isExtensionsKind(base.kind)))) return base;
  }
  return undefined;
}

export function findKind(kind: string): ResourceInfo | undefined {
  return byKind.get(kind);
}

export function isExtensionsKind(kind: string): boolean {
  return kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'DaemonSet';
}

/**
 * The group kubectl names a kind by in output (`deployment.extensions/x`).
 * Before 1.16 kubectl's discovery preferred the extensions group for
 * Deployments, ReplicaSets and DaemonSets, whatever version created them.
 */
export function outputGroup(r: ResourceInfo, clusterVersion: number, requestedGroup?: string): string {
  if (requestedGroup !== undefined) return requestedGroup;
  if (clusterVersion < 116 && isExtensionsKind(r.kind)) return 'extensions';
  return r.group;
}

/** `deployment.apps`, `pod`: the kind-and-group string used by kubectl's name printer. */
export function kindString(r: ResourceInfo, group: string = r.group): string {
  return group ? `${r.singular}.${group}` : r.singular;
}

/** `deployments.apps`, `pods`: the resource-and-group string used in API error messages. */
export function resourceString(r: ResourceInfo, group: string = r.group): string {
  return group ? `${r.resource}.${group}` : r.resource;
}

export function apiVersionOf(r: ResourceInfo): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

export function findLegacy(apiVersion: string, kind: string): LegacyVersion | undefined {
  return LEGACY_VERSIONS.find((l) => l.apiVersion === apiVersion && l.kind === kind);
}

/** Whether a cluster of the given version serves `apiVersion` for `kind` natively. */
export function isServed(apiVersion: string, kind: string, clusterVersion: number): boolean {
  const r = byKind.get(kind);
  if (!r) return false;
  if (apiVersion === apiVersionOf(r)) return true;
  if (kind === 'HorizontalPodAutoscaler' && apiVersion === 'autoscaling/v1') return true;
  if (kind === 'CronJob' && apiVersion === 'batch/v1') return clusterVersion >= 121;
  const legacy = findLegacy(apiVersion, kind);
  return !!legacy && legacy.removedIn !== '' && clusterVersion < versionNumber(legacy.removedIn);
}
