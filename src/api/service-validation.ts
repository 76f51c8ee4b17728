/**
 * Service validation as the API server runs it on create and update. It
 * follows ValidateService and validateServicePort in kubernetes
 * pkg/apis/core/validation/validation.go (1.32) and reports causes in their
 * order. The update strategy's clearing of unneeded node ports is here too.
 */
import type { KObject } from './types.js';
import { invalidValue, required, unsupportedValue, type FieldCause } from './errors.js';
import { dns1123LabelErrors, dns1123SubdomainErrors, portNameErrors, portNumberErrors, qualifiedNameErrors, validateLabels } from './name-validation.js';
import { validateClusterIPsRelatedFields, validateLegacyClusterIP } from './service-ip-families.js';
import { validateExternalIPs, validateTrafficFields } from './service-traffic-validation.js';

/** Supported values, sorted as the API server lists them. */
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];

/** ClientIP affinity lasts at most a day (core.MaxClientIPServiceAffinitySeconds). */
const MAX_AFFINITY_SECONDS = 86400;

const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';

// The address allocator (src/network/service-ipam.ts) runs before this
// validation, as on a real server. It rejects a clusterIP outside the
// Service network or in use, and a node port outside 30000-32767 or in use.
// From Kubernetes 1.20 the allocator step also checks cluster IPs and IP
// families first (service-ip-families.ts); before 1.20 only spec.clusterIP
// is checked, here.

function isHeadless(spec: any): boolean {
  const ips = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0 ? spec.clusterIPs : [spec.clusterIP];
  return ips[0] === 'None';
}

function needsNodePorts(spec: any): boolean {
  return spec?.type === 'NodePort' || spec?.type === 'LoadBalancer';
}

function portNumber(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** Validates one entry of spec.ports: name, port, protocol, then targetPort. */
function validateServicePort(p: any, requireName: boolean, names: Set<string>, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const name = typeof p?.name === 'string' ? p.name : '';
  if (requireName && name === '') causes.push(required(`${field}.name`));
  else if (name !== '') {
    for (const message of dns1123LabelErrors(name)) causes.push(invalidValue(`${field}.name`, name, message));
    if (names.has(name)) causes.push({ field: `${field}.name`, type: 'Duplicate value', value: name, hasValue: true });
    else names.add(name);
  }

  const port = portNumber(p?.port);
  for (const message of portNumberErrors(port)) causes.push(invalidValue(`${field}.port`, port, message));

  if (!p?.protocol) causes.push(required(`${field}.protocol`));
  else if (!PORT_PROTOCOLS.includes(p.protocol)) causes.push(unsupportedValue(`${field}.protocol`, p.protocol, PORT_PROTOCOLS));

  const target = p?.targetPort;
  if (typeof target === 'string') {
    for (const message of portNameErrors(target)) causes.push(invalidValue(`${field}.targetPort`, target, message));
  } else {
    const targetNumber = portNumber(target);
    for (const message of portNumberErrors(targetNumber)) causes.push(invalidValue(`${field}.targetPort`, targetNumber, message));
  }

  if (p?.appProtocol !== undefined && p?.appProtocol !== null) {
    const appProtocol = String(p.appProtocol);
    for (const message of qualifiedNameErrors(appProtocol)) causes.push(invalidValue(`${field}.appProtocol`, appProtocol, message));
  }
  return causes;
}

/** Checks the session affinity of a ClientIP Service. Defaulting fills a missing timeout with 10800 seconds. */
function validateClientIPAffinityConfig(config: any): FieldCause[] {
  const detail = 'when session affinity type is ClientIP';
  const field = 'spec.sessionAffinityConfig';
  if (!config) return [required(field, detail)];
  if (!config.clientIP) return [required(`${field}.clientIP`, detail)];
  const timeout = config.clientIP.timeoutSeconds;
  if (timeout === undefined || timeout === null) return [required(`${field}.clientIP.timeoutSeconds`, detail)];
  if (typeof timeout !== 'number' || timeout <= 0 || timeout > MAX_AFFINITY_SECONDS) {
    return [invalidValue(`${field}.clientIP.timeoutSeconds`, timeout, `must be greater than 0 and less than ${MAX_AFFINITY_SECONDS}`)];
  }
  return [];
}

/** Checks that the topology-mode annotation agrees with the deprecated topology-aware-hints one when both are set. */
function validateTopologyAnnotations(svc: KObject): FieldCause[] {
  const annotations = svc.metadata.annotations ?? {};
  if (!(TOPOLOGY_MODE_ANNOTATION in annotations) || !(TOPOLOGY_HINTS_ANNOTATION in annotations)) return [];
  const mode = annotations[TOPOLOGY_MODE_ANNOTATION];
  if (mode === annotations[TOPOLOGY_HINTS_ANNOTATION]) return [];
  return [invalidValue(`metadata.annotations[${TOPOLOGY_MODE_ANNOTATION}]`, mode, `must match annotations[${TOPOLOGY_HINTS_ANNOTATION}] when both are specified`)];
}

/** Returns the Forbidden causes for address fields an ExternalName Service may not have. */
function validateExternalNameAddresses(spec: any): FieldCause[] {
  const causes: FieldCause[] = [];
  const forbidden = (field: string): FieldCause => ({ field, type: 'Forbidden', detail: 'may not be set for ExternalName services' });
  if (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0) causes.push(forbidden('spec.clusterIPs'));
  if (Array.isArray(spec.ipFamilies) && spec.ipFamilies.length > 0) causes.push(forbidden('spec.ipFamilies'));
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) causes.push(forbidden('spec.ipFamilyPolicy'));
  return causes;
}

/**
 * Renders the (protocol, port) key of a repeated Service port as Go's `%#v`
 * prints the internal core.ServicePort struct, the way the API server shows
 * it. The struct has had an AppProtocol field since Kubernetes 1.18.
 */
function servicePortKeyText(protocol: unknown, port: number, clusterVersion: number): string {
  const quotedProtocol = JSON.stringify(typeof protocol === 'string' ? protocol : '');
  const appProtocol = clusterVersion >= 118 ? ' AppProtocol:(*string)(nil),' : '';
  return `core.ServicePort{Name:"", Protocol:${quotedProtocol},${appProtocol} Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

/**
 * Finds the ports that repeat the (protocol, number) pair of an earlier port,
 * where `numberOf` picks port or nodePort. Ports whose number is 0 are left
 * out when `skipZero` is set, as unset node ports are.
 */
function repeatedPorts(ports: any[], numberOf: (p: any) => number, skipZero: boolean): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  ports.forEach((p, i) => {
    const n = numberOf(p);
    if (skipZero && n === 0) return;
    const key = `${p?.protocol ?? ''}/${n}`;
    if (seen.has(key)) repeated.push(i);
    seen.add(key);
  });
  return repeated;
}

/** Returns the causes ValidateService finds in a defaulted Service, after its metadata causes. */
export function validateService(svc: KObject, clusterVersion: number): FieldCause[] {
  const spec = svc.spec ?? {};
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const causes = validateTopologyAnnotations(svc);

  if (ports.length === 0 && !isHeadless(spec) && spec.type !== 'ExternalName') causes.push(required('spec.ports'));
  if (needsNodePorts(spec) && isHeadless(spec)) {
    causes.push(invalidValue('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`));
  } else if (spec.type === 'ExternalName') {
    if (clusterVersion >= 120) causes.push(...validateExternalNameAddresses(spec));
    const cname = typeof spec.externalName === 'string' ? spec.externalName.replace(/\.$/, '') : '';
    if (cname === '') causes.push(required('spec.externalName'));
    else for (const message of dns1123SubdomainErrors(cname)) causes.push(invalidValue('spec.externalName', cname, message));
  }

  const names = new Set<string>();
  ports.forEach((p, i) => causes.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));

  if (spec.selector !== undefined && spec.selector !== null) causes.push(...validateLabels(spec.selector, 'spec.selector'));

  if (!spec.sessionAffinity) causes.push(required('spec.sessionAffinity'));
  else if (!SESSION_AFFINITIES.includes(spec.sessionAffinity)) causes.push(unsupportedValue('spec.sessionAffinity', spec.sessionAffinity, SESSION_AFFINITIES));
  if (spec.sessionAffinity === 'ClientIP') causes.push(...validateClientIPAffinityConfig(spec.sessionAffinityConfig));
  else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    causes.push({ field: 'spec.sessionAffinityConfig', type: 'Forbidden', detail: 'must not be set when session affinity is None' });
  }

  causes.push(...(clusterVersion >= 120 ? validateClusterIPsRelatedFields(spec, clusterVersion) : validateLegacyClusterIP(spec)));
  causes.push(...validateExternalIPs(spec, clusterVersion));

  if (!spec.type) causes.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(spec.type)) causes.push(unsupportedValue('spec.type', spec.type, SERVICE_TYPES));

  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (portNumber(p?.nodePort) !== 0) causes.push({ field: `spec.ports[${i}].nodePort`, type: 'Forbidden', detail: "may not be used when `type` is 'ClusterIP'" });
    });
  }

  // On a real server the address allocator runs before validation, so it
  // rejects a repeated nodePort of a NodePort or LoadBalancer Service first
  // ("provided port is already allocated"). kubesim's allocator does the same.
  if (!needsNodePorts(spec)) {
    for (const i of repeatedPorts(ports, (p) => portNumber(p?.nodePort), true)) {
      causes.push({ field: `spec.ports[${i}].nodePort`, type: 'Duplicate value', value: ports[i].nodePort, hasValue: true });
    }
  }
  for (const i of repeatedPorts(ports, (p) => portNumber(p?.port), false)) {
    const p = ports[i];
    causes.push({ field: `spec.ports[${i}]`, type: 'Duplicate value', hasValue: true, valueText: servicePortKeyText(p?.protocol, portNumber(p?.port), clusterVersion) });
  }

  causes.push(...validateTrafficFields(svc));
  return causes;
}

/**
 * Clears the node ports of a Service whose update moves it from NodePort or
 * LoadBalancer to a type without node ports, unless the update adds a node
 * port the stored Service did not have (dropTypeDependentFields in the
 * Service REST strategy). Port objects are replaced, not changed, because
 * they may be shared with the stored object.
 */
export function dropUnneededNodePorts(svc: KObject, old: KObject): void {
  const ports = svc.spec?.ports;
  if (!Array.isArray(ports) || !needsNodePorts(old.spec) || needsNodePorts(svc.spec)) return;
  const oldNodePorts = new Set((old.spec.ports ?? []).map((p: any) => p?.nodePort).filter(Boolean));
  if (!ports.every((p: any) => !p?.nodePort || oldNodePorts.has(p.nodePort))) return;
  svc.spec.ports = ports.map((p: any) => {
    if (!p || typeof p !== 'object' || !('nodePort' in p)) return p;
    const { nodePort: _dropped, ...rest } = p;
    return rest;
  });
}
