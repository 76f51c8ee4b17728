import { describe, expect, it } from 'vitest';
import { validateObject } from '../../src/api/validation.js';
import { applyDefaults } from '../../src/api/defaults.js';
import { formatCause } from '../../src/api/errors.js';

function causes(resource: string, obj: any): string[] {
  applyDefaults(resource, obj);
  return validateObject(resource, obj).map(formatCause);
}

const ingress = (spec: any) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec });
const path = (extra: any = {}) => ({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } }, ...extra });

describe('Ingress validation', () => {
  it('requires rules or a default backend', () => {
    expect(causes('ingresses', ingress({}))).toEqual(['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']);
  });

  it('accepts a wildcard host and refuses a malformed one', () => {
    expect(causes('ingresses', ingress({ rules: [{ host: '*.example.com', http: { paths: [path()] } }] }))).toEqual([]);
    expect(causes('ingresses', ingress({ rules: [{ host: 'a.*.com', http: { paths: [path()] } }] }))[0]).toMatch(
      /^spec\.rules\[0\]\.host: Invalid value: "a\.\*\.com": a wildcard DNS-1123 subdomain must start with '\*\.'/,
    );
  });

  it('refuses dot segments in an Exact path', () => {
    expect(causes('ingresses', ingress({ rules: [{ http: { paths: [path({ pathType: 'Exact', path: '/a/../b' })] } }] }))).toEqual([
      'spec.rules[0].http.paths[0].path: Invalid value: "/a/../b": must not contain \'/../\'',
    ]);
  });

  it('requires paths under http', () => {
    expect(causes('ingresses', ingress({ rules: [{ host: 'a.com', http: { paths: [] } }] }))).toEqual(['spec.rules[0].http.paths: Required value']);
  });

  it('refuses both a port name and number', () => {
    const backend = { service: { name: 'web', port: { name: 'http', number: 80 } } };
    expect(causes('ingresses', ingress({ defaultBackend: backend }))).toEqual(['spec.defaultBackend: Invalid value: "": cannot set both port name & port number']);
  });
});

describe('RBAC validation', () => {
  it('allows colons in names but not slashes', () => {
    const role = (name: string) => ({ kind: 'ClusterRole', metadata: { name }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] });
    expect(causes('clusterroles', role('system:controller:x'))).toEqual([]);
    expect(causes('clusterroles', role('a/b'))).toEqual(['metadata.name: Invalid value: "a/b": may not contain \'/\'']);
  });

  it('refuses non-resource URLs in a namespaced Role', () => {
    const role = { kind: 'Role', metadata: { name: 'r' }, rules: [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }] };
    expect(causes('roles', role)).toEqual(['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs']);
  });

  it('requires the namespace of a service account bound cluster-wide', () => {
    const crb = { kind: 'ClusterRoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'robot' }] };
    expect(causes('clusterrolebindings', crb)).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
    ]);
  });
});

describe('PriorityClass validation', () => {
  const pc = (name: string, value: number, extra: any = {}) => ({ kind: 'PriorityClass', metadata: { name }, value, ...extra });

  it('accepts the system classes only with their own values', () => {
    expect(causes('priorityclasses', pc('system-node-critical', 2000001000))).toEqual([]);
    expect(causes('priorityclasses', pc('system-node-critical', 5))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000",
    ]);
  });

  it('lists the preemption policies for an unknown one', () => {
    expect(causes('priorityclasses', pc('p', 1, { preemptionPolicy: 'Always' }))).toEqual([
      'preemptionPolicy: Unsupported value: "Always": supported values: "PreemptLowerPriority", "Never"',
    ]);
  });
});

describe('NetworkPolicy defaults and validation', () => {
  it('defaults policyTypes to Ingress when there are no egress rules', () => {
    const np: any = { kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: {} };
    expect(causes('networkpolicies', np)).toEqual([]);
    expect(np.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
  });

  it('refuses an unknown policy type', () => {
    const np = { kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { policyTypes: ['Both'] } };
    expect(causes('networkpolicies', np)).toEqual(['spec.policyTypes[0]: Unsupported value: "Both": supported values: "Ingress", "Egress"']);
  });
});
