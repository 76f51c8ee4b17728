/**
 * Resolving kubectl's resource arguments: `TYPE`, `TYPE NAME...`,
 * `TYPE/NAME...`, `TYPE1,TYPE2`, and `all`, into registry entries and names.
 */
import { ApiError, UsageError } from '../../api/errors.js';
import { isCreateOnly } from '../../api/builtin-resources.js';
import { findResource, isExtensionsKind, type ResourceInfo } from '../../api/registry.js';

export interface Target {
  info: ResourceInfo;
  /** The group the user named (`deployments.extensions`), if any. */
  group?: string;
  /** Names requested; empty means "all of this type" (subject to selectors). */
  names: string[];
}

/** What `kubectl get all` lists. */
export const ALL_RESOURCES = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

/** kubectl's error for a command given no resource argument and no -f file (resource builder). */
export const NO_RESOURCES_MESSAGE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

export function resolveType(text: string): { info: ResourceInfo; group?: string } {
  const info = findResource(text);
  if (!info) throw new UsageError(`the server doesn't have a resource type "${text}"`);
  if (isCreateOnly(info)) throw new ApiError('MethodNotAllowed', 405, 'the server does not allow this method on the requested resource');
  const dot = text.indexOf('.');
  let group: string | undefined;
  if (dot > 0) {
    const g = text.slice(dot + 1).replace(/^v\d\w*\./, '');
    group = g === 'extensions' && isExtensionsKind(info.kind) ? 'extensions' : info.group;
  }
  return { info, group };
}

export function parseTargets(args: string[]): Target[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    const out: Target[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) throw new UsageError(`there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const { info, group } = resolveType(a.slice(0, slash));
      const name = a.slice(slash + 1);
      if (!name) throw new UsageError(`arguments in resource/name form must have a single resource and name`);
      out.push({ info, group, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const out: Target[] = [];
  for (const t of types.split(',').filter(Boolean)) {
    if (t === 'all') {
      for (const r of ALL_RESOURCES) out.push({ info: findResource(r)!, names: [...names] });
      continue;
    }
    const { info, group } = resolveType(t);
    out.push({ info, group, names: [...names] });
  }
  return out;
}
