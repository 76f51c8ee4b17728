/**
 * Fetching the objects that resource arguments, selectors and namespaces
 * name, with kubectl's errors for missing ones.
 */
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { matches, parseSelector } from '../../api/selectors.js';
import { ApiError, notFound } from '../../api/errors.js';
import { fieldValue, unsupportedFieldLabel } from '../../api/field-selectors.js';
import { resourceString } from '../../api/registry.js';
import type { Target } from './targets.js';
import { groupFor, type Group } from './output.js';
import { sortEventsAsListed } from '../../api/event-order.js';
import { componentStatusWarning, getComponentStatus, listComponentStatuses } from '../../api/component-statuses.js';

export interface FetchOptions {
  namespace: string;
  allNamespaces: boolean;
  selector?: string;
  fieldSelector?: string;
}

export interface FetchResult {
  groups: Group[];
  errors: Error[];
  /** The API server's warnings for these requests (without the `Warning: ` prefix), each once. */
  warnings: string[];
}

/** Matches kubectl's `--field-selector` for the fields every kind supports, plus the common per-kind ones. */
export function fieldMatcher(text: string | undefined): (o: KObject) => boolean {
  const reqs = fieldRequirements(text);
  if (reqs.length === 0) return () => true;
  return (o) => reqs.every((r) => (fieldValue(o, r.path) === r.value) !== r.neg);
}

/** Parses a `--field-selector` into its requirements (none for an empty one). */
function fieldRequirements(text: string | undefined): { path: string; neg: boolean; value: string }[] {
  if (!text) return [];
  return text.split(',').map((part) => {
    const m = /^([^!=]+)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) throw new Error(`invalid selector: '${text}'; can't understand '${part}'`);
    return { path: m[1], neg: m[2] === '!=', value: m[3] };
  });
}

/**
 * Returns the error of a list whose field selector names a field the
 * resource cannot be selected by: the API server's BadRequest, which
 * kubectl's resource builder prefixes with the request it made.
 */
function unsupportedFieldError(t: Target, opts: FetchOptions): ApiError | undefined {
  for (const r of fieldRequirements(opts.fieldSelector)) {
    const message = unsupportedFieldLabel(t.info.resource, r.path);
    if (message === undefined) continue;
    const gvr = `${t.info.group}/${t.info.version}, Resource=${t.info.resource}`;
    return new ApiError('BadRequest', 400, `Unable to find "${gvr}" that match label selector "${opts.selector ?? ''}", field selector "${opts.fieldSelector}": ${message}`);
  }
  return undefined;
}

export function fetchTargets(cluster: Cluster, targets: Target[], opts: FetchOptions): FetchResult {
  const store = cluster.store;
  const sel = opts.selector ? parseSelector(opts.selector) : null;
  const field = fieldMatcher(opts.fieldSelector);
  const errors: Error[] = [];
  const groups: Group[] = [];
  const warnings = new Set<string>();
  for (const t of targets) {
    const group = groupFor(t.info, cluster.settings.version, t.group);
    const ns = t.info.namespaced ? opts.namespace : '';
    const objects: KObject[] = [];
    const source = t.info.resource === 'componentstatuses' ? componentStatusSource(cluster.settings.version, warnings) : storeSource(store, t.info.resource);
    if (t.names.length > 0) {
      for (const name of t.names) {
        try {
          const o = source.get(ns, name);
          if (!o) errors.push(notFound(resourceString(t.info, group), name));
          else objects.push(o);
        } catch (err) {
          errors.push(err as Error);
        }
      }
    } else {
      const unsupported = unsupportedFieldError(t, opts);
      if (unsupported) {
        errors.push(unsupported);
        continue;
      }
      const list = source.list(t.info.namespaced && !opts.allNamespaces ? ns : undefined);
      for (const o of list) if ((!sel || matches(sel, o.metadata.labels)) && field(o)) objects.push(o);
      if (t.info.resource === 'events') sortEventsAsListed(objects);
    }
    groups.push({ info: t.info, group, objects });
  }
  return { groups, errors, warnings: [...warnings] };
}

/** The source of a target's objects: the store, or objects the API server builds on each read. */
interface ObjectSource {
  get(namespace: string, name: string): KObject | undefined;
  /** Lists the objects of one namespace, or of all when undefined. */
  list(namespace: string | undefined): KObject[];
}

function storeSource(store: Cluster['store'], resource: string): ObjectSource {
  return {
    get: (namespace, name) => store.get(resource, namespace, name),
    list: (namespace) => (namespace === undefined ? store.list(resource) : store.list(resource, namespace)),
  };
}

/** Builds ComponentStatus objects on each read, as the API server does, and records its deprecation warning. */
function componentStatusSource(version: number, warnings: Set<string>): ObjectSource {
  const warning = componentStatusWarning(version);
  if (warning) warnings.add(warning);
  return {
    get: (_namespace, name) => getComponentStatus(name, version),
    list: () => listComponentStatuses(version),
  };
}
