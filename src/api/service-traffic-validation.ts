/**
 * The parts of Service validation about traffic from outside the cluster:
 * external IPs, load balancer fields, traffic policies and the health check
 * node port (ValidateService in kubernetes pkg/apis/core/validation, 1.32).
 * The file also has the update rules for the load balancer class and the
 * health check node port, and the update strategy's clearing of fields a
 * new type does not use (dropTypeDependentFields in
 * pkg/registry/core/service/strategy.go).
 */
import type { KObject } from './types.js';
import { invalidValue, required, unsupportedValue, type FieldCause } from './errors.js';
import { cidrErrors, ipAddressErrors, nonSpecialIPErrors } from './ip-address.js';
import { portNumberErrors, qualifiedNameErrors } from './name-validation.js';

/** The annotation that held loadBalancerSourceRanges before the field existed. */
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const LOAD_BALANCER_ONLY = "may only be used when `type` is 'LoadBalancer'";

/** Supported values, sorted as the API server lists them. */
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const TRAFFIC_DISTRIBUTIONS = ['PreferClose'];

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Reports whether a Service is a NodePort or LoadBalancer one, or a ClusterIP one with external IPs (ExternallyAccessible). */
export function isExternallyAccessible(spec: any): boolean {
  if (spec?.type === 'NodePort' || spec?.type === 'LoadBalancer') return true;
  return spec?.type === 'ClusterIP' && list(spec.externalIPs).length > 0;
}

/** Reports whether a Service is a LoadBalancer one with externalTrafficPolicy Local (NeedsHealthCheck). */
export function needsHealthCheck(spec: any): boolean {
  return spec?.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

/** Checks that each of spec.externalIPs is a valid address that is not unspecified, loopback or link-local. */
export function validateExternalIPs(spec: any, clusterVersion: number): FieldCause[] {
  return list(spec.externalIPs).flatMap((ip, i) => {
    const field = `spec.externalIPs[${i}]`;
    const causes = ipAddressErrors(field, String(ip), clusterVersion);
    return causes.length > 0 ? causes : nonSpecialIPErrors(field, String(ip));
  });
}

/**
 * Checks loadBalancerSourceRanges, or the older annotation when the field is
 * empty. The API server spells the field path with a capital L.
 */
function validateSourceRanges(svc: KObject): FieldCause[] {
  const spec = svc.spec;
  const causes: FieldCause[] = [];
  const ranges = list(spec.loadBalancerSourceRanges);
  const annotations = svc.metadata.annotations ?? {};
  if (ranges.length > 0) {
    const field = 'spec.LoadBalancerSourceRanges';
    if (spec.type !== 'LoadBalancer') causes.push({ field, type: 'Forbidden', detail: LOAD_BALANCER_ONLY });
    // Values may carry spaces, a leftover of the annotation's format.
    ranges.forEach((range, i) => causes.push(...cidrErrors(`${field}[${i}]`, String(range).trim())));
  } else if (SOURCE_RANGES_ANNOTATION in annotations) {
    const field = `metadata.annotations[${SOURCE_RANGES_ANNOTATION}]`;
    if (spec.type !== 'LoadBalancer') causes.push({ field, type: 'Forbidden', detail: LOAD_BALANCER_ONLY });
    const value = String(annotations[SOURCE_RANGES_ANNOTATION]).trim();
    if (value !== '') {
      for (const range of value.split(',')) causes.push(...cidrErrors(field, range.trim()));
    }
  }
  return causes;
}

function validateLoadBalancerClass(spec: any): FieldCause[] {
  if (!isSet(spec.loadBalancerClass)) return [];
  if (spec.type !== 'LoadBalancer') return [{ field: 'spec.loadBalancerClass', type: 'Forbidden', detail: LOAD_BALANCER_ONLY }];
  const value = String(spec.loadBalancerClass);
  return qualifiedNameErrors(value).map((message) => invalidValue('spec.loadBalancerClass', value, message));
}

/**
 * Checks externalTrafficPolicy against the type, and healthCheckNodePort
 * against the need for one. The allocator, which runs first, fills in a
 * needed port and rejects one outside 30000-32767.
 */
function validateExternalTrafficPolicy(spec: any): FieldCause[] {
  const causes: FieldCause[] = [];
  const policy = spec.externalTrafficPolicy ?? '';
  if (!isExternallyAccessible(spec)) {
    if (policy !== '') causes.push(invalidValue('spec.externalTrafficPolicy', policy, 'may only be set for externally-accessible services'));
  } else if (policy === '') {
    causes.push(required('spec.externalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(policy)) {
    causes.push(unsupportedValue('spec.externalTrafficPolicy', policy, TRAFFIC_POLICIES));
  }

  const healthCheckNodePort = spec.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(spec)) {
    if (healthCheckNodePort !== 0) {
      causes.push(invalidValue('spec.healthCheckNodePort', healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (healthCheckNodePort === 0) {
    causes.push(required('spec.healthCheckNodePort'));
  } else {
    const port = typeof healthCheckNodePort === 'number' ? healthCheckNodePort : 0;
    for (const message of portNumberErrors(port)) causes.push(invalidValue('spec.healthCheckNodePort', port, message));
  }
  return causes;
}

function validateInternalTrafficPolicy(spec: any): FieldCause[] {
  const policy = spec.internalTrafficPolicy;
  if (!isSet(policy)) {
    // Other types may omit it: the API server did not check them before the field went beta.
    return ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type) ? [required('spec.internalTrafficPolicy')] : [];
  }
  return TRAFFIC_POLICIES.includes(policy) ? [] : [unsupportedValue('spec.internalTrafficPolicy', policy, TRAFFIC_POLICIES)];
}

/**
 * Returns the causes ValidateService reports after the repeated-port checks:
 * source ranges, allocateLoadBalancerNodePorts, loadBalancerClass, the
 * traffic policies and trafficDistribution.
 */
export function validateTrafficFields(svc: KObject): FieldCause[] {
  const spec = svc.spec;
  const causes = validateSourceRanges(svc);

  if (isSet(spec.allocateLoadBalancerNodePorts) && spec.type !== 'LoadBalancer') {
    causes.push({ field: 'spec.allocateLoadBalancerNodePorts', type: 'Forbidden', detail: LOAD_BALANCER_ONLY });
  }
  // The API server names this field without its `spec.` prefix.
  if (spec.type === 'LoadBalancer' && !isSet(spec.allocateLoadBalancerNodePorts)) causes.push(required('allocateLoadBalancerNodePorts'));

  causes.push(...validateLoadBalancerClass(spec));
  causes.push(...validateExternalTrafficPolicy(spec));
  causes.push(...validateInternalTrafficPolicy(spec));

  if (isSet(spec.trafficDistribution) && spec.trafficDistribution !== 'PreferClose') {
    causes.push(unsupportedValue('spec.trafficDistribution', spec.trafficDistribution, TRAFFIC_DISTRIBUTIONS));
  }
  return causes;
}

/**
 * Checks the update rules of ValidateServiceUpdate after the cluster IP
 * rules: a LoadBalancer Service keeps its loadBalancerClass, and one that
 * needs a health check node port keeps that port.
 */
export function validateTrafficFieldsUpdate(obj: KObject, old: KObject): FieldCause[] {
  const spec = obj.spec ?? {};
  const oldSpec = old.spec ?? {};
  const causes: FieldCause[] = [];
  if (spec.type === 'LoadBalancer' && oldSpec.type === 'LoadBalancer' && (spec.loadBalancerClass ?? null) !== (oldSpec.loadBalancerClass ?? null)) {
    causes.push(invalidValue('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'));
  }
  if (needsHealthCheck(spec) && needsHealthCheck(oldSpec) && (spec.healthCheckNodePort ?? 0) !== (oldSpec.healthCheckNodePort ?? 0)) {
    causes.push({ field: 'spec.healthCheckNodePort', type: 'Forbidden', detail: 'field is immutable' });
  }
  return causes;
}

/**
 * Prepares a Service update as the REST strategy does: an omitted health
 * check node port keeps the allocated one, and fields the new type does not
 * use are cleared when the update left them as they were. Those are the
 * cluster IPs and IP families (leaving for ExternalName), the health check
 * node port, allocateLoadBalancerNodePorts and loadBalancerClass (leaving
 * LoadBalancer) and externalTrafficPolicy. Node ports are cleared by
 * dropUnneededNodePorts.
 */
export function dropTypeDependentFields(svc: KObject, old: KObject): void {
  const spec = svc.spec;
  const oldSpec = old.spec;
  if (!spec || typeof spec !== 'object' || !oldSpec) return;

  if (needsHealthCheck(spec) && needsHealthCheck(oldSpec) && !spec.healthCheckNodePort && oldSpec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }

  if (oldSpec.type !== 'ExternalName' && spec.type === 'ExternalName') {
    if (spec.clusterIP === oldSpec.clusterIP && sameList(spec.clusterIPs, oldSpec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameList(spec.ipFamilies, oldSpec.ipFamilies)) delete spec.ipFamilies;
    if ((spec.ipFamilyPolicy ?? '') === (oldSpec.ipFamilyPolicy ?? '')) delete spec.ipFamilyPolicy;
  }
  if (needsHealthCheck(oldSpec) && !needsHealthCheck(spec) && spec.healthCheckNodePort === oldSpec.healthCheckNodePort) {
    delete spec.healthCheckNodePort;
  }
  if (oldSpec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (isSet(spec.allocateLoadBalancerNodePorts) && spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if ((spec.loadBalancerClass ?? null) === (oldSpec.loadBalancerClass ?? null)) delete spec.loadBalancerClass;
  }
  if (isExternallyAccessible(oldSpec) && !isExternallyAccessible(spec) && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
}

function sameList(a: unknown, b: unknown): boolean {
  const x = list(a);
  const y = list(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
