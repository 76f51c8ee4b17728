/**
 * The API server's write path for every caller: namespace checks, generated
 * fields (Job selectors), defaulting, validation and immutable fields.
 */
import type { KObject } from './types.js';
import { invalid, notFound, type FieldCause } from './errors.js';
import { applyDefaults } from './defaults.js';
import { validateObject } from './validation.js';
import { findResource } from './registry.js';

export interface AdmissionContext {
  clusterVersion: number;
  namespaceExists(name: string): boolean;
  /** Checks that need code above the api layer (a CronJob's schedule), wired in by the engine. */
  validateMore?(resource: string, obj: KObject): FieldCause[];
}

/** Annotation that carries a converted manifest's original apiVersion to defaulting. */
export const LEGACY_VERSION_ANNOTATION = 'kubesim.io/legacy-api-version';

const SELECTOR_IMMUTABLE = new Set(['deployments', 'replicasets', 'daemonsets', 'statefulsets']);

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

export function admit(ctx: AdmissionContext, resource: string, obj: KObject, old: KObject | undefined, op: 'create' | 'update' | 'delete'): void {
  if (op === 'delete') return;
  const info = findResource(resource);
  if (info?.namespaced) {
    obj.metadata.namespace ||= 'default';
    if (op === 'create' && !ctx.namespaceExists(obj.metadata.namespace)) throw notFound('namespaces', obj.metadata.namespace);
  } else if (info) {
    delete obj.metadata.namespace;
  }
  if (op === 'create' && resource === 'jobs') generateJobSelector(obj, ctx.clusterVersion);
  const legacy = obj.metadata.annotations?.[LEGACY_VERSION_ANNOTATION];
  if (legacy) {
    delete obj.metadata.annotations![LEGACY_VERSION_ANNOTATION];
    if (Object.keys(obj.metadata.annotations!).length === 0) delete obj.metadata.annotations;
  }
  applyDefaults(resource, obj, legacy);
  const causes: FieldCause[] = validateObject(resource, obj);
  if (ctx.validateMore) causes.push(...ctx.validateMore(resource, obj));
  if (op === 'update' && old && SELECTOR_IMMUTABLE.has(resource) && JSON.stringify(old.spec?.selector) !== JSON.stringify(obj.spec?.selector)) {
    causes.push({ field: 'spec.selector', type: 'Invalid value', value: obj.spec?.selector, hasValue: true, detail: 'field is immutable' });
  }
  if (causes.length > 0) throw invalid(obj.kind ?? info?.kind ?? resource, obj.metadata.name ?? '', causes);
}
