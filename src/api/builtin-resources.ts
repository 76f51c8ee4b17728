/**
 * The built-in resources a kubeadm 1.32 API server serves (no add-ons) that
 * kubesim keeps as stored objects with no controller behind them: RBAC,
 * networking, policy, scheduling, storage, admission and the review APIs.
 * Each row is the one `kubectl api-resources` prints for it: plural, short
 * names, group and version, scope, kind and verbs.
 *
 * Only GA versions are listed: beta and alpha APIs are off by default in
 * 1.32 (ServiceCIDR, IPAddress, VolumeAttributesClass, resource.k8s.io).
 */
import type { ResourceInfo } from './registry.js';

/** The verbs of an ordinary stored resource. */
export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Verbs of the review APIs: a POST that returns a result and stores nothing. */
const CREATE_ONLY = ['create'];

function builtin(resource: string, kind: string, group: string, shortNames: string[], namespaced: boolean, verbs = ALL_VERBS): ResourceInfo {
  return { resource, singular: kind.toLowerCase(), kind, group, version: 'v1', shortNames, namespaced, verbs };
}

/** Resources served with no controller; appended to the registry. */
export const BUILTIN_RESOURCES: ResourceInfo[] = [
  builtin('componentstatuses', 'ComponentStatus', '', ['cs'], false, ['get', 'list']),
  builtin('limitranges', 'LimitRange', '', ['limits'], true),
  builtin('podtemplates', 'PodTemplate', '', [], true),
  builtin('resourcequotas', 'ResourceQuota', '', ['quota'], true),
  builtin('mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', 'admissionregistration.k8s.io', [], false),
  builtin('validatingadmissionpolicies', 'ValidatingAdmissionPolicy', 'admissionregistration.k8s.io', [], false),
  builtin('validatingadmissionpolicybindings', 'ValidatingAdmissionPolicyBinding', 'admissionregistration.k8s.io', [], false),
  builtin('validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', 'admissionregistration.k8s.io', [], false),
  builtin('customresourcedefinitions', 'CustomResourceDefinition', 'apiextensions.k8s.io', ['crd', 'crds'], false),
  builtin('apiservices', 'APIService', 'apiregistration.k8s.io', [], false),
  builtin('selfsubjectreviews', 'SelfSubjectReview', 'authentication.k8s.io', [], false, CREATE_ONLY),
  builtin('tokenreviews', 'TokenReview', 'authentication.k8s.io', [], false, CREATE_ONLY),
  builtin('localsubjectaccessreviews', 'LocalSubjectAccessReview', 'authorization.k8s.io', [], true, CREATE_ONLY),
  builtin('selfsubjectaccessreviews', 'SelfSubjectAccessReview', 'authorization.k8s.io', [], false, CREATE_ONLY),
  builtin('selfsubjectrulesreviews', 'SelfSubjectRulesReview', 'authorization.k8s.io', [], false, CREATE_ONLY),
  builtin('subjectaccessreviews', 'SubjectAccessReview', 'authorization.k8s.io', [], false, CREATE_ONLY),
  builtin('certificatesigningrequests', 'CertificateSigningRequest', 'certificates.k8s.io', ['csr'], false),
  builtin('leases', 'Lease', 'coordination.k8s.io', [], true),
  { ...builtin('events', 'Event', 'events.k8s.io', ['ev'], true), discoveryOnly: true },
  builtin('flowschemas', 'FlowSchema', 'flowcontrol.apiserver.k8s.io', [], false),
  builtin('prioritylevelconfigurations', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io', [], false),
  builtin('ingressclasses', 'IngressClass', 'networking.k8s.io', [], false),
  builtin('ingresses', 'Ingress', 'networking.k8s.io', ['ing'], true),
  builtin('networkpolicies', 'NetworkPolicy', 'networking.k8s.io', ['netpol'], true),
  builtin('runtimeclasses', 'RuntimeClass', 'node.k8s.io', [], false),
  builtin('poddisruptionbudgets', 'PodDisruptionBudget', 'policy', ['pdb'], true),
  builtin('clusterrolebindings', 'ClusterRoleBinding', 'rbac.authorization.k8s.io', [], false),
  builtin('clusterroles', 'ClusterRole', 'rbac.authorization.k8s.io', [], false),
  builtin('rolebindings', 'RoleBinding', 'rbac.authorization.k8s.io', [], true),
  builtin('roles', 'Role', 'rbac.authorization.k8s.io', [], true),
  builtin('priorityclasses', 'PriorityClass', 'scheduling.k8s.io', ['pc'], false),
  builtin('csidrivers', 'CSIDriver', 'storage.k8s.io', [], false),
  builtin('csinodes', 'CSINode', 'storage.k8s.io', [], false),
  builtin('csistoragecapacities', 'CSIStorageCapacity', 'storage.k8s.io', [], true),
  builtin('volumeattachments', 'VolumeAttachment', 'storage.k8s.io', [], false),
];

/** The category the API server gives the extension-point resources (`kubectl get api-extensions`). */
export const API_EXTENSIONS_CATEGORY = 'api-extensions';

/** Resources in the api-extensions category. */
export const API_EXTENSIONS_RESOURCES = [
  'mutatingwebhookconfigurations',
  'validatingadmissionpolicies',
  'validatingadmissionpolicybindings',
  'validatingwebhookconfigurations',
  'customresourcedefinitions',
  'apiservices',
];

/** Stored-only kinds whose content is not under `spec`, so admission compares every top-level field on update. */
export const SPECLESS_BUILTINS = ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings', 'priorityclasses', 'mutatingwebhookconfigurations', 'validatingwebhookconfigurations'];

/** Reports whether a resource is create-only: the API returns a result for a create and stores nothing. */
export function isCreateOnly(r: ResourceInfo): boolean {
  return r.verbs.length === 1 && r.verbs[0] === 'create';
}
