import { describe, expect, it } from 'vitest';
import { admit } from '../../src/api/admission.js';
import { ApiError, formatCause } from '../../src/api/errors.js';
import type { KObject } from '../../src/api/types.js';
import { context, stored, updateError } from './update/admit-helpers.js';

function newService(spec: Record<string, unknown>, annotations?: Record<string, string>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', ...(annotations ? { annotations } : {}) },
    spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec },
  };
}

/** Returns the causes admission reports for a created Service, as `field: message` lines. */
function causesOf(svc: KObject): string[] {
  try {
    admit(context, 'services', svc, undefined, 'create');
  } catch (err) {
    if (err instanceof ApiError) return err.causes.map(formatCause);
    throw err;
  }
  return [];
}

const IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const CIDR_MESSAGE = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
const LB_ONLY = "may only be used when `type` is 'LoadBalancer'";
const QUALIFIED =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const SOURCE_RANGES = 'service.beta.kubernetes.io/load-balancer-source-ranges';

describe('Service traffic fields', () => {
  it.each<[string, KObject, string[]]>([
    ['an external IP that is no address', newService({ externalIPs: ['1.2.3'] }), [`spec.externalIPs[0]: Invalid value: "1.2.3": ${IP_MESSAGE}`]],
    ['a loopback external IP', newService({ externalIPs: ['127.0.0.1'] }), ['spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['source ranges on a ClusterIP Service', newService({ loadBalancerSourceRanges: ['10.0.0.0/8'] }), [`spec.LoadBalancerSourceRanges: Forbidden: ${LB_ONLY}`]],
    [
      'a source range without a prefix length',
      newService({ type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8', ' 192.168.0.0 '] }),
      [`spec.LoadBalancerSourceRanges[1]: Invalid value: "192.168.0.0": ${CIDR_MESSAGE}`],
    ],
    [
      'a bad source-ranges annotation',
      newService({ type: 'LoadBalancer' }, { [SOURCE_RANGES]: '10.0.0.0/8, nope' }),
      [`metadata.annotations[${SOURCE_RANGES}]: Invalid value: "nope": ${CIDR_MESSAGE}`],
    ],
    [
      'allocateLoadBalancerNodePorts on a NodePort Service',
      newService({ type: 'NodePort', allocateLoadBalancerNodePorts: false }),
      [`spec.allocateLoadBalancerNodePorts: Forbidden: ${LB_ONLY}`],
    ],
    ['loadBalancerClass on a ClusterIP Service', newService({ loadBalancerClass: 'example.com/lb' }), [`spec.loadBalancerClass: Forbidden: ${LB_ONLY}`]],
    [
      'a loadBalancerClass with two slashes',
      newService({ type: 'LoadBalancer', loadBalancerClass: 'a/b/c' }),
      [`spec.loadBalancerClass: Invalid value: "a/b/c": a qualified name ${QUALIFIED} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ],
    [
      'externalTrafficPolicy on a ClusterIP Service',
      newService({ externalTrafficPolicy: 'Local' }),
      ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    ],
    [
      'an unknown externalTrafficPolicy',
      newService({ type: 'NodePort', externalTrafficPolicy: 'Global' }),
      ['spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"'],
    ],
    [
      'healthCheckNodePort without policy Local',
      newService({ type: 'LoadBalancer', healthCheckNodePort: 30500 }),
      ["spec.healthCheckNodePort: Invalid value: 30500: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"],
    ],
    [
      'policy Local without the health check node port the allocator sets',
      newService({ type: 'LoadBalancer', externalTrafficPolicy: 'Local' }),
      ['spec.healthCheckNodePort: Required value'],
    ],
    [
      'a health check node port above 65535',
      newService({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 70000 }),
      ['spec.healthCheckNodePort: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ],
    [
      'an unknown internalTrafficPolicy',
      newService({ internalTrafficPolicy: 'Node' }),
      ['spec.internalTrafficPolicy: Unsupported value: "Node": supported values: "Cluster", "Local"'],
    ],
    ['an unknown trafficDistribution', newService({ trafficDistribution: 'Nearest' }), ['spec.trafficDistribution: Unsupported value: "Nearest": supported values: "PreferClose"']],
    ['an appProtocol with a space', newService({ ports: [{ port: 80, appProtocol: 'my proto' }] }), [`spec.ports[0].appProtocol: Invalid value: "my proto": name part ${QUALIFIED}`]],
    [
      'an empty appProtocol',
      newService({ ports: [{ port: 80, appProtocol: '' }] }),
      ['spec.ports[0].appProtocol: Invalid value: "": name part must be non-empty', `spec.ports[0].appProtocol: Invalid value: "": name part ${QUALIFIED}`],
    ],
    [
      'a ClientIP timeout above a day',
      newService({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } }),
      ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400'],
    ],
    [
      'topology annotations that disagree',
      newService({}, { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'Disabled' }),
      ['metadata.annotations[service.kubernetes.io/topology-mode]: Invalid value: "Auto": must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified'],
    ],
  ])('rejects %s', (_name, svc, expected) => {
    expect(causesOf(svc)).toEqual(expected);
  });

  it('reports causes in the API server order', () => {
    const svc = newService({
      type: 'ClusterIP',
      externalIPs: ['0.0.0.0'],
      externalTrafficPolicy: 'Global',
      loadBalancerSourceRanges: ['x'],
      ports: [{ port: 80, appProtocol: 'a b' }],
    });
    expect(causesOf(svc)).toEqual([
      `spec.ports[0].appProtocol: Invalid value: "a b": name part ${QUALIFIED}`,
      'spec.externalIPs[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)',
      `spec.LoadBalancerSourceRanges: Forbidden: ${LB_ONLY}`,
      `spec.LoadBalancerSourceRanges[0]: Invalid value: "x": ${CIDR_MESSAGE}`,
      'spec.externalTrafficPolicy: Unsupported value: "Global": supported values: "Cluster", "Local"',
    ]);
  });

  it.each<[string, KObject]>([
    ['external IPs on a ClusterIP Service', newService({ externalIPs: ['192.168.10.5'] })],
    ['a LoadBalancer with policy Local', newService({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30500, loadBalancerSourceRanges: ['10.0.0.0/8'] })],
    ['a prefixed appProtocol', newService({ ports: [{ port: 80, appProtocol: 'kubernetes.io/h2c' }] })],
    ['a loadBalancerClass', newService({ type: 'LoadBalancer', loadBalancerClass: 'example.com/internal' })],
  ])('accepts %s', (_name, svc) => {
    expect(causesOf(svc)).toEqual([]);
  });

  it('defaults the traffic fields by type', () => {
    const lb = newService({ type: 'LoadBalancer', sessionAffinity: 'ClientIP' });
    const external = newService({ externalIPs: ['192.168.10.5'] });
    admit(context, 'services', lb, undefined, 'create');
    admit(context, 'services', external, undefined, 'create');
    expect([lb.spec.externalTrafficPolicy, lb.spec.internalTrafficPolicy, lb.spec.allocateLoadBalancerNodePorts, lb.spec.sessionAffinityConfig]).toEqual([
      'Cluster',
      'Cluster',
      true,
      { clientIP: { timeoutSeconds: 10800 } },
    ]);
    expect(external.spec.externalTrafficPolicy).toBe('Cluster');
  });
});

describe('Service traffic fields on update', () => {
  const service = (spec: Record<string, unknown>) => stored('services', { ...newService(spec), metadata: { name: 'web', namespace: 'default' } });

  it('drops NodePort defaults on a move to ClusterIP', () => {
    const old = service({ type: 'NodePort' });
    const obj = structuredClone(old);
    obj.spec.type = 'ClusterIP';
    admit(context, 'services', obj, old, 'update');
    expect('externalTrafficPolicy' in obj.spec).toBe(false);
  });

  it('drops LoadBalancer fields when the type leaves LoadBalancer', () => {
    const old = service({ type: 'LoadBalancer', loadBalancerClass: 'example.com/lb' });
    const obj = structuredClone(old);
    obj.spec.type = 'NodePort';
    admit(context, 'services', obj, old, 'update');
    expect(['allocateLoadBalancerNodePorts', 'loadBalancerClass'].filter((k) => k in obj.spec)).toEqual([]);
  });

  it('rejects a changed loadBalancerClass', () => {
    const old = service({ type: 'LoadBalancer', loadBalancerClass: 'example.com/a' });
    expect(updateError('services', old, (o) => (o.spec.loadBalancerClass = 'example.com/b'))).toBe(
      'The Service "web" is invalid: spec.loadBalancerClass: Invalid value: "example.com/b": may not change once set',
    );
  });

  it('rejects a changed healthCheckNodePort', () => {
    const old = service({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30500 });
    expect(updateError('services', old, (o) => (o.spec.healthCheckNodePort = 30501))).toBe(
      'The Service "web" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable',
    );
  });

  it('keeps the healthCheckNodePort an update leaves out', () => {
    const old = service({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 30500 });
    expect(updateError('services', old, (o) => delete o.spec.healthCheckNodePort)).toBe('accepted');
  });
});
