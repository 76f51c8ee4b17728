/**
 * `kubectl auth can-i VERB TYPE[/NAME] | NONRESOURCEURL`: whether the user
 * may do something. kubesim's user is the cluster admin, so every check
 * returns `yes`. The argument checks and warnings match kubectl's.
 */
import type { CommandDef } from '../types.js';
import type { CommandContext } from '../context.js';
import type { Parsed } from '../../cli/flags.js';
import { findResource } from '../../api/registry.js';
import { accessListTable } from './rules.js';

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_URL_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
/** Resources kubectl accepts without discovery, because impersonation rules name them. */
const NON_STANDARD_RESOURCES = new Set(['users', 'groups']);

export const command: CommandDef = {
  use: 'auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]',
  short: 'Check whether an action is allowed.',
  long:
    'Check whether an action is allowed.\n\n' +
    " VERB is a logical Kubernetes API verb like 'get', 'list', 'watch', 'delete', etc. TYPE is a Kubernetes resource. Shortcuts and groups will be resolved. NONRESOURCEURL is a partial URL that starts with \"/\". NAME is the name of a particular Kubernetes resource. This command pairs nicely with impersonation. See --as global flag.",
  examples: [
    '  # Check to see if I can create pods in any namespace',
    '  kubesim auth can-i create pods --all-namespaces',
    '  ',
    '  # Check to see if I can list deployments in my current namespace',
    '  kubesim auth can-i list deployments.apps',
    '  ',
    '  # Check to see if I can get the job named "bar" in namespace "foo"',
    '  kubesim auth can-i list jobs.batch/bar -n foo',
    '  ',
    '  # List all allowed actions in namespace "foo"',
    '  kubesim auth can-i --list --namespace=foo',
  ].join('\n'),
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, help: 'If true, check the specified action in all namespaces.' },
    { name: 'list', type: 'bool', default: false, help: 'If true, prints all allowed actions.' },
    { name: 'no-headers', type: 'bool', default: false, help: 'If true, prints allowed actions without headers' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, help: 'If true, suppress output and just return the exit code.' },
    { name: 'subresource', type: 'string', default: '', help: 'SubResource such as pod/log or deployment/scale' },
  ],
  run: (ctx, parsed) => runCanI(ctx, parsed),
};

/** The target the two arguments name: a resource (with group and optional name) or a non-resource URL. */
interface Target {
  verb: string;
  url?: string;
  resource?: string;
  group?: string;
  namespaced?: boolean;
  name?: string;
}

function runCanI(ctx: CommandContext, parsed: Parsed): number {
  const f = ctx.flags;
  const warn = (text: string) => ctx.io.err(`Warning: ${text}\n\n`);
  if (f.list) {
    if (parsed.args.length !== 0) throw new Error('list option must be specified with no arguments');
    if (f.quiet || f['all-namespaces'] || f.subresource) throw new Error("list option can't be specified with neither quiet, all-namespaces nor subresource options");
    ctx.io.out(accessListTable(ctx.cluster().settings.version, f['no-headers']));
    return 0;
  }
  if (parsed.args.length !== 2) {
    throw new Error("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  }
  const target = resolveTarget(parsed.args[0], parsed.args[1], warn);
  if (target.url !== undefined) {
    if (f.subresource) throw new Error('--subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_URL_VERBS.has(target.verb)) warn(`verb '${target.verb}' is not a known verb`);
  } else if (!f['all-namespaces']) {
    if (target.namespaced === false) warn(target.group ? `resource '${target.resource}' is not namespace scoped in group '${target.group}'` : `resource '${target.resource}' is not namespace scoped`);
    if (!RESOURCE_VERBS.has(target.verb)) warn(`verb '${target.verb}' is not a known verb`);
  }
  if (f['no-headers']) throw new Error('--no-headers cannot be set without --list specified');
  // The cluster allows the review: the admin may do anything.
  ctx.cluster();
  if (!f.quiet) ctx.io.out('yes\n');
  return 0;
}

/**
 * Resolves `TYPE[/NAME]` or a URL as kubectl does. A resource the server
 * does not have draws a warning and is checked under the name as typed.
 * `namespaced` then stays unset, because kubectl's scope lookup fails too.
 */
function resolveTarget(verb: string, arg: string, warn: (text: string) => void): Target {
  if (arg.startsWith('/')) return { verb, url: arg };
  const slash = arg.indexOf('/');
  const typed = slash < 0 ? arg : arg.slice(0, slash);
  const name = slash < 0 ? undefined : arg.slice(slash + 1);
  if (typed === '*') return { verb, resource: '*', group: '', namespaced: true, name };
  const info = findResource(typed.toLowerCase());
  if (info) return { verb, resource: info.resource, group: info.group, namespaced: info.namespaced, name };
  const lower = typed.toLowerCase();
  const dot = lower.indexOf('.');
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? '' : lower.slice(dot + 1);
  if (!NON_STANDARD_RESOURCES.has(dot < 0 ? resource : `${resource}.${group}`)) {
    warn(group ? `the server doesn't have a resource type '${resource}' in group '${group}'` : `the server doesn't have a resource type '${resource}'`);
  }
  return { verb, resource: typed, name };
}
