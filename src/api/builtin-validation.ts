/**
 * The API server's validation for the stored-only built-in kinds, limited to
 * the mistakes a learner copying a tutorial manifest is likely to make
 * (pkg/apis/networking/validation, rbac/validation, scheduling/validation).
 */
import { parseIPSloppy } from './ip-address.js';
import type { KObject } from './types.js';
import { invalidValue, required, unsupportedValue, type FieldCause } from './errors.js';
import { dns1035LabelErrors, dns1123SubdomainErrors, portNameErrors, portNumberErrors, qualifiedNameErrors } from './name-validation.js';
import { parseQuantity } from './quantity.js';
import { goQuote, printsGoSyntax } from './go-syntax.js';
import { isExtendedResourceName } from './resource-names.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Kinds named by ValidateRBACName (a path segment, so `system:controller:x` is fine) rather than a DNS subdomain. */
export const PATH_SEGMENT_NAMED = new Set(['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings']);

/** IsValidPathSegmentName's messages. */
export function pathSegmentNameErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const errors: string[] = [];
  for (const illegal of ['/', '%']) if (name.includes(illegal)) errors.push(`may not contain '${illegal}'`);
  return errors;
}

/** Exact and Prefix paths may not contain these (invalidPathSequences). */
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateIngressBackend(backend: any, field: string): FieldCause[] {
  const service = backend?.service;
  const resource = backend?.resource;
  if (service && resource) return [invalidValue(field, '', 'cannot set both resource and service backends')];
  if (resource) return resource.name ? [] : [required(`${field}.resource.name`)];
  if (!service) return [invalidValue(field, '', 'resource or service backend is required')];
  const causes: FieldCause[] = [];
  if (!service.name) causes.push(required(`${field}.service.name`));
  else for (const m of dns1035LabelErrors(String(service.name))) causes.push(invalidValue(`${field}.service.name`, service.name, m));
  const portName = service.port?.name ?? '';
  const portNumber = service.port?.number ?? 0;
  if (portName && portNumber) causes.push(invalidValue(field, '', 'cannot set both port name & port number'));
  else if (portName) for (const m of portNameErrors(String(portName))) causes.push(invalidValue(`${field}.service.port.name`, portName, m));
  else if (portNumber) for (const m of portNumberErrors(Number(portNumber))) causes.push(invalidValue(`${field}.service.port.number`, portNumber, m));
  else causes.push(required(field, 'port name or number is required'));
  return causes;
}

function validateIngressPath(path: any, field: string): FieldCause[] {
  const type = path?.pathType;
  if (type === undefined || type === null) return [required(`${field}.pathType`, 'pathType must be specified')];
  const causes: FieldCause[] = [];
  const text: string = typeof path.path === 'string' ? path.path : '';
  if (type === 'Exact' || type === 'Prefix') {
    if (!text.startsWith('/')) causes.push(invalidValue(`${field}.path`, text, 'must be an absolute path'));
    for (const seq of INVALID_PATH_SEQUENCES) if (text.includes(seq)) causes.push(invalidValue(`${field}.path`, text, `must not contain '${seq}'`));
    for (const suffix of INVALID_PATH_SUFFIXES) if (text.endsWith(suffix)) causes.push(invalidValue(`${field}.path`, text, `cannot end with '${suffix}'`));
  } else if (type === 'ImplementationSpecific') {
    if (text && !text.startsWith('/')) causes.push(invalidValue(`${field}.path`, text, 'must be an absolute path'));
  } else {
    causes.push(unsupportedValue(`${field}.pathType`, type, PATH_TYPES));
  }
  causes.push(...validateIngressBackend(path.backend, `${field}.backend`));
  return causes;
}

const WILDCARD_MESSAGE =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** Checks a rule's host: not an IP address, and a DNS subdomain or a `*.` wildcard over one. */
function validateIngressHost(host: string, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  if (parseIPSloppy(host)) causes.push(invalidValue(field, host, 'must be a DNS name, not an IP address'));
  if (host.includes('*')) {
    const ok = host.startsWith('*.') && dns1123SubdomainErrors(host.slice(2)).length === 0 && host.length <= 253;
    if (!ok) causes.push(invalidValue(field, host, WILDCARD_MESSAGE));
  } else {
    for (const m of dns1123SubdomainErrors(host)) causes.push(invalidValue(field, host, m));
  }
  return causes;
}

/** ValidateIngressCreate's checks of spec.rules and spec.defaultBackend. */
function validateIngress(obj: KObject): FieldCause[] {
  const spec = obj.spec ?? {};
  const rules: any[] = Array.isArray(spec.rules) ? spec.rules : [];
  if (rules.length === 0 && !spec.defaultBackend) {
    return [{ field: 'spec', type: 'Invalid value', hasValue: true, valueText: '[]networking.IngressRule(nil)', detail: 'either `defaultBackend` or `rules` must be specified' }];
  }
  const causes: FieldCause[] = [];
  if (spec.defaultBackend) causes.push(...validateIngressBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const field = `spec.rules[${i}]`;
    if (rule?.host) causes.push(...validateIngressHost(String(rule.host), `${field}.host`));
    if (!rule?.http) return;
    const paths: any[] = Array.isArray(rule.http.paths) ? rule.http.paths : [];
    if (paths.length === 0) causes.push(required(`${field}.http.paths`));
    paths.forEach((p, j) => causes.push(...validateIngressPath(p, `${field}.http.paths[${j}]`)));
  });
  if (typeof spec.ingressClassName === 'string') {
    for (const m of dns1123SubdomainErrors(spec.ingressClassName)) causes.push(invalidValue('spec.ingressClassName', spec.ingressClassName, m));
  }
  return causes;
}

/** ValidatePolicyRule for each rule of a Role or ClusterRole. */
function validateRules(obj: KObject, namespaced: boolean): FieldCause[] {
  const causes: FieldCause[] = [];
  (Array.isArray(obj.rules) ? obj.rules : []).forEach((rule: any, i: number) => {
    const field = `rules[${i}]`;
    const has = (k: string) => Array.isArray(rule?.[k]) && rule[k].length > 0;
    if (!has('verbs')) causes.push(required(`${field}.verbs`, 'verbs must contain at least one value'));
    if (has('nonResourceURLs')) {
      if (namespaced) causes.push({ ...invalidValue(`${field}.nonResourceURLs`, rule.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'), valueText: goStrings(rule.nonResourceURLs) });
      if (has('apiGroups') || has('resources') || has('resourceNames')) {
        causes.push({ ...invalidValue(`${field}.nonResourceURLs`, rule.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'), valueText: goStrings(rule.nonResourceURLs) });
      }
      return;
    }
    if (!has('apiGroups')) causes.push(required(`${field}.apiGroups`, 'resource rules must supply at least one api group'));
    if (!has('resources')) causes.push(required(`${field}.resources`, 'resource rules must supply at least one resource'));
  });
  return causes;
}

/** Formats a []string as Go's %#v prints it. */
function goStrings(values: unknown[]): string {
  return `[]string{${values.map((v) => JSON.stringify(String(v))).join(', ')}}`;
}

/** ValidateRoleBinding and ValidateClusterRoleBinding: the roleRef, then each subject. */
function validateBinding(obj: KObject, namespaced: boolean): FieldCause[] {
  const causes: FieldCause[] = [];
  const ref = obj.roleRef ?? {};
  if (ref.apiGroup !== RBAC_GROUP) causes.push(unsupportedValue('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) causes.push(unsupportedValue('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) causes.push(required('roleRef.name'));
  else for (const m of pathSegmentNameErrors(String(ref.name))) causes.push(invalidValue('roleRef.name', ref.name, m));
  (Array.isArray(obj.subjects) ? obj.subjects : []).forEach((s: any, i: number) => {
    const field = `subjects[${i}]`;
    if (!s?.name) causes.push(required(`${field}.name`));
    switch (s?.kind) {
      case 'ServiceAccount':
        if (s.name) for (const m of dns1123SubdomainErrors(String(s.name))) causes.push(invalidValue(`${field}.name`, s.name, m));
        if (s.apiGroup) causes.push(unsupportedValue(`${field}.apiGroup`, s.apiGroup, ['']));
        if (!namespaced && !s.namespace) causes.push(required(`${field}.namespace`));
        break;
      case 'User':
      case 'Group':
        if (s.apiGroup !== RBAC_GROUP) causes.push(unsupportedValue(`${field}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
        break;
      default:
        causes.push(unsupportedValue(`${field}.kind`, s?.kind ?? '', ['ServiceAccount', 'User', 'Group']));
    }
  });
  return causes;
}

/** The highest value a PriorityClass outside the `system-` names may have (HighestUserDefinablePriority). */
const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;

/** The system classes and their values (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

function validatePriorityClass(obj: KObject): FieldCause[] {
  const causes: FieldCause[] = [];
  const name = obj.metadata?.name ?? '';
  const value = typeof obj.value === 'number' ? obj.value : 0;
  if (name.startsWith('system-')) {
    const known = SYSTEM_PRIORITY_CLASSES[name];
    let error = '';
    if (known === undefined) error = `${name} is not a known system priority class`;
    else if (known !== value) error = `value of ${name} PriorityClass must be ${known}`;
    else if (obj.globalDefault) error = `globalDefault of ${name} PriorityClass must be false`;
    if (error) causes.push({ field: 'metadata.name', type: 'Forbidden', detail: `priority class names with 'system-' prefix are reserved for system use only. error: ${error}` });
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    causes.push({ field: 'value', type: 'Forbidden', detail: `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}` });
  }
  if (obj.preemptionPolicy !== 'PreemptLowerPriority' && obj.preemptionPolicy !== 'Never') {
    causes.push(unsupportedValue('preemptionPolicy', obj.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
  }
  return causes;
}

function validateNetworkPolicy(obj: KObject): FieldCause[] {
  const causes: FieldCause[] = [];
  (obj.spec?.policyTypes ?? []).forEach((t: unknown, i: number) => {
    if (t !== 'Ingress' && t !== 'Egress') causes.push(unsupportedValue(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
  return causes;
}

/** Resource names a quota may limit without a prefix (standardQuotaResources in pkg/apis/core/helper). */
const STANDARD_QUOTA_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
]);

/** Resource names counted in whole objects (integerResources in pkg/apis/core/helper). */
const INTEGER_QUOTA_RESOURCES = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);

/** The pod resources that the Terminating, NotTerminating, NotBestEffort, PriorityClass and CrossNamespacePodAffinity scopes can limit. */
const POD_QUOTA_RESOURCES = new Set(['pods', 'cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);

const QUOTA_SCOPES = new Set(['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity']);

/** Reports whether a name is a quota hugepages resource (IsQuotaHugePageResourceName). */
function isQuotaHugePages(name: string): boolean {
  return name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
}

/** Reports whether `scope` can limit `resource` (IsResourceQuotaScopeValidForResource). */
function scopeLimits(scope: string, resource: string): boolean {
  if (scope === 'BestEffort') return resource === 'pods';
  if (QUOTA_SCOPES.has(scope)) return POD_QUOTA_RESOURCES.has(resource);
  return true;
}

/**
 * Checks spec.hard and spec.scopes as ValidateResourceQuotaSpec does: known
 * resource names, non-negative amounts, whole numbers for object counts,
 * scopes that exist and can limit every listed resource, and no opposite
 * scopes together.
 */
function validateResourceQuota(obj: KObject, clusterVersion: number): FieldCause[] {
  const causes: FieldCause[] = [];
  const hard: Record<string, unknown> = obj.spec?.hard ?? {};
  const names = Object.keys(hard).sort();
  for (const name of names) {
    const field = `spec.hard[${name}]`;
    const qualified = qualifiedNameErrors(name);
    for (const message of qualified) causes.push(invalidValue(field, name, message));
    if (qualified.length === 0 && !name.includes('/') && !STANDARD_QUOTA_RESOURCES.has(name) && !isQuotaHugePages(name)) {
      causes.push(invalidValue(field, name, 'must be a standard resource type or fully qualified'));
      causes.push(invalidValue(field, name, 'must be a standard resource for quota'));
    }
    const amount = parseQuantity(hard[name]);
    if (amount < 0) causes.push(invalidValue(field, String(hard[name]), 'must be greater than or equal to 0'));
    // An extended resource (`count/deployments.apps`, `example.com/gpu`) is counted in whole units too (IsIntegerResourceName).
    const counted = INTEGER_QUOTA_RESOURCES.has(name) || isExtendedResourceName(name);
    // NOTE: Kubernetes passes the resource.Quantity itself to this error, whose printed form is not verified; kubesim quotes the amount.
    if (counted && Number.isFinite(amount) && Math.round(amount * 1000) % 1000 !== 0) causes.push(invalidValue(field, String(hard[name]), 'must be an integer'));
  }
  const scopes: unknown[] = obj.spec?.scopes ?? [];
  if (scopes.length === 0) return causes;
  const scopesCause = (detail: string): FieldCause => {
    const cause = invalidValue('spec.scopes', scopes, detail);
    // The value is a []core.ResourceQuotaScope, which 1.32 prints with %#v.
    if (printsGoSyntax(clusterVersion)) cause.valueText = `[]core.ResourceQuotaScope{${scopes.map((s) => goQuote(String(s))).join(', ')}}`;
    return cause;
  };
  // The API server reports each of these once, however many scopes or resources repeat it.
  const details = new Set<string>();
  for (const scope of scopes.map(String)) {
    if (!QUOTA_SCOPES.has(scope)) details.add('unsupported scope');
    for (const name of names) if (STANDARD_QUOTA_RESOURCES.has(name) && !scopeLimits(scope, name)) details.add('unsupported scope applied to resource');
  }
  const scopeNames = new Set(scopes.map(String));
  const both = (a: string, b: string) => scopeNames.has(a) && scopeNames.has(b);
  if (both('BestEffort', 'NotBestEffort') || both('Terminating', 'NotTerminating')) details.add('conflicting scopes');
  for (const detail of details) causes.push(scopesCause(detail));
  return causes;
}

/** Returns the validation causes of a stored-only built-in kind; empty for other resources. */
export function validateBuiltin(resource: string, obj: KObject, clusterVersion = 132): FieldCause[] {
  switch (resource) {
    case 'ingresses':
      return validateIngress(obj);
    case 'networkpolicies':
      return validateNetworkPolicy(obj);
    case 'roles':
      return validateRules(obj, true);
    case 'clusterroles':
      return validateRules(obj, false);
    case 'rolebindings':
      return validateBinding(obj, true);
    case 'clusterrolebindings':
      return validateBinding(obj, false);
    case 'priorityclasses':
      return validatePriorityClass(obj);
    case 'resourcequotas':
      return validateResourceQuota(obj, clusterVersion);
  }
  return [];
}
