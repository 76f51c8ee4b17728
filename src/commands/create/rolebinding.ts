/**
 * `kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user] [--group] [--serviceaccount]`.
 */
import type { CommandDef } from '../types.js';
import { generateBinding } from './builtin-generators.js';
import { emitGenerated, explicitNamespace, GENERATOR_FLAGS, requireName } from '../shared/generated.js';
import { UsageError } from '../../api/errors.js';
import type { FlagSpec } from '../../cli/flags.js';

/** Builds the subject flags of a binding command, whose help calls what is bound a `role`. */
export function subjectFlags(role: string): FlagSpec[] {
  return [
    { name: 'user', type: 'stringArray', default: [], help: `Usernames to bind to the ${role}. The flag can be repeated to add multiple users.` },
    { name: 'group', type: 'stringArray', default: [], help: `Groups to bind to the ${role}. The flag can be repeated to add multiple groups.` },
    {
      name: 'serviceaccount',
      type: 'stringArray',
      default: [],
      help: `Service accounts to bind to the ${role}, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.`,
    },
  ];
}

export const command: CommandDef = {
  use: 'create rolebinding NAME --clusterrole=NAME|--role=NAME [--user=username] [--group=groupname] [--serviceaccount=namespace:serviceaccountname] [--dry-run=server|client|none]',
  short: 'Create a role binding for a particular role or cluster role.',
  examples:
    '  # Create a role binding for user1, user2, and group1 using the admin cluster role\n  kubesim create rolebinding admin --clusterrole=admin --user=user1 --user=user2 --group=group1\n  \n  # Create a role binding for service account monitoring:sa-dev using the admin role\n  kubesim create rolebinding admin-binding --role=admin --serviceaccount=monitoring:sa-dev',
  flags: [
    { name: 'role', type: 'string', default: '', help: 'Role this RoleBinding should reference' },
    { name: 'clusterrole', type: 'string', default: '', help: 'ClusterRole this RoleBinding should reference' },
    ...subjectFlags('role'),
    ...GENERATOR_FLAGS,
  ],
  run(ctx, parsed) {
    const f = ctx.flags;
    const name = requireName(parsed.args);
    if (!f.role === !f.clusterrole) throw new UsageError('exactly one of clusterrole or role must be specified');
    const obj = generateBinding({
      kind: 'RoleBinding',
      name,
      roleKind: f.role ? 'Role' : 'ClusterRole',
      roleName: f.role || f.clusterrole,
      users: f.user,
      groups: f.group,
      serviceAccounts: f.serviceaccount,
      namespace: explicitNamespace(ctx),
    });
    return emitGenerated(ctx, obj, { failurePrefix: 'failed to create rolebinding: ' });
  },
};
