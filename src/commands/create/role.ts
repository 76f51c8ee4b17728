/**
 * `kubectl create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=name]`.
 */
import type { CommandDef } from '../types.js';
import { generateRole } from './builtin-generators.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { UsageError } from '../../api/errors.js';
import { generateRules, parseResourceOptions, uniqueVerbs, validateResources } from './role-rules.js';
import { splitList } from './from-sources.js';
import type { FlagSpec } from '../../cli/flags.js';

/** The rule flags both role commands take. */
export const RULE_FLAGS: FlagSpec[] = [
  { name: 'verb', type: 'stringArray', default: [], help: 'Verb that applies to the resources contained in the rule' },
  { name: 'resource', type: 'stringArray', default: [], help: 'Resource that the rule applies to' },
  { name: 'resource-name', type: 'stringArray', default: [], help: 'Resource in the white list that the rule applies to, repeat this flag for multiple items' },
];

export const command: CommandDef = {
  use: 'create role NAME --verb=verb --resource=resource.group/subresource [--resource-name=resourcename] [--dry-run=server|client|none]',
  short: 'Create a role with single rule.',
  examples:
    '  # Create a role named "pod-reader" that allows user to perform "get", "watch" and "list" on pods\n  kubesim create role pod-reader --verb=get --verb=list --verb=watch --resource=pods\n  \n  # Create a role named "pod-reader" with ResourceName specified\n  kubesim create role pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n  \n  # Create a role named "foo" with API Group specified\n  kubesim create role foo --verb=get,list,watch --resource=rs.apps\n  \n  # Create a role named "foo" with SubResource specified\n  kubesim create role foo --verb=get,list,watch --resource=pods,pods/status',
  flags: [...RULE_FLAGS, ...GENERATOR_FLAGS],
  run(ctx, parsed) {
    const name = requireName(parsed.args);
    const verbs = uniqueVerbs(splitList(ctx.flags.verb));
    const resources = parseResourceOptions(splitList(ctx.flags.resource));
    const resourceNames = [...new Set<string>(ctx.flags['resource-name'])];
    if (verbs.length === 0) throw new UsageError('at least one verb must be specified');
    if (resources.length === 0) {
      validateResources(ctx, verbs, []);
      throw new UsageError('at least one resource must be specified');
    }
    validateResources(ctx, verbs, resources);
    const obj = generateRole('Role', name, generateRules(verbs, resources, resourceNames, []), explicitNamespace(ctx));
    return emitGenerated(ctx, obj);
  },
};
