/**
 * The scale subresource as the HPA uses it: spec.replicas and the label
 * selector of a Deployment, ReplicaSet, StatefulSet or
 * ReplicationController, read and written through the ordinary store path.
 */
import type { KObject } from '../../api/types.js';
import type { Store } from '../../store/store.js';
import { ApiError, notFound } from '../../api/errors.js';
import { findKind, resourceString } from '../../api/registry.js';
import { fromLabelSelector, type Selector } from '../../api/selectors.js';

/** Kinds that serve a scale subresource, by kind and API group. */
const SCALABLE: Record<string, string> = {
  Deployment: 'apps',
  ReplicaSet: 'apps',
  StatefulSet: 'apps',
  ReplicationController: '',
};

/** Groups whose legacy versions still name the same scalable kinds. */
const LEGACY_GROUPS = new Set(['extensions']);

export interface Scale {
  resource: string;
  target: KObject;
  replicas: number;
  /** Null when the target has no selector (the HPA then reports InvalidSelector). */
  selector: Selector | null;
}

/** Returns the API group named by an apiVersion (`apps/v1` is `apps`, `v1` is core). */
function groupOf(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Reads the scale of the HPA's scaleTargetRef; throws an ApiError the HPA reports as FailedGetScale. */
export function getScale(store: Store, namespace: string, ref: { apiVersion?: string; kind?: string; name?: string }): Scale {
  const kind = ref.kind ?? '';
  const group = groupOf(ref.apiVersion);
  const info = findKind(kind);
  if (!info || (info.group !== group && !LEGACY_GROUPS.has(group))) {
    throw new ApiError('NotFound', 404, `no matches for kind "${kind}" in group "${group}"`);
  }
  if (SCALABLE[kind] === undefined) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
  const target = store.get(info.resource, namespace, ref.name ?? '');
  if (!target) throw notFound(resourceString(info), ref.name ?? '');
  const raw = target.spec?.selector;
  let selector = fromLabelSelector(raw);
  // A ReplicationController's selector is a plain label map.
  if (kind === 'ReplicationController') selector = raw && Object.keys(raw).length > 0 ? fromLabelSelector({ matchLabels: raw }) : null;
  return { resource: info.resource, target, replicas: target.spec?.replicas ?? 1, selector };
}

/** Writes a new replica count through the scale subresource (spec.replicas of the target). */
export function updateScale(store: Store, scale: Scale, replicas: number): void {
  const target = structuredClone(scale.target);
  target.spec = { ...(target.spec ?? {}), replicas };
  store.update(scale.resource, target);
}
