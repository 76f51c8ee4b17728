/**
 * Resolving the objects a mutating verb acts on (scale, set image, rollout):
 * `TYPE NAME...`, `TYPE/NAME...`, `-f FILE`, or a type with `-l`/`--all`,
 * each read from the store with kubectl's not-found errors kept apart.
 */
import type { KObject } from '../../api/types.js';
import type { CommandContext } from '../context.js';
import type { ResourceInfo } from '../../api/registry.js';
import { kindString, resourceString } from '../../api/registry.js';
import { decodeObject } from '../../api/manifest.js';
import { notFound, UsageError } from '../../api/errors.js';
import type { Store } from '../../store/store.js';
import { parseTargets, type Target } from './targets.js';
import { fetchTargets } from './fetch.js';
import { readManifests } from './manifests.js';

/** One object to act on, with the names kubectl prints for it. */
export interface Resolved {
  info: ResourceInfo;
  group: string;
  obj: KObject;
}

export interface ResolveOptions {
  filenames?: string[];
  recursive?: boolean;
  selector?: string;
  all?: boolean;
  allNamespaces?: boolean;
}

export interface ResolveResult {
  items: Resolved[];
  errors: Error[];
}

/** `deployment.apps/web`: how kubectl's name printer shows a resolved object. */
export function displayName(r: Resolved): string {
  return `${kindString(r.info, r.group)}/${r.obj.metadata.name}`;
}

/** `deployments.apps "web"`: how kubectl names an object in error messages. */
export function errorName(r: Resolved): string {
  return `${resourceString(r.info, r.group)} "${r.obj.metadata.name}"`;
}

/** Resolves the resource arguments or files to stored objects. */
export async function resolveObjects(ctx: CommandContext, args: string[], opts: ResolveOptions): Promise<ResolveResult> {
  const cluster = ctx.cluster();
  const items: Resolved[] = [];
  const errors: Error[] = [];
  if (opts.filenames && opts.filenames.length > 0) {
    const docs = await readManifests(opts.filenames, ctx.io.stdin, opts.recursive ?? false);
    for (const d of docs) {
      const dec = decodeObject(d.doc, { clusterVersion: cluster.settings.version, strictVersions: false, source: d.source });
      const ns = dec.info.namespaced ? dec.obj.metadata.namespace || ctx.namespace : '';
      const obj = cluster.store.get(dec.info.resource, ns, dec.obj.metadata.name);
      if (!obj) errors.push(notFound(resourceString(dec.info, dec.group), dec.obj.metadata.name));
      else items.push({ info: dec.info, group: dec.group, obj });
    }
    return { items, errors };
  }
  if (args.length === 0) throw new UsageError('required resource not specified');
  const targets: Target[] = parseTargets(args);
  const named = targets.some((t) => t.names.length > 0);
  if (!named && !opts.all && !opts.selector) throw new UsageError('resource(s) were provided, but no name was specified');
  const result = fetchTargets(cluster, targets, { namespace: ctx.namespace, allNamespaces: opts.allNamespaces ?? false, selector: opts.selector });
  for (const g of result.groups) for (const obj of g.objects) items.push({ info: g.info, group: g.group, obj });
  return { items, errors: result.errors };
}

/**
 * Re-reads `obj` from the store, for a verb that changes it in the same
 * transaction. kubectl sends such changes as patches, which the API server
 * applies to the object it holds, so a write made since the verb first read
 * the object is no conflict. Returns `obj` itself when it is gone.
 */
export function readLive(store: Store, resource: string, obj: KObject): KObject {
  return store.get(resource, obj.metadata.namespace ?? '', obj.metadata.name) ?? obj;
}
