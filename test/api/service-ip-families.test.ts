import { describe, expect, it } from 'vitest';
import { admit } from '../../src/api/admission.js';
import { ApiError, formatCause } from '../../src/api/errors.js';
import { initServiceIPFamilies } from '../../src/api/service-ip-families.js';
import { validateService } from '../../src/api/service-validation.js';
import type { KObject } from '../../src/api/types.js';
import { context, deepFreeze, stored, updateError } from './update/admit-helpers.js';

function newService(spec: Record<string, unknown>): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } };
}

/** Returns admission's message for a created Service, or 'accepted'. */
function createError(spec: Record<string, unknown>, clusterVersion = 132): string {
  try {
    admit({ ...context, clusterVersion }, 'services', newService(spec), undefined, 'create');
  } catch (err) {
    if (err instanceof ApiError) return err.message;
    throw err;
  }
  return 'accepted';
}

/** Returns the spec admission stores for a created Service. */
function admittedSpec(spec: Record<string, unknown>): any {
  const svc = newService(spec);
  admit(context, 'services', svc, undefined, 'create');
  return svc.spec;
}

/** Returns the allocator step's causes for a Service, without the rest of admission. */
function causesOf(spec: Record<string, unknown>, old?: Record<string, unknown>, clusterVersion = 132): string[] {
  return initServiceIPFamilies(newService(spec), old && newService(old), clusterVersion).map(formatCause);
}

const INVALID = 'The Service "web" is invalid: ';
const IP_MESSAGE = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

describe('Service IP families on create', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an IPv6 family', { ipFamilies: ['IPv6'] }, 'spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster'],
    ['RequireDualStack', { ipFamilyPolicy: 'RequireDualStack' }, 'spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services'],
    [
      'an unknown policy',
      { ipFamilyPolicy: 'DualStack' },
      'spec.ipFamilyPolicy: Unsupported value: "DualStack": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"',
    ],
    ['a lowercase family', { ipFamilies: ['ipv4'] }, 'spec.ipFamilies[0]: Unsupported value: "ipv4": supported values: "IPv4", "IPv6"'],
    ['a repeated family', { ipFamilies: ['IPv4', 'IPv4'] }, 'spec.ipFamilies[1]: Duplicate value: "IPv4"'],
    ['an address that is no IP', { clusterIP: '10.96.0' }, `spec.clusterIPs[0]: Invalid value: "10.96.0": ${IP_MESSAGE}`],
    ['an IPv6 cluster IP', { clusterIP: 'fd00::10' }, 'spec.clusterIPs[0]: Invalid value: []string{"fd00::10"}: IPv6 is not configured on this cluster'],
    [
      'clusterIPs that disagree with clusterIP',
      { clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.51'] },
      'spec.clusterIPs: Invalid value: []string{"10.96.0.51"}: first value must match `clusterIP`',
    ],
    [
      'clusterIPs without clusterIP',
      { clusterIPs: ['10.96.0.50'] },
      'spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: must be empty when `clusterIP` is not specified',
    ],
    [
      'two IPv4 cluster IPs',
      { ipFamilyPolicy: 'PreferDualStack', clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.50', '10.96.0.51'] },
      'spec.clusterIPs: Invalid value: []string{"10.96.0.50", "10.96.0.51"}: may specify no more than one IP for each IP family',
    ],
    [
      "'None' beside an address",
      { clusterIP: 'None', clusterIPs: ['None', '10.96.0.51'] },
      `spec.clusterIPs: Invalid value: []string{"None", "10.96.0.51"}: 'None' must be the first and only value`,
    ],
  ])('rejects %s', (_name, spec, cause) => {
    expect(createError(spec)).toBe(INVALID + cause);
  });

  it('rejects a dual-stack pair under SingleStack with both causes', () => {
    expect(createError({ clusterIP: '10.96.0.50', clusterIPs: ['10.96.0.50', 'fd00::50'] })).toBe(
      `${INVALID}\n` +
        "* spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified\n" +
        '* spec.clusterIPs[1]: Invalid value: []string{"10.96.0.50", "fd00::50"}: IPv6 is not configured on this cluster',
    );
  });

  it('reports family causes alone, before other fields', () => {
    expect(createError({ ipFamilies: ['IPv6'], ports: [{ port: 99999 }] })).toBe(`${INVALID}spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster`);
  });

  it('defaults a Service to SingleStack IPv4', () => {
    const spec = admittedSpec({});
    expect([spec.ipFamilyPolicy, spec.ipFamilies]).toEqual(['SingleStack', ['IPv4']]);
  });

  it('keeps PreferDualStack on a single-stack cluster', () => {
    const spec = admittedSpec({ ipFamilyPolicy: 'PreferDualStack' });
    expect([spec.ipFamilyPolicy, spec.ipFamilies]).toEqual(['PreferDualStack', ['IPv4']]);
  });

  it('gives a selectorless headless Service both families', () => {
    const spec = admittedSpec({ clusterIP: 'None', selector: undefined });
    expect([spec.ipFamilyPolicy, spec.ipFamilies, spec.clusterIPs]).toEqual(['RequireDualStack', ['IPv4', 'IPv6'], ['None']]);
  });

  it('gives a headless Service with a selector one family', () => {
    const spec = admittedSpec({ clusterIP: 'None' });
    expect([spec.ipFamilyPolicy, spec.ipFamilies]).toEqual(['SingleStack', ['IPv4']]);
  });

  it('sets no families on an ExternalName Service', () => {
    const spec = admittedSpec({ type: 'ExternalName', externalName: 'db.example.com', ports: undefined });
    expect(spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', selector: { app: 'web' }, sessionAffinity: 'None' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a policy', { ipFamilyPolicy: 'SingleStack' }, 'spec.ipFamilyPolicy'],
    ['families', { ipFamilies: ['IPv4'] }, 'spec.ipFamilies'],
    ['a cluster IP', { clusterIP: '10.96.0.9' }, 'spec.clusterIPs'],
  ])('forbids %s on an ExternalName Service', (_name, spec, field) => {
    expect(createError({ type: 'ExternalName', externalName: 'db.example.com', ...spec })).toBe(`${INVALID}${field}: Forbidden: may not be set for ExternalName services`);
  });
});

describe('Service IP families on update', () => {
  const clusterIP = () =>
    stored('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }, (o) => {
      o.spec.clusterIP = '10.96.0.20';
      o.spec.clusterIPs = ['10.96.0.20'];
    });

  it('keeps the families of a replaced Service', () => {
    const old = clusterIP();
    const obj = structuredClone(old);
    delete obj.spec.ipFamilies;
    delete obj.spec.ipFamilyPolicy;
    delete obj.spec.clusterIP;
    delete obj.spec.clusterIPs;
    admit(context, 'services', obj, old, 'update');
    expect([obj.spec.clusterIP, obj.spec.clusterIPs, obj.spec.ipFamilyPolicy, obj.spec.ipFamilies]).toEqual(['10.96.0.20', ['10.96.0.20'], 'SingleStack', ['IPv4']]);
  });

  it('rejects a change to RequireDualStack', () => {
    expect(updateError('services', clusterIP(), (o) => (o.spec.ipFamilyPolicy = 'RequireDualStack'))).toBe(
      `${INVALID}spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services`,
    );
  });

  it('clears the addresses of a Service that becomes ExternalName', () => {
    const old = clusterIP();
    const obj = structuredClone(old);
    obj.spec.type = 'ExternalName';
    obj.spec.externalName = 'db.example.com';
    admit(context, 'services', obj, old, 'update');
    expect(['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'].filter((k) => k in obj.spec)).toEqual([]);
  });
});

describe('Service IP families on a label update', () => {
  it('leaves a frozen stored spec alone', () => {
    const old = deepFreeze(stored('services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } }));
    const obj = { ...old, metadata: { ...old.metadata, labels: { tier: 'db' } } };
    admit(context, 'services', obj, old, 'update');
    expect(obj.spec).toBe(old.spec);
  });
});

describe('initServiceIPFamilies on create', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a word', { clusterIP: 'abc' }, [`spec.clusterIPs[0]: Invalid value: "abc": ${IP_MESSAGE}`]],
    ['a CIDR', { clusterIP: '10.96.0.0/12' }, [`spec.clusterIPs[0]: Invalid value: "10.96.0.0/12": ${IP_MESSAGE}`]],
    [
      'three addresses',
      { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5', 'fd00::1', 'x'] },
      [`spec.clusterIPs[2]: Invalid value: "x": ${IP_MESSAGE}`, 'spec.clusterIPs: Invalid value: []string{"10.96.0.5", "fd00::1", "x"}: may only hold up to 2 values'],
    ],
    [
      'an address of another family than ipFamilies',
      { clusterIP: '10.96.0.5', ipFamilies: ['IPv6'] },
      ['spec.clusterIPs[0]: Invalid value: "10.96.0.5": expected an IPv6 value as indicated by `ipFamilies[0]`'],
    ],
    ['an unknown family', { ipFamilies: ['IPv5'] }, ['spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"']],
    [
      'two families with a single-stack policy',
      { ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] },
      ["spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"],
    ],
  ])('rejects %s', (_name, spec, causes) => {
    expect(causesOf(spec)).toEqual(causes);
  });

  it.each<[string, Record<string, unknown>]>([
    ['no address', {}],
    ['an address in IPv4', { clusterIP: '10.96.0.5' }],
    ['an IPv4 octet with leading zeros', { clusterIP: '010.96.0.5' }],
    ['matching address fields', { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' }],
    ['a headless Service', { clusterIP: 'None' }],
    ['a selectorless headless Service, which may ask for dual stack', { clusterIP: 'None', selector: undefined, ipFamilyPolicy: 'RequireDualStack' }],
    ['a preferred dual stack', { ipFamilyPolicy: 'PreferDualStack' }],
    ['an ExternalName Service, which has no cluster IP', { type: 'ExternalName', externalName: 'example.com', clusterIP: 'abc' }],
  ])('accepts %s', (_name, spec) => {
    expect(causesOf(spec)).toEqual([]);
  });

  it('prints list values as JSON from 1.34', () => {
    expect(causesOf({ clusterIP: 'fd00::1' }, undefined, 134)).toEqual(['spec.clusterIPs[0]: Invalid value: ["fd00::1"]: IPv6 is not configured on this cluster']);
  });
});

describe('cluster IPs before 1.20', () => {
  it('leaves the address to ValidateService, which checks spec.clusterIP alone', () => {
    expect(causesOf({ clusterIP: 'abc' }, undefined, 115)).toEqual([]);
    const svc = newService({ clusterIP: 'abc', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' });
    expect(validateService(svc, 115).map(formatCause)).toEqual(["spec.clusterIP: Invalid value: \"abc\": must be empty, 'None', or a valid IP address"]);
  });

  it('reports a bad address through admission', () => {
    expect(createError({ clusterIP: '10.96.0' }, 115)).toBe(`${INVALID}spec.clusterIP: Invalid value: "10.96.0": must be empty, 'None', or a valid IP address`);
  });

  it('checks no families', () => {
    expect(createError({ clusterIP: '10.96.0.50', ipFamilyPolicy: 'RequireDualStack' }, 115)).toBe('accepted');
  });
});

describe('initServiceIPFamilies on update', () => {
  const storedSpec = { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' };

  it('checks a changed clusterIP as the new list', () => {
    expect(causesOf({ clusterIP: 'x.y' }, storedSpec)).toEqual([`spec.clusterIPs[0]: Invalid value: "x.y": ${IP_MESSAGE}`]);
    expect(causesOf({ clusterIP: 'x.y', clusterIPs: ['10.96.0.5'] }, storedSpec)).toEqual([`spec.clusterIPs[0]: Invalid value: "x.y": ${IP_MESSAGE}`]);
  });

  it('keeps omitted addresses', () => {
    expect(causesOf({}, storedSpec)).toEqual([]);
  });

  it('takes the stored family policy when omitted', () => {
    expect(causesOf({ clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5', 'fd00::5'] }, storedSpec)).toEqual([
      "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
      'spec.clusterIPs[1]: Invalid value: []string{"10.96.0.5", "fd00::5"}: IPv6 is not configured on this cluster',
    ]);
  });
});
