/**
 * Fetching the objects that resource arguments, selectors and namespaces
 * name, with kubectl's errors for missing ones.
 */
import type { KObject } from '../../api/types.js';
import type { Cluster } from '../../engine/cluster.js';
import { matches, parseSelector } from '../../api/selectors.js';
import { notFound } from '../../api/errors.js';
import { resourceString } from '../../api/registry.js';
import type { Target } from './targets.js';
import { groupFor, type Group } from './output.js';
import { sortEventsAsListed } from '../../api/event-order.js';

export interface FetchOptions {
  namespace: string;
  allNamespaces: boolean;
  selector?: string;
  fieldSelector?: string;
}

export interface FetchResult {
  groups: Group[];
  errors: Error[];
}

/** Matches kubectl's `--field-selector` for the fields every kind supports, plus the common per-kind ones. */
export function fieldMatcher(text: string | undefined): (o: KObject) => boolean {
  if (!text) return () => true;
  const reqs = text.split(',').map((part) => {
    const m = /^([^!=]+)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) throw new Error(`invalid selector: '${text}'; can't understand '${part}'`);
    return { path: m[1], neg: m[2] === '!=', value: m[3] };
  });
  const get = (o: any, path: string): string => {
    let v: any = o;
    for (const p of path.split('.')) v = v?.[p];
    return v === undefined || v === null ? '' : String(v);
  };
  return (o) => reqs.every((r) => (get(o, r.path) === r.value) !== r.neg);
}

export function fetchTargets(cluster: Cluster, targets: Target[], opts: FetchOptions): FetchResult {
  const store = cluster.store;
  const sel = opts.selector ? parseSelector(opts.selector) : null;
  const field = fieldMatcher(opts.fieldSelector);
  const errors: Error[] = [];
  const groups: Group[] = [];
  for (const t of targets) {
    const group = groupFor(t.info, cluster.settings.version, t.group);
    const ns = t.info.namespaced ? opts.namespace : '';
    const objects: KObject[] = [];
    if (t.names.length > 0) {
      for (const name of t.names) {
        const o = store.get(t.info.resource, ns, name);
        if (!o) errors.push(notFound(resourceString(t.info, group), name));
        else objects.push(o);
      }
    } else {
      const list = t.info.namespaced && !opts.allNamespaces ? store.list(t.info.resource, ns) : store.list(t.info.resource);
      for (const o of list) if ((!sel || matches(sel, o.metadata.labels)) && field(o)) objects.push(o);
      if (t.info.resource === 'events') sortEventsAsListed(objects);
    }
    groups.push({ info: t.info, group, objects });
  }
  return { groups, errors };
}
