/**
 * The rules of `kubectl create role` and `create clusterrole`. Flag values are
 * checked as kubectl's Validate does, and each `--resource` is resolved
 * through discovery (here the registry) to its plural and group. There is one
 * rule per API group, in group order, plus one for the non-resource URLs.
 */
import type { CommandContext } from '../context.js';
import { ExitError, UsageError } from '../../api/errors.js';
import { findResource } from '../../api/registry.js';
import { policyRule } from './builtin-generators.js';

/** Standard resource verbs (validResourceVerbs); kubectl warns about any other verb. */
const RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];

/** Verbs allowed with non-resource URLs. */
export const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** Verbs that only apply to some resources (specialVerbs), as `group/resource`. */
const SPECIAL_VERBS: Record<string, string[]> = {
  use: ['policy/podsecuritypolicies', 'extensions/podsecuritypolicies'],
  bind: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  escalate: ['rbac.authorization.k8s.io/roles', 'rbac.authorization.k8s.io/clusterroles'],
  impersonate: ['/users', '/serviceaccounts', '/groups', 'authentication.k8s.io/userextras', 'authentication.k8s.io/uids'],
};

/** One `--resource` value: `resource[.group][/subresource]`. */
export interface ResourceOption {
  resource: string;
  group: string;
  subResource: string;
}

/** Splits `--resource` values; a bare `*` replaces them all, as kubectl's Complete does. */
export function parseResourceOptions(values: string[]): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const value of values) {
    const slash = value.indexOf('/');
    const head = slash < 0 ? value : value.slice(0, slash);
    const dot = head.indexOf('.');
    const r = { resource: dot < 0 ? head : head.slice(0, dot), group: dot < 0 ? '' : head.slice(dot + 1), subResource: slash < 0 ? '' : value.slice(slash + 1) };
    if (r.resource === '*' && dot < 0 && slash < 0) return [r];
    out.push(r);
  }
  return out;
}

/** Keeps the first of each repeated value; a `*` verb stands for all verbs. */
export function uniqueVerbs(verbs: string[]): string[] {
  if (verbs.includes('*')) return ['*'];
  return [...new Set(verbs)];
}

/** Resolves an option to the resource and group discovery maps it to, or undefined when the server has no such type. */
function resolve(r: ResourceOption): { resource: string; group: string } | undefined {
  const info = findResource(r.group ? `${r.resource}.${r.group}` : r.resource);
  return info ? { resource: info.resource, group: info.group } : undefined;
}

/** validateResource: each resource exists and takes the special verbs given; warnings go to stderr. */
export function validateResources(ctx: CommandContext, verbs: string[], resources: ResourceOption[]): void {
  for (const v of verbs) if (!RESOURCE_VERBS.includes(v)) ctx.io.err(`Warning: '${v}' is not a standard resource verb\n`);
  for (const r of resources) {
    if (!r.resource) throw new UsageError('resource must be specified if apiGroup/subresource specified');
    if (r.resource === '*') return;
    const resolved = resolve(r);
    const target = resolved ?? { resource: r.resource, group: r.group };
    let matched = false;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.includes(`${target.group}/${target.resource}`)) throw new UsageError(`can not perform '${v}' on '${target.resource}' in group '${target.group}'`);
      matched = true;
    }
    if (!resolved && !matched) {
      throw new ExitError(1, r.group ? `the server doesn't have a resource type "${r.resource}" in group "${r.group}"` : `the server doesn't have a resource type "${r.resource}"`);
    }
  }
}

/** generateResourcePolicyRules: a rule per API group in sorted order, then the non-resource URLs. */
export function generateRules(verbs: string[], resources: ResourceOption[], resourceNames: string[], nonResourceURLs: string[]): unknown[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const target = resolve(r) ?? { resource: r.resource, group: r.group };
    const name = r.subResource ? `${target.resource}/${r.subResource}` : target.resource;
    const list = byGroup.get(target.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(target.group, list);
  }
  const rules: unknown[] = [...byGroup.keys()].sort().map((g) => policyRule(verbs, [g], byGroup.get(g), resourceNames));
  if (nonResourceURLs.length) rules.push(policyRule(verbs, undefined, undefined, undefined, nonResourceURLs));
  return rules;
}
