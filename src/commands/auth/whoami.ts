/**
 * `kubectl auth whoami`: the authenticated user, from a SelfSubjectReview.
 * The API is served from Kubernetes 1.27 (v1beta1) and 1.28 (v1). On older
 * clusters kubectl reports it as not enabled.
 * NOTE: 1.27 serving v1beta1 by default is an estimate from the beta's release.
 */
import type { CommandDef } from '../types.js';
import type { CommandContext } from '../context.js';
import { printMutated, checkMutationOutput } from '../shared/mutation-output.js';
import { formatTabbedLines } from '../../printers/table.js';
import { adminUser, type UserInfo } from './identity.js';

const NOT_ENABLED =
  'the selfsubjectreviews API is not enabled in the cluster\n' +
  'enable APISelfSubjectReview feature gate and authentication.k8s.io/v1alpha1 or authentication.k8s.io/v1beta1 API';

export const command: CommandDef = {
  use: 'auth whoami',
  short: 'Experimental: Check self subject attributes.',
  long: [
    'Experimental: Check who you are and your attributes (groups, extra).',
    '',
    '        This command is helpful to get yourself aware of the current user attributes,',
    '        especially when dynamic authentication, e.g., token webhook, auth proxy, or OIDC provider,',
    '        is enabled in the Kubernetes cluster.',
  ].join('\n'),
  examples: '  # Get your subject attributes\n  kubesim auth whoami\n  \n  # Get your subject attributes in JSON format\n  kubesim auth whoami -o json',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: true, help: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'output', short: 'o', type: 'string', default: '', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'show-managed-fields', type: 'bool', default: false, help: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'template', type: 'string', default: '', help: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
  run(ctx) {
    const output = String(ctx.flags.output ?? '');
    checkMutationOutput(output);
    const review = createSelfSubjectReview(ctx);
    if (output === '') {
      ctx.io.out(whoamiTable(review.status.userInfo));
      return;
    }
    const name = 'selfsubjectreview.authentication.k8s.io/';
    ctx.io.out(printMutated([{ obj: review, name }], { output, template: ctx.flags.template, allowMissingKeys: ctx.flags['allow-missing-template-keys'], operation: '', dryRun: 'none', structOrder: true }));
  },
};

/** Returns the SelfSubjectReview that the API server of the cluster's version would return. */
function createSelfSubjectReview(ctx: CommandContext): any {
  const cluster = ctx.cluster();
  const version = cluster.settings.version;
  if (version < 127) throw new Error(NOT_ENABLED);
  const user = adminUser(version, cluster.name, cluster.settings.seed);
  const userInfo: Record<string, unknown> = { username: user.username, groups: user.groups };
  if (user.extra) userInfo.extra = user.extra;
  return {
    kind: 'SelfSubjectReview',
    apiVersion: version >= 128 ? 'authentication.k8s.io/v1' : 'authentication.k8s.io/v1beta1',
    metadata: { creationTimestamp: new Date(cluster.clockNow()).toISOString().replace(/\.\d{3}Z$/, 'Z') },
    status: { userInfo },
  };
}

/** kubectl's ATTRIBUTE/VALUE table; Go prints a string list as `[a b]`. */
export function whoamiTable(user: UserInfo): string {
  const rows: string[][] = [['ATTRIBUTE', 'VALUE'], ['Username', user.username]];
  if (user.groups.length > 0) rows.push(['Groups', `[${user.groups.join(' ')}]`]);
  for (const key of Object.keys(user.extra ?? {}).sort()) rows.push([`Extra: ${key}`, `[${user.extra![key].join(' ')}]`]);
  return formatTabbedLines(rows);
}
