/**
 * Validation with the API server's field paths and messages
 * (k8s.io/apimachinery validation and pkg/apis/<group>/validation).
 */
import { cronSyntaxError } from './cron-syntax.js';
import type { KObject } from './types.js';
import { invalidValue, required, type FieldCause } from './errors.js';
import { goStringMap, printsGoSyntax } from './go-syntax.js';
import { validateWorkloadSelector } from './selector-validation.js';
import { dns1035LabelErrors, isDns1123Label, isDns1123Subdomain, LABEL_MESSAGE, SUBDOMAIN_MESSAGE, validateLabels } from './name-validation.js';
import { validateService } from './service-validation.js';
import { validateInitContainers, type ContainerListCheck } from './init-container-validation.js';
import { validateContainers, validateSecurityContextIds, validateVolumes } from './container-validation.js';
import { validateDeploymentSpec } from './deployment-validation.js';
import { PATH_SEGMENT_NAMED, pathSegmentNameErrors, validateBuiltin } from './builtin-validation.js';

/** Kinds whose names must be DNS-1123 labels rather than subdomains; a Service's name is a DNS-1035 label. */
const LABEL_NAMED = new Set(['namespaces', 'statefulsets', 'cronjobs']);

function validateMeta(resource: string, obj: KObject): FieldCause[] {
  const causes: FieldCause[] = [];
  const name = obj.metadata?.name;
  if (!name) {
    causes.push(required('metadata.name', 'name or generateName is required'));
  } else if (resource === 'services') {
    for (const message of dns1035LabelErrors(name)) causes.push(invalidValue('metadata.name', name, message));
  } else if (PATH_SEGMENT_NAMED.has(resource)) {
    for (const message of pathSegmentNameErrors(name)) causes.push(invalidValue('metadata.name', name, message));
  } else if (LABEL_NAMED.has(resource) ? !isDns1123Label(name) : !isDns1123Subdomain(name)) {
    causes.push(invalidValue('metadata.name', name, LABEL_NAMED.has(resource) ? LABEL_MESSAGE : SUBDOMAIN_MESSAGE));
  }
  causes.push(...validateLabels(obj.metadata?.labels, 'metadata.labels'));
  return causes;
}

/**
 * Checks a pod spec. `claimNames` are a StatefulSet's volumeClaimTemplates,
 * whose names its containers may mount as well as its volumes.
 */
function validatePodSpec(spec: any, field: string, clusterVersion: number, allowedRestart?: string[], claimNames: string[] = []): FieldCause[] {
  if (!spec || typeof spec !== 'object') return [required(`${field}.containers`)];
  const grace = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined;
  const volumes = validateVolumes(spec.volumes, `${field}.volumes`);
  for (const name of claimNames) volumes.names.add(name);
  const causes = volumes.causes;
  causes.push(...validateContainers(spec.containers, `${field}.containers`, { clusterVersion, grace, volumes: volumes.names }));
  const checkInitContainers: ContainerListCheck = (list, at, version) => validateContainers(list, at, { clusterVersion: version, volumes: volumes.names });
  causes.push(...validateInitContainers(spec, `${field}.initContainers`, clusterVersion, checkInitContainers));
  const allowed = allowedRestart ?? ['Always', 'OnFailure', 'Never'];
  if (spec.restartPolicy === undefined || spec.restartPolicy === '') {
    if (allowedRestart) causes.push(required(`${field}.restartPolicy`, `valid values: ${allowed.map((v) => `"${v}"`).join(', ')}`));
  } else if (!allowed.includes(spec.restartPolicy)) {
    causes.push({
      field: `${field}.restartPolicy`,
      type: 'Unsupported value',
      value: spec.restartPolicy,
      hasValue: true,
      detail: `supported values: ${allowed.map((v) => `"${v}"`).join(', ')}`,
    });
  }
  causes.push(...validateSecurityContextIds(spec.securityContext, `${field}.securityContext`, ['fsGroup', 'runAsUser', 'runAsGroup']));
  return causes;
}

/** Checks a workload's pod template: its pod spec, whose restartPolicy may only be Always. */
function validateWorkloadTemplate(spec: any, clusterVersion: number): FieldCause[] {
  // NOTE: a 1.32 API server checks only the labels and annotations of a
  // StatefulSet's template (ValidatePodTemplateSpecForStatefulSet), so
  // kubesim's pod spec checks of a StatefulSet template are stricter.
  const claims: unknown[] = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
  const claimNames = claims.map((claim: any) => claim?.metadata?.name).filter((name): name is string => typeof name === 'string');
  const causes = validatePodSpec(spec.template?.spec, 'spec.template.spec', clusterVersion, undefined, claimNames);
  if (spec.template?.spec?.restartPolicy && spec.template.spec.restartPolicy !== 'Always') {
    causes.push({
      field: 'spec.template.spec.restartPolicy',
      type: 'Unsupported value',
      value: spec.template.spec.restartPolicy,
      hasValue: true,
      detail: 'supported values: "Always"',
    });
  }
  return causes;
}

function validateReplicas(value: unknown, field: string): FieldCause[] {
  if (value === undefined) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) return [invalidValue(field, value, 'must be an integer')];
  if (value < 0) return [invalidValue(field, value, 'must be greater than or equal to 0')];
  if (value > 2147483647) return [invalidValue(field, value, 'must be less than or equal to 2147483647')];
  return [];
}

/**
 * Returns the validation causes for an object of `resource`; empty when valid.
 * `clusterVersion` (1.32 is 132) selects messages that changed between releases.
 */
export function validateObject(resource: string, obj: KObject, clusterVersion = 132): FieldCause[] {
  const causes = validateMeta(resource, obj);
  const spec = obj.spec;
  switch (resource) {
    case 'pods':
      causes.push(...validatePodSpec(spec, 'spec', clusterVersion));
      break;
    case 'replicasets':
    case 'deployments':
    case 'daemonsets':
    case 'statefulsets': {
      if (!spec) {
        causes.push(required('spec.selector'));
        break;
      }
      causes.push(...validateReplicas(spec.replicas, 'spec.replicas'));
      const selector = validateWorkloadSelector(resource, spec, clusterVersion);
      causes.push(...selector.causes);
      if (selector.checkTemplate) causes.push(...validateWorkloadTemplate(spec, clusterVersion));
      if (resource === 'deployments') causes.push(...validateDeploymentSpec(spec, clusterVersion));
      break;
    }
    case 'replicationcontrollers': {
      causes.push(...validateReplicas(spec?.replicas, 'spec.replicas'));
      const labels = spec?.template?.metadata?.labels ?? {};
      const sel = spec?.selector ?? {};
      if (Object.keys(sel).length === 0) causes.push(required('spec.selector'));
      else if (!Object.entries(sel).every(([k, v]) => labels[k] === v)) {
        const cause = invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`');
        if (printsGoSyntax(clusterVersion)) cause.valueText = goStringMap(spec?.template?.metadata?.labels);
        causes.push(cause);
      }
      causes.push(...validatePodSpec(spec?.template?.spec, 'spec.template.spec', clusterVersion));
      break;
    }
    case 'jobs':
      causes.push(...validateJobSpec(spec, 'spec', clusterVersion));
      break;
    case 'cronjobs':
      if (!spec?.schedule) causes.push(required('spec.schedule'));
      else {
        const scheduleError = cronSyntaxError(String(spec.schedule));
        if (scheduleError) causes.push(invalidValue('spec.schedule', spec.schedule, scheduleError));
      }
      causes.push(...validateJobSpec(spec?.jobTemplate?.spec, 'spec.jobTemplate.spec', clusterVersion));
      break;
    case 'services':
      causes.push(...validateService(obj, clusterVersion));
      break;
    case 'horizontalpodautoscalers':
      if (!spec?.scaleTargetRef?.name) causes.push(required('spec.scaleTargetRef.name'));
      if (typeof spec?.maxReplicas !== 'number' || spec.maxReplicas < 1) causes.push(invalidValue('spec.maxReplicas', spec?.maxReplicas ?? 0, 'must be greater than or equal to 1'));
      if (typeof spec?.minReplicas === 'number' && spec.minReplicas < 1) causes.push(invalidValue('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
      if (typeof spec?.minReplicas === 'number' && typeof spec?.maxReplicas === 'number' && spec.minReplicas > spec.maxReplicas) {
        causes.push(invalidValue('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
      }
      break;
    default:
      causes.push(...validateBuiltin(resource, obj, clusterVersion));
  }
  return causes;
}

function validateJobSpec(spec: any, field: string, clusterVersion: number): FieldCause[] {
  if (!spec) return [required(`${field}.template`)];
  const causes: FieldCause[] = [];
  for (const k of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished']) {
    const v = spec[k];
    if (v !== undefined && v !== null && (typeof v !== 'number' || v < 0)) causes.push(invalidValue(`${field}.${k}`, v, 'must be greater than or equal to 0'));
  }
  causes.push(...validatePodSpec(spec.template?.spec, `${field}.template.spec`, clusterVersion, ['OnFailure', 'Never']));
  return causes;
}
