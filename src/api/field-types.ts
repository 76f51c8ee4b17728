/**
 * Field types of the commonly written parts of manifests, checked the way the
 * API server's JSON decoder does before defaulting and validation. A value of
 * the wrong JSON type fails with encoding/json's message (for example
 * `json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string`)
 * instead of reaching code that expects the right type.
 */
import { ApiError } from './errors.js';

type FieldType =
  | { t: 'string' | 'int32' | 'int64' | 'bool'; go: string }
  /** intstr.IntOrString: a JSON string, or else what decodes into its int32. */
  | { t: 'intOrString'; go: string }
  | { t: 'struct'; name: string; go: string; fields: Record<string, FieldType> }
  | { t: 'list'; of: FieldType; go: string }
  | { t: 'map'; go: string }
  | { t: 'quantities'; go: string };

const STR: FieldType = { t: 'string', go: 'string' };
const INT32: FieldType = { t: 'int32', go: 'int32' };
const INT64: FieldType = { t: 'int64', go: 'int64' };
const BOOL: FieldType = { t: 'bool', go: 'bool' };
const INT_OR_STRING: FieldType = { t: 'intOrString', go: 'int32' };
const STR_MAP: FieldType = { t: 'map', go: 'map[string]string' };
const STR_LIST: FieldType = { t: 'list', of: STR, go: '[]string' };
const QUANTITIES: FieldType = { t: 'quantities', go: 'v1.ResourceList' };
const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

function struct(name: string, pkg: string, fields: Record<string, FieldType>): FieldType {
  return { t: 'struct', name, go: `${pkg}.${name}`, fields };
}

function list(of: FieldType & { go: string }): FieldType {
  return { t: 'list', of, go: `[]${of.go}` };
}

const OBJECT_META = struct('ObjectMeta', 'v1', { name: STR, generateName: STR, namespace: STR, labels: STR_MAP, annotations: STR_MAP });
const ENV_VAR = struct('EnvVar', 'v1', { name: STR, value: STR });
const CONTAINER_PORT = struct('ContainerPort', 'v1', { name: STR, containerPort: INT32, hostPort: INT32, protocol: STR });
const CONTAINER = struct('Container', 'v1', {
  name: STR,
  image: STR,
  imagePullPolicy: STR,
  command: STR_LIST,
  args: STR_LIST,
  workingDir: STR,
  env: list(ENV_VAR),
  ports: list(CONTAINER_PORT),
  resources: struct('ResourceRequirements', 'v1', { limits: QUANTITIES, requests: QUANTITIES }),
});
const POD_SPEC = struct('PodSpec', 'v1', {
  containers: list(CONTAINER),
  initContainers: list(CONTAINER),
  restartPolicy: STR,
  nodeName: STR,
  nodeSelector: STR_MAP,
  serviceAccountName: STR,
  hostname: STR,
  hostNetwork: BOOL,
  terminationGracePeriodSeconds: INT64,
});
const POD_TEMPLATE = struct('PodTemplateSpec', 'v1', { metadata: OBJECT_META, spec: POD_SPEC });
const LABEL_SELECTOR = struct('LabelSelector', 'v1', { matchLabels: STR_MAP });
const WORKLOAD_FIELDS = { replicas: INT32, minReadySeconds: INT32, revisionHistoryLimit: INT32, selector: LABEL_SELECTOR, template: POD_TEMPLATE };
const JOB_SPEC = struct('JobSpec', 'v1', { parallelism: INT32, completions: INT32, backoffLimit: INT32, activeDeadlineSeconds: INT64, selector: LABEL_SELECTOR, template: POD_TEMPLATE });
const SERVICE_PORT = struct('ServicePort', 'v1', { name: STR, protocol: STR, port: INT32, targetPort: INT_OR_STRING, nodePort: INT32 });

const INGRESS_BACKEND = struct('IngressBackend', 'v1', {
  service: struct('IngressServiceBackend', 'v1', { name: STR, port: struct('ServiceBackendPort', 'v1', { name: STR, number: INT32 }) }),
});
const INGRESS_PATH = struct('HTTPIngressPath', 'v1', { path: STR, pathType: STR, backend: INGRESS_BACKEND });
const INGRESS_RULE = struct('IngressRule', 'v1', { host: STR, http: struct('HTTPIngressRuleValue', 'v1', { paths: list(INGRESS_PATH) }) });

/** Top-level fields per kind; kinds not listed are checked for metadata only. */
const SPECS: Record<string, Record<string, FieldType>> = {
  Pod: { spec: POD_SPEC },
  Deployment: { spec: struct('DeploymentSpec', 'v1', { ...WORKLOAD_FIELDS, progressDeadlineSeconds: INT32, paused: BOOL }) },
  ReplicaSet: { spec: struct('ReplicaSetSpec', 'v1', WORKLOAD_FIELDS) },
  ReplicationController: { spec: struct('ReplicationControllerSpec', 'v1', { replicas: INT32, minReadySeconds: INT32, selector: STR_MAP, template: POD_TEMPLATE }) },
  DaemonSet: { spec: struct('DaemonSetSpec', 'v1', { minReadySeconds: INT32, revisionHistoryLimit: INT32, selector: LABEL_SELECTOR, template: POD_TEMPLATE }) },
  StatefulSet: { spec: struct('StatefulSetSpec', 'v1', { ...WORKLOAD_FIELDS, serviceName: STR }) },
  Job: { spec: JOB_SPEC },
  CronJob: {
    spec: struct('CronJobSpec', 'v1', {
      schedule: STR,
      timeZone: STR,
      suspend: BOOL,
      successfulJobsHistoryLimit: INT32,
      failedJobsHistoryLimit: INT32,
      jobTemplate: struct('JobTemplateSpec', 'v1', { metadata: OBJECT_META, spec: JOB_SPEC }),
    }),
  },
  Service: { spec: struct('ServiceSpec', 'v1', { type: STR, selector: STR_MAP, ports: list(SERVICE_PORT), clusterIP: STR }) },
  ConfigMap: { data: STR_MAP },
  PriorityClass: { value: INT32, globalDefault: BOOL, description: STR, preemptionPolicy: STR },
  ResourceQuota: { spec: struct('ResourceQuotaSpec', 'v1', { hard: QUANTITIES, scopes: STR_LIST }) },
  PodDisruptionBudget: { spec: struct('PodDisruptionBudgetSpec', 'v1', { minAvailable: INT_OR_STRING, maxUnavailable: INT_OR_STRING, selector: LABEL_SELECTOR, unhealthyPodEvictionPolicy: STR }) },
  Ingress: { spec: struct('IngressSpec', 'v1', { ingressClassName: STR, rules: list(INGRESS_RULE) }) },
};

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/** Returns encoding/json's message for the first mistyped field under `value`, if any. */
function check(value: unknown, type: FieldType, owner: string, path: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const mismatch = (detail = jsonType(value)) => `json: cannot unmarshal ${detail} into Go struct field ${owner}.${path} of type ${type.go}`;
  switch (type.t) {
    case 'string':
      return typeof value === 'string' ? undefined : mismatch();
    case 'bool':
      return typeof value === 'boolean' ? undefined : mismatch();
    case 'intOrString':
      if (typeof value === 'string') return undefined;
      return check(value, INT32, owner, path);
    case 'int32':
    case 'int64': {
      if (typeof value !== 'number') return mismatch();
      const limit = type.t === 'int32' ? 2 ** 31 : 2 ** 63;
      return Number.isInteger(value) && value >= -limit && value < limit ? undefined : mismatch(`number ${value}`);
    }
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) return mismatch();
      for (const v of Object.values(value as Record<string, unknown>)) {
        if (typeof v !== 'string' && v !== null) return `json: cannot unmarshal ${jsonType(v)} into Go struct field ${owner}.${path} of type string`;
      }
      return undefined;
    case 'quantities':
      if (typeof value !== 'object' || Array.isArray(value)) return mismatch();
      for (const v of Object.values(value as Record<string, unknown>)) {
        if (v !== null && !QUANTITY.test(String(v))) return `quantities must match the regular expression '${QUANTITY.source}'`;
      }
      return undefined;
    case 'list':
      if (!Array.isArray(value)) return mismatch();
      for (const item of value) {
        const inner = check(item, type.of, owner, path);
        if (inner) return inner;
      }
      return undefined;
    case 'struct':
      if (typeof value !== 'object' || Array.isArray(value)) return mismatch();
      for (const [key, fieldType] of Object.entries(type.fields)) {
        const inner = check((value as Record<string, unknown>)[key], fieldType, type.name, path ? `${path}.${key}` : key);
        if (inner) return inner;
      }
      return undefined;
  }
}

/**
 * Rejects a manifest whose common fields have the wrong JSON type, with the
 * API server's BadRequest wording (`Pod in version "v1" cannot be handled as a Pod: ...`).
 */
export function checkFieldTypes(doc: Record<string, unknown>, kind: string, apiVersion: string): void {
  const top = struct(kind, 'v1', { metadata: OBJECT_META, ...(SPECS[kind] ?? {}) });
  let message: string | undefined;
  for (const [key, fieldType] of Object.entries((top as { fields: Record<string, FieldType> }).fields)) {
    message = check(doc[key], fieldType, kind, key);
    if (message) break;
  }
  if (!message) return;
  const version = apiVersion.split('/').pop();
  throw new ApiError('BadRequest', 400, `${kind} in version "${version}" cannot be handled as a ${kind}: ${message}`);
}
