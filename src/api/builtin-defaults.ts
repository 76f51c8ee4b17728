/**
 * The API server's defaulting for the stored-only built-in kinds
 * (pkg/apis/<group>/v1/defaults.go), and the zero-valued status structs
 * their Go types always carry (an Ingress is returned with
 * `status: {loadBalancer: {}}` before any controller touches it).
 */
import type { KObject } from './types.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** SetDefaults_Subject: User and Group subjects get the RBAC group, ServiceAccounts the core one. */
function defaultSubjects(obj: KObject): void {
  for (const s of Array.isArray(obj.subjects) ? obj.subjects : []) {
    if (s && typeof s === 'object' && !s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
  }
}

/** SetDefaults_RoleBinding and SetDefaults_ClusterRoleBinding: an empty roleRef.apiGroup is the RBAC group. */
function defaultBinding(obj: KObject): void {
  if (obj.roleRef && typeof obj.roleRef === 'object' && !obj.roleRef.apiGroup) obj.roleRef.apiGroup = RBAC_GROUP;
  defaultSubjects(obj);
}

/** SetDefaults_NetworkPolicy and SetDefaults_NetworkPolicyPort. */
function defaultNetworkPolicy(obj: KObject): void {
  obj.spec ??= {};
  const spec = obj.spec;
  spec.podSelector ??= {};
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) {
    for (const port of rule?.ports ?? []) if (port && typeof port === 'object') port.protocol ??= 'TCP';
  }
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = ['Ingress'];
    if (Array.isArray(spec.egress) && spec.egress.length > 0) spec.policyTypes.push('Egress');
  }
}

/**
 * SetDefaults_LimitRangeItem: a Container item's default limit comes from
 * max, and its default request from the default limit, then from min.
 */
function defaultLimitRange(obj: KObject): void {
  for (const item of obj.spec?.limits ?? []) {
    if (item?.type !== 'Container') continue;
    const limits: Record<string, unknown> = { ...(item.default ?? {}) };
    for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in limits)) limits[k] = v;
    const requests: Record<string, unknown> = { ...(item.defaultRequest ?? {}) };
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in requests)) requests[k] = v;
    if (Object.keys(limits).length > 0) item.default = limits;
    if (Object.keys(requests).length > 0) item.defaultRequest = requests;
  }
}

/**
 * Simplified: the quota controller computes status.used from the objects in
 * the namespace. kubesim has no quota controller, so it copies spec.hard into
 * status.hard and reports zero use.
 */
function defaultResourceQuota(obj: KObject): void {
  const hard: Record<string, unknown> = obj.spec?.hard ?? {};
  if (Object.keys(hard).length === 0) {
    obj.status ??= {};
    return;
  }
  obj.status = { hard: { ...hard }, used: Object.fromEntries(Object.keys(hard).map((k) => [k, '0'])) };
}

/** Applies the defaults of a stored-only built-in kind; other resources are left alone. */
export function applyBuiltinDefaults(resource: string, obj: KObject): void {
  switch (resource) {
    case 'ingresses':
      obj.status ??= {};
      obj.status.loadBalancer ??= {};
      break;
    case 'networkpolicies':
      defaultNetworkPolicy(obj);
      break;
    case 'poddisruptionbudgets':
      // The API server returns the four counts as zero until the disruption controller first syncs the budget.
      obj.status ??= {};
      for (const k of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods']) obj.status[k] ??= 0;
      break;
    case 'priorityclasses':
      obj.preemptionPolicy ??= 'PreemptLowerPriority';
      break;
    case 'rolebindings':
    case 'clusterrolebindings':
      defaultBinding(obj);
      break;
    case 'roles':
    case 'clusterroles':
      // `rules` has no omitempty in the Go type: a Role without rules is returned with `rules: null`.
      if (obj.rules === undefined) obj.rules = null;
      break;
    case 'limitranges':
      defaultLimitRange(obj);
      break;
    case 'resourcequotas':
      defaultResourceQuota(obj);
      break;
  }
}
