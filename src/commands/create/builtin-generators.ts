/**
 * Object builders for `kubectl create serviceaccount|role|clusterrole|
 * rolebinding|clusterrolebinding|ingress|poddisruptionbudget|quota|
 * priorityclass`. Each returns the object kubectl v1.32 prints with
 * `--dry-run=client`, with keys in Go struct field order so `-o json`
 * matches too. Flag checks throw kubectl's messages as plain Errors.
 */
import type { KObject } from '../../api/types.js';
import { parseSelector } from '../../api/selectors.js';
import { parseIntOrString } from '../../printers/generator-helpers.js';
import { canonicalQuantity } from '../set/canonical-quantity.js';
import { compareText } from '../../store/pending-writes.js';

const RBAC = 'rbac.authorization.k8s.io';

/** ObjectMeta in Go field order, with annotations after creationTimestamp. */
function objectMeta(name: string, namespace?: string, annotations?: Record<string, string>): KObject['metadata'] {
  const m: KObject['metadata'] = { name };
  if (namespace) m.namespace = namespace;
  m.creationTimestamp = null as unknown as string;
  if (annotations && Object.keys(annotations).length > 0) m.annotations = annotations;
  return m;
}

/** Builds the ServiceAccount of `kubectl create serviceaccount`. */
export function generateServiceAccount(name: string, namespace?: string): KObject {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: objectMeta(name, namespace) };
}

/** Builds a PolicyRule in Go field order, without its empty lists. */
export function policyRule(verbs: string[], apiGroups?: string[], resources?: string[], resourceNames?: string[], nonResourceURLs?: string[]): Record<string, string[]> {
  const rule: Record<string, string[]> = { verbs };
  if (apiGroups?.length) rule.apiGroups = apiGroups;
  if (resources?.length) rule.resources = resources;
  if (resourceNames?.length) rule.resourceNames = resourceNames;
  if (nonResourceURLs?.length) rule.nonResourceURLs = nonResourceURLs;
  return rule;
}

/** Builds a Role or ClusterRole from rules already grouped. */
export function generateRole(kind: 'Role' | 'ClusterRole', name: string, rules: unknown[] | null, namespace?: string, aggregationLabels?: Record<string, string>): KObject {
  const obj: KObject = { kind, apiVersion: `${RBAC}/v1`, metadata: objectMeta(name, namespace), rules };
  if (aggregationLabels) obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: aggregationLabels }] };
  return obj;
}

/** Flags of `kubectl create rolebinding` and `clusterrolebinding`. */
export interface BindingFlags {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name: string;
  roleKind: 'Role' | 'ClusterRole';
  roleName: string;
  users: string[];
  groups: string[];
  /** `namespace:name` values. */
  serviceAccounts: string[];
  namespace?: string;
}

/** Builds the binding: users, then groups, then service accounts, as kubectl appends them. */
export function generateBinding(f: BindingFlags): KObject {
  for (const sa of f.serviceAccounts) {
    const parts = sa.split(':');
    if (parts.length !== 2 || parts[0] === '' || parts[1] === '') throw new Error('serviceaccount must be <namespace>:<name>');
  }
  const subjects = [
    ...f.users.map((name) => ({ kind: 'User', apiGroup: RBAC, name })),
    ...f.groups.map((name) => ({ kind: 'Group', apiGroup: RBAC, name })),
    ...f.serviceAccounts.map((sa) => ({ kind: 'ServiceAccount', name: sa.split(':')[1], namespace: sa.split(':')[0] })),
  ];
  const obj: KObject = { kind: f.kind, apiVersion: `${RBAC}/v1`, metadata: objectMeta(f.name, f.namespace) };
  if (subjects.length) obj.subjects = subjects;
  obj.roleRef = { apiGroup: RBAC, kind: f.roleKind, name: f.roleName };
  return obj;
}

/** Builds the PriorityClass of `kubectl create priorityclass`. */
export function generatePriorityClass(name: string, value: number, globalDefault: boolean, description: string, preemptionPolicy: string): KObject {
  const obj: KObject = { kind: 'PriorityClass', apiVersion: 'scheduling.k8s.io/v1', metadata: objectMeta(name), value };
  if (globalDefault) obj.globalDefault = true;
  if (description) obj.description = description;
  obj.preemptionPolicy = preemptionPolicy;
  return obj;
}

/** Formats a quantity as kubectl's ParseQuantity keeps it: canonical, except integers written with a sign or leading zero. */
function quotaQuantity(text: string): string {
  if (/^(\+\d+|0\d+)$/.test(text)) return text;
  return canonicalQuantity(text);
}

/** Builds the ResourceQuota of `kubectl create quota` from `--hard` and `--scopes`. */
export function generateQuota(name: string, hardText: string, scopesText: string, namespace?: string): KObject {
  const spec: Record<string, unknown> = {};
  if (hardText) {
    const hard: Record<string, string> = {};
    for (const statement of hardText.split(',')) {
      const parts = statement.split('=');
      if (parts.length !== 2) throw new Error(`Invalid argument syntax ${statement}, expected <resource>=<value>`);
      hard[parts[0]] = quotaQuantity(parts[1]);
    }
    spec.hard = Object.fromEntries(Object.keys(hard).sort().map((k) => [k, hard[k]]));
  }
  if (scopesText) {
    const scopes = scopesText.split(',');
    if (scopes.includes('')) throw new Error('invalid resource quota scope ""');
    spec.scopes = scopes;
  }
  return { kind: 'ResourceQuota', apiVersion: 'v1', metadata: objectMeta(name, namespace), spec, status: {} };
}

/**
 * metav1.ParseToLabelSelector: labels.Parse sorts the requirements by key and
 * their values; equality requirements become matchLabels, set-based ones
 * matchExpressions, and `!=` is refused.
 */
export function parseToLabelSelector(text: string): Record<string, unknown> {
  let requirements;
  try {
    requirements = parseSelector(text);
  } catch (err) {
    throw new Error(`couldn't parse the selector string "${text}": ${(err as Error).message}`);
  }
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Record<string, unknown>[] = [];
  const operator = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' } as const;
  const sorted = [...requirements].sort((a, b) => compareText(a.key, b.key));
  for (const r of sorted) {
    if (r.op === '=') matchLabels[r.key] = r.values[0];
    else if (r.op === '!=') throw new Error('"!=" is not a valid label selector operator');
    else if (r.values.length) matchExpressions.push({ key: r.key, operator: operator[r.op], values: [...new Set(r.values)].sort() });
    else matchExpressions.push({ key: r.key, operator: operator[r.op] });
  }
  const selector: Record<string, unknown> = {};
  if (Object.keys(matchLabels).length) selector.matchLabels = matchLabels;
  if (matchExpressions.length) selector.matchExpressions = matchExpressions;
  return selector;
}


/** Builds the PodDisruptionBudget of `kubectl create poddisruptionbudget`. */
export function generatePodDisruptionBudget(name: string, selectorText: string, minAvailable: string, maxUnavailable: string, namespace?: string): KObject {
  if (!selectorText) throw new Error('a selector must be specified');
  if (!minAvailable && !maxUnavailable) throw new Error('one of min-available or max-unavailable must be specified');
  if (minAvailable && maxUnavailable) throw new Error('min-available and max-unavailable cannot be both specified');
  if (minAvailable && !/^[0-9]+%?$/.test(minAvailable)) throw new Error('invalid format specified for min-available');
  if (maxUnavailable && !/^[0-9]+%?$/.test(maxUnavailable)) throw new Error('invalid format specified for max-unavailable');
  const spec: Record<string, unknown> = {};
  if (minAvailable) spec.minAvailable = parseIntOrString(minAvailable);
  spec.selector = parseToLabelSelector(selectorText);
  if (maxUnavailable) spec.maxUnavailable = parseIntOrString(maxUnavailable);
  return {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: objectMeta(name, namespace),
    spec,
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  };
}
