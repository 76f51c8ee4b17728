/**
 * `kubectl create clusterrole NAME --verb=verb --resource=resource.group [--resource-name] [--non-resource-url] [--aggregation-rule]`.
 */
import type { CommandDef } from '../types.js';
import { generateRole } from './builtin-generators.js';
import { emitGenerated, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { UsageError } from '../../api/errors.js';
import { generateRules, NON_RESOURCE_VERBS, parseResourceOptions, uniqueVerbs, validateResources } from './role-rules.js';
import { splitList } from './from-sources.js';
import { RULE_FLAGS } from './role.js';

/** `--aggregation-rule=k=v,k2=v2` as cliflag's MapStringString reads it. */
function parseAggregationRule(value: string): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (const pair of splitList([value])) {
    const eq = pair.indexOf('=');
    if (eq < 0) throw new UsageError(`invalid argument "${value}" for "--aggregation-rule" flag: malformed pair, expect string=string`);
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const keys = Object.keys(labels).sort();
  return keys.length ? Object.fromEntries(keys.map((k) => [k, labels[k]])) : undefined;
}

/** CreateClusterRoleOptions.Validate's non-resource URL checks. */
function validateNonResourceURLs(verbs: string[], urls: string[]): void {
  for (const v of verbs) if (!NON_RESOURCE_VERBS.includes(v)) throw new UsageError(`invalid verb: '${v}' for nonResourceURL`);
  for (const url of urls) {
    if (url === '*') continue;
    if (!url.startsWith('/')) throw new UsageError('nonResourceURL should start with /');
    if (url.slice(0, -1).includes('*')) throw new UsageError("nonResourceURL only supports wildcard matches when '*' is at the end");
  }
}

export const command: CommandDef = {
  use: 'create clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]',
  short: 'Create a cluster role.',
  examples:
    '  # Create a cluster role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n  kubesim create clusterrole pod-reader --verb=get,list,watch --resource=pods\n  \n  # Create a cluster role named "pod-reader" with ResourceName specified\n  kubesim create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n  \n  # Create a cluster role named "foo" with API Group specified\n  kubesim create clusterrole foo --verb=get,list,watch --resource=rs.apps\n  \n  # Create a cluster role named "foo" with SubResource specified\n  kubesim create clusterrole foo --verb=get,list,watch --resource=pods,pods/status\n  \n  # Create a cluster role name "foo" with NonResourceURL specified\n  kubesim create clusterrole "foo" --verb=get --non-resource-url=/logs/*\n  \n  # Create a cluster role name "monitoring" with AggregationRule specified\n  kubesim create clusterrole monitoring --aggregation-rule="rbac.example.com/aggregate-to-monitoring=true"',
  flags: [
    ...RULE_FLAGS,
    { name: 'non-resource-url', type: 'stringArray', default: [], help: 'A partial url that user should have access to.' },
    { name: 'aggregation-rule', type: 'string', default: '', help: 'An aggregation label selector for combining ClusterRoles.' },
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const verbs = uniqueVerbs(splitList(ctx.flags.verb));
    const resources = parseResourceOptions(splitList(ctx.flags.resource));
    const resourceNames = [...new Set<string>(ctx.flags['resource-name'])];
    const urls = [...new Set(splitList(ctx.flags['non-resource-url']))];
    const aggregation = parseAggregationRule(ctx.flags['aggregation-rule']);
    if (aggregation) {
      if (urls.length || verbs.length || resources.length || resourceNames.length) {
        throw new UsageError('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
      }
      return emitGenerated(ctx, generateRole('ClusterRole', name, null, undefined, aggregation));
    }
    if (verbs.length === 0) throw new UsageError('at least one verb must be specified');
    if (resources.length === 0 && urls.length === 0) throw new UsageError('one of resource or nonResourceURL must be specified');
    if (resources.length) validateResources(ctx, verbs, resources);
    if (urls.length) validateNonResourceURLs(verbs, urls);
    return emitGenerated(ctx, generateRole('ClusterRole', name, generateRules(verbs, resources, resourceNames, urls)));
  },
};
