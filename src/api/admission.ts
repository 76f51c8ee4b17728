/**
 * The API server's write path for every caller: namespace checks, generated
 * fields (Job selectors), defaulting, validation and immutable fields.
 */
import type { KObject } from './types.js';
import { ApiError, invalid, notFound, type FieldCause } from './errors.js';
import { applyDefaults } from './defaults.js';
import { fillNullListItems } from './field-validation.js';
import { validateObject } from './validation.js';
import { dropUnneededNodePorts } from './service-validation.js';
import { initServiceIPFamilies } from './service-ip-families.js';
import { dropTypeDependentFields } from './service-traffic-validation.js';
import { findResource, resourceString } from './registry.js';
import { terminatingNamespaceError } from './namespace-lifecycle.js';
import { SPECLESS_BUILTINS } from './builtin-resources.js';
import { UPDATE_RULES_FIRST, validateUpdate } from './update/index.js';
import { prepareSecretData } from './secret-data.js';

export interface AdmissionContext {
  clusterVersion: number;
  namespaceExists(name: string): boolean;
  /** Reports whether a namespace is being terminated, so it takes no new content (NamespaceLifecycle). */
  namespaceTerminating?(name: string): boolean;
  /** Checks that need code above the api layer (a CronJob's schedule), wired in by the engine. */
  validateMore?(resource: string, obj: KObject): readonly FieldCause[];
  /**
   * Allocates a Service's cluster IP and node ports, wired in by the engine.
   * It runs before validation and throws its own errors, as the Service REST
   * storage allocates before the strategy validates.
   */
  allocateServiceAddresses?(svc: KObject, old: KObject | undefined): void;
}

/** Pod writes that the scheduler marked as bindings (see markBinding). */
const BINDINGS = new WeakSet<KObject>();

/**
 * Marks a pod write as a binding by the scheduler. Kubernetes binds through
 * the pods/binding subresource, which may set spec.nodeName on a pod that
 * has none; a plain update may not. The store takes the marked object as
 * given (an owned write), so admission receives the same object.
 */
export function markBinding(pod: KObject): void {
  BINDINGS.add(pod);
}

/** Annotation that carries a converted manifest's original apiVersion to defaulting. */
export const LEGACY_VERSION_ANNOTATION = 'kubesim.io/legacy-api-version';

/** Adds the selector and pod labels the API server generates for a Job without manualSelector. */
export function generateJobSelector(job: KObject, clusterVersion: number): void {
  const spec = job.spec;
  if (!spec || spec.manualSelector || spec.selector) return;
  const uid = job.metadata.uid!;
  const labels: Record<string, string> = {};
  if (clusterVersion >= 127) {
    labels['batch.kubernetes.io/controller-uid'] = uid;
    labels['batch.kubernetes.io/job-name'] = job.metadata.name;
  }
  labels['controller-uid'] = uid;
  labels['job-name'] = job.metadata.name;
  const key = clusterVersion >= 127 ? 'batch.kubernetes.io/controller-uid' : 'controller-uid';
  spec.selector = { matchLabels: { [key]: uid } };
  spec.template ??= {};
  spec.template.metadata ??= {};
  spec.template.metadata.labels = { ...labels, ...(spec.template.metadata.labels ?? {}) };
}

/** Reports whether two label maps contain the same keys in the same order with the same values. */
function sameLabels(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i] || a[keysA[i]] !== b[keysA[i]]) return false;
  }
  return true;
}

/** Resources with update rules whose content sits beside metadata, not in a spec. */
const SPECLESS: ReadonlySet<string> = new Set(['configmaps', 'secrets', 'storageclasses', ...SPECLESS_BUILTINS]);

/** Reports whether every top-level field but metadata is the stored field object. */
function sameContent(obj: KObject, old: KObject): boolean {
  for (const key in obj) if (key !== 'metadata' && obj[key] !== old[key]) return false;
  for (const key in old) if (!(key in obj)) return false;
  return true;
}

/**
 * Reports whether an update keeps the stored spec object and labels, the only
 * inputs of defaulting and validation besides the name, which cannot change.
 * For a ConfigMap, Secret or StorageClass, which have no spec, every
 * top-level field but metadata must be the stored one.
 * The stored object passed admission and defaulting is idempotent, so admitting
 * it again would change nothing, as a real server's status strategies check
 * only what a status write may change. A copied spec is admitted again because
 * comparing it field by field costs more than admission. A pod binding counts
 * as keeping the spec (see isBinding).
 */
function admittedBefore(resource: string, obj: KObject, old: KObject): boolean {
  if (!sameLabels(obj.metadata.labels, old.metadata.labels)) return false;
  if (SPECLESS.has(resource)) return sameContent(obj, old);
  return obj.spec === old.spec || isBinding(resource, obj, old);
}

/**
 * Reports whether a pod update only binds the pod to a node. Its spec then
 * contains the stored spec's field objects plus a spec.nodeName the stored
 * spec lacks. Kubernetes binds through the pods/binding subresource, which
 * sets the node name in storage without validating the pod again
 * (BindingREST.setPodHostAndAnnotations in pkg/registry/core/pod/storage).
 * This project's admission sets no default for spec.nodeName and checks
 * only that it is a string.
 */
function isBinding(resource: string, obj: KObject, old: KObject): boolean {
  const spec = obj.spec;
  const oldSpec = old.spec;
  if (resource !== 'pods' || !spec || !oldSpec) return false;
  if (oldSpec.nodeName || typeof spec.nodeName !== 'string' || spec.nodeName === '') return false;

  let fields = 0;
  for (const key in spec) {
    if (key === 'nodeName') continue;
    if (spec[key] !== oldSpec[key]) return false;
    fields++;
  }
  let oldFields = 0;
  for (const key in oldSpec) if (key !== 'nodeName') oldFields++;
  return fields === oldFields;
}

/**
 * Defaults and validates `obj` in place before the store writes it, and throws
 * the API error a real server returns. `old` is the stored object on update.
 */
export function admit(ctx: AdmissionContext, resource: string, obj: KObject, old: KObject | undefined, op: 'create' | 'update' | 'delete'): void {
  if (op === 'delete') return;
  // The API server builds ComponentStatus on each read (component-statuses.ts) and serves no write for it.
  if (resource === 'componentstatuses') throw new ApiError('MethodNotAllowed', 405, 'the server does not allow this method on the requested resource');
  const binding = BINDINGS.delete(obj);
  const info = findResource(resource);
  if (info?.namespaced) {
    obj.metadata.namespace ||= 'default';
    if (op === 'create') {
      const namespace = obj.metadata.namespace;
      if (!ctx.namespaceExists(namespace)) throw notFound('namespaces', namespace);
      if (ctx.namespaceTerminating?.(namespace)) throw terminatingNamespaceError(resourceString(info), obj.metadata.name ?? '', namespace);
    }
  } else if (info) {
    delete obj.metadata.namespace;
  }
  if (op === 'create' && resource === 'jobs') generateJobSelector(obj, ctx.clusterVersion);
  // The PersistentVolume registry starts every volume Pending; the PV controller then makes it Available.
  if (op === 'create' && resource === 'persistentvolumes') obj.status = { phase: 'Pending' };
  const legacy = obj.metadata.annotations?.[LEGACY_VERSION_ANNOTATION];
  if (legacy) {
    delete obj.metadata.annotations![LEGACY_VERSION_ANNOTATION];
    if (Object.keys(obj.metadata.annotations!).length === 0) delete obj.metadata.annotations;
  }
  if (resource === 'secrets') prepareSecretData(obj);
  if (op === 'update' && old?.metadata.deletionTimestamp) forbidNewFinalizers(obj, old, info?.kind ?? resource);
  if (op === 'update' && old && !legacy && admittedBefore(resource, obj, old)) return;
  // An Event has no list of objects, and controllers write most of them.
  if (resource !== 'events') decodeNulls(resource, obj, info?.kind);
  applyDefaults(resource, obj, legacy);
  if (resource === 'namespaces') prepareNamespace(obj, op, ctx.clusterVersion);
  if (resource === 'services') {
    const oldService = op === 'update' ? old : undefined;
    prepareService(obj, oldService, ctx.clusterVersion);
    // NOTE: older API servers (1.15 at least) validated before allocating, so a request with both
    // a taken address and an invalid field reports the field there; kubesim allocates first everywhere.
    ctx.allocateServiceAddresses?.(obj, oldService);
  }
  const updateCauses = op === 'update' && old ? validateUpdate(resource, obj, old, { clusterVersion: ctx.clusterVersion, binding }) : [];
  const first = UPDATE_RULES_FIRST.has(resource);
  const causes: FieldCause[] = first ? [...updateCauses] : [];
  causes.push(...validateObject(resource, obj, ctx.clusterVersion));
  if (ctx.validateMore) causes.push(...ctx.validateMore(resource, obj));
  if (!first) causes.push(...updateCauses);
  if (causes.length > 0) throw invalid(obj.kind ?? info?.kind ?? resource, obj.metadata.name ?? '', causes);
}

/**
 * Rejects finalizers added to an object that is being deleted, as
 * ValidateObjectMetaUpdate does for every kind (ValidateNoNewFinalizers).
 * The new names are listed sorted, in Go's `%#v` form of a string slice.
 */
function forbidNewFinalizers(obj: KObject, old: KObject, kind: string): void {
  const before = new Set(old.metadata.finalizers ?? []);
  const added = [...new Set((obj.metadata.finalizers ?? []).filter((f) => !before.has(f)))].sort();
  if (added.length === 0) return;
  const detail = `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`;
  throw invalid(obj.kind ?? kind, obj.metadata.name ?? '', [{ field: 'metadata.finalizers', type: 'Forbidden', detail }]);
}

/**
 * Replaces null values with the zero values the API server's decoder gives
 * them. Each null item of a list of objects, and a Service's null or missing
 * spec, becomes an empty object, so validation reports the missing fields.
 */
function decodeNulls(resource: string, obj: KObject, kind: string | undefined): void {
  fillNullListItems(obj.kind ?? kind ?? '', obj);
  if (resource === 'services' && (obj.spec === null || typeof obj.spec !== 'object')) obj.spec = {};
}

/**
 * Runs the Service REST storage's steps before validation: the allocator's
 * IP family checks, whose causes it reports alone, then on update the
 * strategy's clearing of fields the new type does not use.
 */
function prepareService(svc: KObject, old: KObject | undefined, clusterVersion: number): void {
  const causes = initServiceIPFamilies(svc, old, clusterVersion);
  if (causes.length > 0) throw invalid(svc.kind ?? 'Service', svc.metadata.name ?? '', causes);
  if (!old) return;
  dropTypeDependentFields(svc, old);
  dropUnneededNodePorts(svc, old);
}

/**
 * Does what the namespace registry's PrepareForCreate and PrepareForUpdate
 * do: a new namespace is Active with the `kubernetes` finalizer, and from
 * 1.21 every namespace carries the `kubernetes.io/metadata.name` label with its name.
 */
function prepareNamespace(obj: KObject, op: 'create' | 'update', clusterVersion: number): void {
  if (op === 'create') {
    obj.status = { phase: 'Active' };
    const finalizers: string[] = Array.isArray(obj.spec?.finalizers) ? obj.spec.finalizers : [];
    obj.spec = { ...obj.spec, finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'] };
  }
  if (clusterVersion >= 121) obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
}
