/**
 * `kubectl describe role|clusterrole|rolebinding|clusterrolebinding`
 * (RoleDescriber, RoleBindingDescriber): the rules broken down to one
 * resource each, merged again per resource with their verbs gathered,
 * and sorted as the rules' Go String() forms sort.
 */
import type { KObject } from '../../api/types.js';
import { DescribeWriter, writeMap } from './writer.js';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** rbac.BreakdownRule: one rule per group, resource and resource name, and one per non-resource URL. */
function breakdown(rule: any): Rule[] {
  const verbs = list(rule?.verbs);
  const names = list(rule?.resourceNames);
  const out: Rule[] = [];
  for (const group of list(rule?.apiGroups)) {
    for (const resource of list(rule?.resources)) {
      const base = { verbs, apiGroups: [group], resources: [resource], nonResourceURLs: [] };
      if (names.length) for (const name of names) out.push({ ...base, resourceNames: [name] });
      else out.push({ ...base, resourceNames: [] });
    }
  }
  for (const url of list(rule?.nonResourceURLs)) out.push({ verbs, apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  return out;
}

/** rbac.CompactRules: simple resource rules for the same group, resource and name share one rule with all their verbs. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    if (r.nonResourceURLs.length > 0) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...r.verbs];
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

/** Formats a rule as the generated PolicyRule.String() does, the sort key of SortableRuleSlice. */
function goString(r: Rule): string {
  const v = (a: string[]) => `[${a.join(' ')}]`;
  return `&PolicyRule{Verbs:${v(r.verbs)},APIGroups:${v(r.apiGroups)},Resources:${v(r.resources)},ResourceNames:${v(r.resourceNames)},NonResourceURLs:${v(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
function resourceGroup(r: Rule): string {
  if (r.resources.length === 0) return '';
  const [resource, sub] = r.resources[0].split(/\/(.*)/s);
  let out = resource;
  if (r.apiGroups[0]) out += `.${r.apiGroups[0]}`;
  if (sub !== undefined) out += `/${sub}`;
  return out;
}

/** Describes a Role or ClusterRole. */
export function describeRole(role: KObject): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', role.metadata.name);
  writeMap(w, 0, 'Labels', role.metadata.labels);
  writeMap(w, 0, 'Annotations', role.metadata.annotations);
  const rules = compact((Array.isArray(role.rules) ? role.rules : []).flatMap(breakdown));
  const keyed = rules.map((r) => ({ r, key: goString(r) }));
  keyed.sort((a, b) => {
    if (a.key === b.key) return 0;
    return a.key < b.key ? -1 : 1;
  });
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  const v = (a: string[]) => `[${a.join(' ')}]`;
  for (const { r } of keyed) w.write(1, `${resourceGroup(r)}\t${v(r.nonResourceURLs)}\t${v(r.resourceNames)}\t${v(r.verbs)}\n`);
  return w.text();
}

/** Describes a RoleBinding or ClusterRoleBinding. */
export function describeRoleBinding(binding: KObject): string {
  const w = new DescribeWriter();
  w.line(0, 'Name', binding.metadata.name);
  writeMap(w, 0, 'Labels', binding.metadata.labels);
  writeMap(w, 0, 'Annotations', binding.metadata.annotations);
  w.write(0, 'Role:\n');
  w.line(1, 'Kind', binding.roleRef?.kind ?? '');
  w.line(1, 'Name', binding.roleRef?.name ?? '');
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of Array.isArray(binding.subjects) ? binding.subjects : []) w.write(1, `${s?.kind ?? ''}\t${s?.name ?? ''}\t${s?.namespace ?? ''}\n`);
  return w.text();
}
