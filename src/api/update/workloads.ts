/**
 * Update rules of the workload controllers' objects, from the API server's
 * apps and batch validation (kubernetes pkg/apis/apps/validation and
 * pkg/apis/batch/validation): immutable selectors, the StatefulSet spec
 * fields that may change, and the Job fields fixed at creation.
 */
import type { KObject } from '../types.js';
import type { FieldCause } from '../errors.js';
import { semanticEqual } from './semantic-equal.js';
import { goLabelSelector, printsGoSyntax } from '../go-syntax.js';

/** apimachinery's FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE = 'field is immutable';

/** Returns the cause ValidateImmutableField reports for a changed field (`<field>: Invalid value: <new value>: field is immutable`), or none. */
export function immutableField(field: string, value: unknown, oldValue: unknown): FieldCause[] {
  if (semanticEqual(value, oldValue)) return [];
  return [{ field, type: 'Invalid value', value: value ?? null, hasValue: true, detail: FIELD_IMMUTABLE }];
}

/** Deployments, ReplicaSets and DaemonSets in apps/v1 keep the selector they were created with. */
export function validateSelectorUpdate(obj: KObject, old: KObject, clusterVersion: number): FieldCause[] {
  return selectorUpdate(obj.spec?.selector, old.spec?.selector, clusterVersion);
}

/** Runs immutableField on a LabelSelector, whose value the API server prints in Go syntax before 1.34. */
function selectorUpdate(selector: unknown, oldSelector: unknown, clusterVersion: number): FieldCause[] {
  const causes = immutableField('spec.selector', selector, oldSelector);
  if (!printsGoSyntax(clusterVersion)) return causes;
  return causes.map((c) => ({ ...c, valueText: goLabelSelector(selector) }));
}

/**
 * The detail of ValidateStatefulSetUpdate's Forbidden cause on `spec`
 * (the 1.27 to 1.32 wording, read in a stored copy of that era's source).
 */
export const STATEFULSET_UPDATE_MESSAGE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/** The StatefulSet spec fields an update may change. */
const STATEFULSET_UPDATABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

// TODO(api): clusters older than 1.27 get the 1.32 wording. Older servers
// listed fewer fields ('replicas', 'template', and 'updateStrategy'), but
// their exact text per release is not yet read from the sources.
/** Rejects a StatefulSet update that changes a spec field other than the updatable ones. */
export function validateStatefulSetUpdate(obj: KObject, old: KObject): FieldCause[] {
  if (obj.spec === old.spec) return [];
  const spec = { ...(obj.spec ?? {}) };
  for (const key of STATEFULSET_UPDATABLE) spec[key] = old.spec?.[key];
  if (semanticEqual(spec, old.spec ?? {})) return [];
  return [{ field: 'spec', type: 'Forbidden', detail: STATEFULSET_UPDATE_MESSAGE }];
}

/**
 * Returns the stored template with the new one's scheduling directives
 * (node affinity, nodeSelector, tolerations, labels, annotations, scheduling
 * gates), which a suspended Job that never started may change. The Job
 * strategy's AllowMutableSchedulingDirectives option allows the same.
 */
function templateToCompare(template: any, oldTemplate: any): any {
  const old = structuredClone(oldTemplate ?? {});
  old.spec ??= {};
  old.metadata ??= {};
  const affinity = template?.spec?.affinity;
  if (!affinity && old.spec.affinity) {
    delete old.spec.affinity.nodeAffinity;
    if (Object.keys(old.spec.affinity).length === 0) delete old.spec.affinity;
  } else if (affinity && !old.spec.affinity) {
    old.spec.affinity = { nodeAffinity: affinity.nodeAffinity };
  } else if (affinity) {
    old.spec.affinity.nodeAffinity = affinity.nodeAffinity;
  }
  old.spec.nodeSelector = template?.spec?.nodeSelector;
  old.spec.tolerations = template?.spec?.tolerations;
  old.spec.schedulingGates = template?.spec?.schedulingGates;
  old.metadata.annotations = template?.metadata?.annotations;
  old.metadata.labels = template?.metadata?.labels;
  return old;
}

/**
 * Checks `completions`: fixed, except that an Indexed Job may change it
 * together with parallelism (elastic Indexed Jobs, on by default since 1.27).
 */
function checkCompletions(spec: any, oldSpec: any, clusterVersion: number): FieldCause[] {
  const indexed = spec.completionMode === 'Indexed';
  if (!indexed || clusterVersion < 127) return immutableField('spec.completions', spec.completions, oldSpec.completions);
  if (spec.completions === oldSpec.completions || spec.completions === undefined || spec.completions === null) return [];
  if (spec.completions === spec.parallelism) return [];
  return [{ field: 'spec.completions', type: 'Invalid value', value: spec.completions, hasValue: true, detail: 'can only be modified in tandem with spec.parallelism' }];
}

/** Rejects a Job update that changes what ValidateJobSpecUpdate keeps fixed, in its order. */
export function validateJobUpdate(obj: KObject, old: KObject, clusterVersion: number): FieldCause[] {
  if (obj.spec === old.spec) return [];
  const spec = obj.spec ?? {};
  const oldSpec = old.spec ?? {};
  const schedulingMutable = oldSpec.suspend === true && !old.status?.startTime;
  const oldTemplate = schedulingMutable ? templateToCompare(spec.template, oldSpec.template) : oldSpec.template;
  return [
    ...checkCompletions(spec, oldSpec, clusterVersion),
    ...selectorUpdate(spec.selector, oldSpec.selector, clusterVersion),
    ...immutableField('spec.template', spec.template, oldTemplate),
    ...immutableField('spec.completionMode', spec.completionMode, oldSpec.completionMode),
    ...immutableField('spec.podFailurePolicy', spec.podFailurePolicy, oldSpec.podFailurePolicy),
    ...immutableField('spec.backoffLimitPerIndex', spec.backoffLimitPerIndex, oldSpec.backoffLimitPerIndex),
    ...immutableField('spec.managedBy', spec.managedBy, oldSpec.managedBy),
    ...immutableField('spec.successPolicy', spec.successPolicy, oldSpec.successPolicy),
  ];
}
