/**
 * Validation with the API server's field paths and messages
 * (k8s.io/apimachinery validation and pkg/apis/<group>/validation).
 */
import { cronSyntaxError } from './cron-syntax.js';
import type { KObject } from './types.js';
import type { FieldCause } from './errors.js';
import { fromLabelSelector, matches } from './selectors.js';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_NAME_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/** Kinds whose names must be DNS-1123 labels rather than subdomains. */
const LABEL_NAMED = new Set(['services', 'namespaces', 'statefulsets', 'cronjobs']);

function required(field: string, detail?: string): FieldCause {
  return { field, type: 'Required value', detail };
}

function invalidValue(field: string, value: unknown, detail: string): FieldCause {
  return { field, type: 'Invalid value', value, hasValue: true, detail };
}

export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}

export function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}

/** Validates a label key (`prefix/name`) and returns its causes. */
export function validateLabelKey(key: string, field: string): FieldCause[] {
  const slash = key.indexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : '';
  const causes: FieldCause[] = [];
  if (slash >= 0 && (!prefix || !isDns1123Subdomain(prefix))) causes.push(invalidValue(field, key, `prefix part ${SUBDOMAIN_MESSAGE}`));
  if (!name) causes.push(invalidValue(field, key, 'name part must be non-empty'));
  else if (name.length > 63) causes.push(invalidValue(field, key, 'name part must be no more than 63 characters'));
  else if (!QUALIFIED_NAME.test(name)) causes.push(invalidValue(field, key, QUALIFIED_NAME_MESSAGE));
  return causes;
}

/** Label keys and values found valid before: every write of an object checks its labels again. */
const validLabelKeys = new Set<string>();
const validLabelValues = new Set<string>();

/** Strings remembered per set before it is emptied. */
const MAX_REMEMBERED = 10_000;

function remember(set: Set<string>, s: string): void {
  if (set.size >= MAX_REMEMBERED) set.clear();
  set.add(s);
}

export function validateLabels(labels: Record<string, unknown> | undefined, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const map = labels ?? {};
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = map[k];
    if (!validLabelKeys.has(k)) {
      const keyCauses = validateLabelKey(k, field);
      if (keyCauses.length === 0) remember(validLabelKeys, k);
      else causes.push(...keyCauses);
    }
    if (typeof v !== 'string') causes.push(invalidValue(`${field}`, v, 'label values must be strings'));
    else if (validLabelValues.has(v)) continue;
    else if (v.length > 63) causes.push(invalidValue(field, v, 'must be no more than 63 characters'));
    else if (!LABEL_VALUE.test(v)) causes.push(invalidValue(field, v, LABEL_VALUE_MESSAGE));
    else remember(validLabelValues, v);
  }
  return causes;
}

function validateMeta(resource: string, obj: KObject): FieldCause[] {
  const causes: FieldCause[] = [];
  const name = obj.metadata?.name;
  if (!name) {
    causes.push(required('metadata.name', 'name or generateName is required'));
  } else if (LABEL_NAMED.has(resource) ? !isDns1123Label(name) : !isDns1123Subdomain(name)) {
    causes.push(invalidValue('metadata.name', name, LABEL_NAMED.has(resource) ? LABEL_MESSAGE : SUBDOMAIN_MESSAGE));
  }
  causes.push(...validateLabels(obj.metadata?.labels, 'metadata.labels'));
  return causes;
}

function validateContainers(containers: any, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  if (!Array.isArray(containers) || containers.length === 0) return [required(field)];
  const names = new Set<string>();
  containers.forEach((c: any, i: number) => {
    const f = `${field}[${i}]`;
    if (!c || typeof c !== 'object') {
      causes.push(required(`${f}.name`));
      return;
    }
    if (!c.name) causes.push(required(`${f}.name`));
    else if (!isDns1123Label(c.name)) causes.push(invalidValue(`${f}.name`, c.name, LABEL_MESSAGE));
    else if (names.has(c.name)) causes.push({ field: `${f}.name`, type: 'Duplicate value', value: c.name, hasValue: true });
    names.add(c.name);
    if (!c.image || typeof c.image !== 'string' || !c.image.trim()) causes.push(required(`${f}.image`));
    for (const [j, e] of (Array.isArray(c.env) ? c.env : []).entries()) {
      if (!e?.name) causes.push(required(`${f}.env[${j}].name`));
    }
    for (const [j, p] of (c.ports ?? []).entries()) {
      const port = p?.containerPort;
      if (typeof port !== 'number' || port < 1 || port > 65535 || !Number.isInteger(port)) {
        causes.push(invalidValue(`${f}.ports[${j}].containerPort`, port ?? 0, 'must be between 1 and 65535, inclusive'));
      }
    }
  });
  return causes;
}

function validatePodSpec(spec: any, field: string, allowedRestart?: string[]): FieldCause[] {
  if (!spec || typeof spec !== 'object') return [required(`${field}.containers`)];
  const causes = validateContainers(spec.containers, `${field}.containers`);
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
  return causes;
}

function validateReplicas(value: unknown, field: string): FieldCause[] {
  if (value === undefined) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) return [invalidValue(field, value, 'must be an integer')];
  if (value < 0) return [invalidValue(field, value, 'must be greater than or equal to 0')];
  if (value > 2147483647) return [invalidValue(field, value, 'must be less than or equal to 2147483647')];
  return [];
}

/** Checks that a workload's selector is present, non-empty and matches its template's labels. */
function validateSelectorAndTemplate(spec: any, requireSelector: boolean): FieldCause[] {
  const causes: FieldCause[] = [];
  const labels = spec.template?.metadata?.labels ?? {};
  if (!spec.selector) {
    if (requireSelector) causes.push(required('spec.selector'));
    causes.push(invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
    return causes;
  }
  const operators = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);
  for (const [i, e] of (Array.isArray(spec.selector.matchExpressions) ? spec.selector.matchExpressions : []).entries()) {
    if (!operators.has(e?.operator)) {
      causes.push(invalidValue(`spec.selector.matchExpressions[${i}].operator`, e?.operator ?? '', 'not a valid selector operator'));
    }
  }
  if (causes.length > 0) return causes;
  const sel = fromLabelSelector(spec.selector);
  if (!sel || sel.length === 0) {
    causes.push(invalidValue('spec.selector', spec.selector, 'empty selector is invalid for deployment'));
    return causes;
  }
  if (!matches(sel, labels)) causes.push(invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
  causes.push(...validateLabels(spec.template?.metadata?.labels, 'spec.template.metadata.labels'));
  return causes;
}

/** Returns the validation causes for an object of `resource`; empty when valid. */
export function validateObject(resource: string, obj: KObject): FieldCause[] {
  const causes = validateMeta(resource, obj);
  const spec = obj.spec;
  switch (resource) {
    case 'pods':
      causes.push(...validatePodSpec(spec, 'spec'));
      break;
    case 'replicasets':
    case 'deployments':
    case 'daemonsets':
    case 'statefulsets':
      if (!spec) {
        causes.push(required('spec.selector'));
        break;
      }
      causes.push(...validateReplicas(spec.replicas, 'spec.replicas'));
      causes.push(...validateSelectorAndTemplate(spec, true));
      causes.push(...validatePodSpec(spec.template?.spec, 'spec.template.spec'));
      if (spec.template?.spec?.restartPolicy && spec.template.spec.restartPolicy !== 'Always') {
        causes.push({
          field: 'spec.template.spec.restartPolicy',
          type: 'Unsupported value',
          value: spec.template.spec.restartPolicy,
          hasValue: true,
          detail: 'supported values: "Always"',
        });
      }
      break;
    case 'replicationcontrollers': {
      causes.push(...validateReplicas(spec?.replicas, 'spec.replicas'));
      const labels = spec?.template?.metadata?.labels ?? {};
      const sel = spec?.selector ?? {};
      if (Object.keys(sel).length === 0) causes.push(required('spec.selector'));
      else if (!Object.entries(sel).every(([k, v]) => labels[k] === v)) {
        causes.push(invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
      }
      causes.push(...validatePodSpec(spec?.template?.spec, 'spec.template.spec'));
      break;
    }
    case 'jobs':
      causes.push(...validateJobSpec(spec, 'spec'));
      break;
    case 'cronjobs':
      if (!spec?.schedule) causes.push(required('spec.schedule'));
      else {
        const scheduleError = cronSyntaxError(String(spec.schedule));
        if (scheduleError) causes.push(invalidValue('spec.schedule', spec.schedule, scheduleError));
      }
      causes.push(...validateJobSpec(spec?.jobTemplate?.spec, 'spec.jobTemplate.spec'));
      break;
    case 'services':
      for (const [i, p] of (spec?.ports ?? []).entries()) {
        if (typeof p?.port !== 'number' || p.port < 1 || p.port > 65535) {
          causes.push(invalidValue(`spec.ports[${i}].port`, p?.port ?? 0, 'must be between 1 and 65535, inclusive'));
        }
      }
      if (spec?.type && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(spec.type)) {
        causes.push({ field: 'spec.type', type: 'Unsupported value', value: spec.type, hasValue: true, detail: 'supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' });
      }
      break;
    case 'horizontalpodautoscalers':
      if (!spec?.scaleTargetRef?.name) causes.push(required('spec.scaleTargetRef.name'));
      if (typeof spec?.maxReplicas !== 'number' || spec.maxReplicas < 1) causes.push(invalidValue('spec.maxReplicas', spec?.maxReplicas ?? 0, 'must be greater than or equal to 1'));
      if (typeof spec?.minReplicas === 'number' && spec.minReplicas < 1) causes.push(invalidValue('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
      if (typeof spec?.minReplicas === 'number' && typeof spec?.maxReplicas === 'number' && spec.minReplicas > spec.maxReplicas) {
        causes.push(invalidValue('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
      }
      break;
  }
  return causes;
}

function validateJobSpec(spec: any, field: string): FieldCause[] {
  if (!spec) return [required(`${field}.template`)];
  const causes: FieldCause[] = [];
  for (const k of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished']) {
    const v = spec[k];
    if (v !== undefined && v !== null && (typeof v !== 'number' || v < 0)) causes.push(invalidValue(`${field}.${k}`, v, 'must be greater than or equal to 0'));
  }
  causes.push(...validatePodSpec(spec.template?.spec, `${field}.template.spec`, ['OnFailure', 'Never']));
  return causes;
}
