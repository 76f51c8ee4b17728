/**
 * `kubectl create clusterrolebinding NAME --clusterrole=NAME [--user] [--group] [--serviceaccount]`.
 */
import type { CommandDef } from '../types.js';
import { generateBinding } from './builtin-generators.js';
import { emitGenerated, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { RequiredFlagError } from '../../api/errors.js';
import { subjectFlags } from './rolebinding.js';

export const command: CommandDef = {
  use: 'create clusterrolebinding NAME --clusterrole=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  short: 'Create a cluster role binding for a particular cluster role.',
  examples:
    '  # Create a cluster role binding for user1, user2, and group1 using the cluster-admin cluster role\n  kubesim create clusterrolebinding cluster-admin --clusterrole=cluster-admin --user=user1 --user=user2 --group=group1',
  flags: [{ name: 'clusterrole', type: 'string', default: '', help: 'ClusterRole this ClusterRoleBinding should reference' }, ...subjectFlags('clusterrole'), ...GENERATOR_FLAGS],
  run(ctx, parsed) {
    // cobra checks required flags before kubectl looks at the NAME argument.
    if (!ctx.parsed.set.has('clusterrole')) throw new RequiredFlagError(['clusterrole']);
    const f = ctx.flags;
    const obj = generateBinding({
      kind: 'ClusterRoleBinding',
      name: requireName(parsed.args),
      roleKind: 'ClusterRole',
      roleName: f.clusterrole,
      users: f.user,
      groups: f.group,
      serviceAccounts: f.serviceaccount,
    });
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create clusterrolebinding: ' });
  },
};
