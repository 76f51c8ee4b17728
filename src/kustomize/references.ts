/**
 * The steps kustomize runs once, on the whole build: the content hash on
 * generated names, references that follow renamed objects, and the legacy
 * kind order of the output.
 */
import { calculateNameHash } from './generators.js';
import { groupOf, renameResource, versionOf, visitPath, type KResource } from './resource.js';

const POD_SPECS: [kind: string, prefix: string][] = [
  ['Pod', 'spec'],
  ...['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'ReplicationController'].map((k): [string, string] => [k, 'spec/template/spec']),
  ['PodTemplate', 'template/spec'],
  ['CronJob', 'spec/jobTemplate/spec/template/spec'],
];

/** Pod spec fields that hold the name of an object of another kind. */
const POD_REFERENCES: [referent: string, path: string][] = [
  ['ConfigMap', 'volumes/configMap/name'],
  ['ConfigMap', 'volumes/projected/sources/configMap/name'],
  ['Secret', 'volumes/secret/secretName'],
  ['Secret', 'volumes/projected/sources/secret/name'],
  ['Secret', 'imagePullSecrets/name'],
  ['PersistentVolumeClaim', 'volumes/persistentVolumeClaim/claimName'],
  ['ServiceAccount', 'serviceAccountName'],
  ...['containers', 'initContainers'].flatMap((c): [string, string][] => [
    ['ConfigMap', `${c}/env/valueFrom/configMapKeyRef/name`],
    ['ConfigMap', `${c}/envFrom/configMapRef/name`],
    ['Secret', `${c}/env/valueFrom/secretKeyRef/name`],
    ['Secret', `${c}/envFrom/secretRef/name`],
  ]),
];

/** Every referring field: referrer kind, path, referent kind. */
const REFERENCES: [referrer: string, path: string, referent: string][] = [
  ...POD_SPECS.flatMap(([kind, prefix]) => POD_REFERENCES.map(([referent, path]): [string, string, string] => [kind, `${prefix}/${path}`, referent])),
  ['Ingress', 'spec/tls/secretName', 'Secret'],
  ['Ingress', 'spec/rules/http/paths/backend/service/name', 'Service'],
  ['Ingress', 'spec/defaultBackend/service/name', 'Service'],
  ['StatefulSet', 'spec/serviceName', 'Service'],
  ...['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].map((k): [string, string, string] => ['HorizontalPodAutoscaler', 'spec/scaleTargetRef/name', k]),
];

/** Appends the content hash to the names of generated ConfigMaps and Secrets. */
export function addNameHashes(resources: KResource[]): void {
  for (const r of resources) {
    if (r.hashSuffix) renameResource(r, `${r.obj.metadata.name}-${calculateNameHash(r.obj)}`);
  }
}

/** Returns the current name of the object a reference means: one of that kind, same namespace, that once had the name. */
function resolveReference(resources: KResource[], kind: string, namespace: string, name: string): string | undefined {
  const candidates = resources.filter((r) => r.obj.kind === kind && r.names.includes(name));
  if (candidates.some((r) => r.obj.metadata.name === name)) return undefined;
  const sameNamespace = candidates.filter((r) => (r.obj.metadata.namespace ?? '') === namespace);
  return (sameNamespace[0] ?? candidates[0])?.obj.metadata.name;
}

/** Rewrites references to renamed objects (prefix, suffix, hash) to their final names. */
export function fixBackReferences(resources: KResource[]): void {
  for (const r of resources) {
    const namespace = r.obj.metadata.namespace ?? '';
    for (const [referrer, path, referent] of REFERENCES) {
      if (r.obj.kind !== referrer) continue;
      if (referrer === 'HorizontalPodAutoscaler' && r.obj.spec?.scaleTargetRef?.kind !== referent) continue;
      visitPath(r.obj, path.split('/'), false, (parent, key) => {
        if (typeof parent[key] !== 'string') return;
        const name = resolveReference(resources, referent, namespace, parent[key]);
        if (name !== undefined) parent[key] = name;
      });
    }
  }
}

/** Kinds kustomize puts first, in this order; every other kind follows, except the last ones. */
const ORDER_FIRST = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service',
  'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet',
  'CronJob', 'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

function kindRank(kind: string): number {
  const first = ORDER_FIRST.indexOf(kind);
  if (first >= 0) return first - ORDER_FIRST.length;
  const last = ORDER_LAST.indexOf(kind);
  return last >= 0 ? last + 1 : 0;
}

/** `group_version_kind` with kustomize's placeholders for empty parts, to order kinds of equal rank. */
function gvkKey(obj: Record<string, any>): string {
  return [groupOf(obj.apiVersion) || '~G', versionOf(obj.apiVersion) || '~V', obj.kind || '~K'].join('_');
}

/** Orders two objects as kustomize's legacy sort does: by kind rank, then group/version/kind, then namespace and name. */
function compareLegacy(a: KResource, b: KResource): number {
  const ka = gvkKey(a.obj);
  const kb = gvkKey(b.obj);
  if (ka !== kb) {
    const ra = kindRank(a.obj.kind);
    const rb = kindRank(b.obj.kind);
    if (ra !== rb) return ra - rb;
    const reverse = a.obj.kind === 'Namespace' && b.obj.kind === 'Namespace';
    return (ka < kb ? -1 : 1) * (reverse ? -1 : 1);
  }
  const ia = `${a.obj.metadata.namespace || '~X'}|${a.obj.metadata.name || '~N'}`;
  const ib = `${b.obj.metadata.namespace || '~X'}|${b.obj.metadata.name || '~N'}`;
  if (ia === ib) return 0;
  return ia < ib ? -1 : 1;
}

/** Sorts a build's output in kustomize's default (legacy) order. */
export function sortLegacy(resources: KResource[]): KResource[] {
  return [...resources].sort(compareLegacy);
}
