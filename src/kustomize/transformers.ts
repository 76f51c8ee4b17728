/**
 * The kustomization fields that rewrite every resource: namespace,
 * namePrefix and nameSuffix, labels and commonLabels, commonAnnotations,
 * images and replicas, on the field paths kustomize's defaults name.
 */
import { findKind } from '../api/registry.js';
import { renameResource, visitPath, type KResource } from './resource.js';

/** A field a transformer writes: a kind ('' for any), a path, and whether missing maps are created. */
type FieldSpec = [kind: string, path: string, create: boolean];

const TEMPLATE_KINDS = ['ReplicationController', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job'];

/** Pod template metadata of the workload kinds, below `metadata` of the object itself. */
function templateSpecs(field: 'labels' | 'annotations'): FieldSpec[] {
  return [
    ...TEMPLATE_KINDS.map((k): FieldSpec => [k, `spec/template/metadata/${field}`, true]),
    ['CronJob', `spec/jobTemplate/metadata/${field}`, true],
    ['CronJob', `spec/jobTemplate/spec/template/metadata/${field}`, true],
  ];
}

const AFFINITY_SELECTORS = [
  'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

/** The label selectors commonLabels (and labels with includeSelectors) also write. */
const SELECTOR_SPECS: FieldSpec[] = [
  ['Service', 'spec/selector', true],
  ['ReplicationController', 'spec/selector', true],
  ['Deployment', 'spec/selector/matchLabels', true],
  ['ReplicaSet', 'spec/selector/matchLabels', true],
  ['DaemonSet', 'spec/selector/matchLabels', true],
  ['StatefulSet', 'spec/selector/matchLabels', true],
  ...['Deployment', 'StatefulSet'].flatMap((k) => AFFINITY_SELECTORS.map((p): FieldSpec => [k, p, false])),
  ['Job', 'spec/selector/matchLabels', false],
  ['CronJob', 'spec/jobTemplate/spec/selector/matchLabels', false],
  ['PodDisruptionBudget', 'spec/selector/matchLabels', false],
  ['NetworkPolicy', 'spec/podSelector/matchLabels', false],
  ['NetworkPolicy', 'spec/ingress/from/podSelector/matchLabels', false],
  ['NetworkPolicy', 'spec/egress/to/podSelector/matchLabels', false],
];

/** Container lists that hold images: pods, pod templates and CronJob templates. */
const CONTAINER_LISTS = ['spec', 'spec/template/spec', 'spec/jobTemplate/spec/template/spec'].flatMap((p) => [`${p}/containers`, `${p}/initContainers`]);

const REPLICA_KINDS = new Set(['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet']);

/** Cluster-scoped kinds kubesim's registry may not know, which the namespace field leaves alone. */
const CLUSTER_SCOPED = new Set([
  'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass', 'PersistentVolume', 'PriorityClass',
  'APIService', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'IngressClass', 'RuntimeClass',
  'CSIDriver', 'CSINode', 'VolumeAttachment', 'Node', 'PodSecurityPolicy', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
]);

/** Kinds namePrefix and nameSuffix leave alone. */
const UNPREFIXED_KINDS = new Set(['CustomResourceDefinition', 'APIService', 'Namespace']);

/** Adds string pairs to the maps at the given field specs of every resource. */
function addPairs(resources: KResource[], pairs: Record<string, unknown>, specs: FieldSpec[]): void {
  // kubectl kustomize leaves objects unchanged for empty pairs, so it creates no empty labels or annotations map.
  if (Object.keys(pairs).length === 0) return;
  for (const r of resources) {
    for (const [kind, path, create] of specs) {
      if (kind && kind !== r.obj.kind) continue;
      visitPath(r.obj, path.split('/'), create, (parent, key) => {
        if (parent[key] === undefined || parent[key] === null) {
          if (!create) return;
          parent[key] = {};
        }
        if (typeof parent[key] !== 'object') return;
        for (const [k, v] of Object.entries(pairs)) parent[key][k] = v === null ? '' : String(v);
      });
    }
  }
}

/** Applies the `namespace` field: namespaced objects move, a Namespace object takes the name. */
export function applyNamespace(resources: KResource[], namespace: string): void {
  for (const r of resources) {
    if (r.obj.kind === 'Namespace') {
      renameResource(r, namespace);
      continue;
    }
    const info = findKind(r.obj.kind);
    if (CLUSTER_SCOPED.has(r.obj.kind) || (info && !info.namespaced)) continue;
    r.obj.metadata.namespace = namespace;
  }
}

/** Applies namePrefix and nameSuffix to every object but the kinds kustomize leaves alone. */
export function applyNameAffixes(resources: KResource[], prefix: string, suffix: string): void {
  for (const r of resources) {
    if (UNPREFIXED_KINDS.has(r.obj.kind)) continue;
    renameResource(r, `${prefix}${r.obj.metadata.name}${suffix}`);
  }
}

/** Applies commonLabels and each `labels` entry with its includeSelectors and includeTemplates. */
export function applyLabels(resources: KResource[], spec: Record<string, any>): void {
  const metadataOnly: FieldSpec[] = [['', 'metadata/labels', true]];
  const templates = [...metadataOnly, ...templateSpecs('labels')];
  for (const entry of spec.labels ?? []) {
    const pairs = entry?.pairs ?? {};
    if (entry.includeSelectors) addPairs(resources, pairs, [...templates, ...SELECTOR_SPECS]);
    else addPairs(resources, pairs, entry.includeTemplates ? templates : metadataOnly);
  }
  if (spec.commonLabels) addPairs(resources, spec.commonLabels, [...templates, ...SELECTOR_SPECS]);
}

/** Applies commonAnnotations to objects and pod templates. */
export function applyAnnotations(resources: KResource[], annotations: Record<string, unknown>): void {
  addPairs(resources, annotations, [['', 'metadata/annotations', true], ...templateSpecs('annotations')]);
}

/** Splits an image reference into its name and the `:tag`/`@digest` part (a registry port is part of the name). */
export function splitImage(image: string): [name: string, rest: string] {
  const at = image.indexOf('@');
  const beforeDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = beforeDigest.lastIndexOf(':');
  let cut = image.length;
  if (at >= 0) cut = at;
  if (colon > beforeDigest.lastIndexOf('/')) cut = colon;
  return [image.slice(0, cut), image.slice(cut)];
}

/** Applies `images`: an entry whose name equals a container image's name sets its newName, newTag or digest. */
export function applyImages(resources: KResource[], images: any[]): void {
  for (const r of resources) {
    for (const list of CONTAINER_LISTS) {
      visitPath(r.obj, list.split('/'), false, (parent, key) => {
        for (const c of Array.isArray(parent[key]) ? parent[key] : []) {
          if (typeof c?.image !== 'string') continue;
          const [name, rest] = splitImage(c.image);
          const entry = images.find((i) => i?.name === name);
          if (!entry) continue;
          let tail = rest;
          if (entry.newTag !== undefined) tail = `:${entry.newTag}`;
          if (entry.digest !== undefined) tail = `@${entry.digest}`;
          c.image = `${entry.newName ?? name}${tail}`;
        }
      });
    }
  }
}

/** Applies `replicas`: sets spec.replicas of the workloads with that name (current or earlier). */
export function applyReplicas(resources: KResource[], replicas: any[]): void {
  for (const entry of replicas) {
    for (const r of resources) {
      if (!REPLICA_KINDS.has(r.obj.kind) || !r.names.includes(entry?.name)) continue;
      r.obj.spec ??= {};
      r.obj.spec.replicas = entry.count;
    }
  }
}
