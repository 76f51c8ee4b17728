/**
 * The address checks the Service storage makes before validation, with the
 * messages of Kubernetes 1.32 (ValidateServiceClusterIPsRelatedFields and
 * initIPFamilyFields) on a single-stack IPv4 cluster.
 */
import { describe, expect, it } from 'vitest';
import { formatCause } from '../../src/api/errors.js';
import { validateServiceClusterIPs } from '../../src/api/service-cluster-ips.js';
import { validateService } from '../../src/api/service-validation.js';
import type { KObject } from '../../src/api/types.js';

function newService(spec: Record<string, unknown>): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } };
}

function causesOf(spec: Record<string, unknown>, old?: Record<string, unknown>, clusterVersion = 132): string[] {
  return validateServiceClusterIPs(newService(spec), old && newService(old), clusterVersion).map(formatCause);
}

const INVALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

describe('validateServiceClusterIPs on create', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a word', { clusterIP: 'abc' }, [`spec.clusterIPs[0]: Invalid value: "abc": ${INVALID_IP}`]],
    ['three octets', { clusterIP: '10.96.0' }, [`spec.clusterIPs[0]: Invalid value: "10.96.0": ${INVALID_IP}`]],
    ['a CIDR', { clusterIP: '10.96.0.0/12' }, [`spec.clusterIPs[0]: Invalid value: "10.96.0.0/12": ${INVALID_IP}`]],
    ['an IPv6 address', { clusterIP: 'fd00::1' }, ['spec.clusterIPs[0]: Invalid value: []string{"fd00::1"}: IPv6 is not configured on this cluster']],
    [
      'clusterIPs that disagree with clusterIP',
      { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.6'] },
      ['spec.clusterIPs: Invalid value: []string{"10.96.0.6"}: first value must match `clusterIP`'],
    ],
    ['clusterIPs without clusterIP', { clusterIPs: ['10.96.0.6'] }, ['spec.clusterIPs: Invalid value: []string{"10.96.0.6"}: must be empty when `clusterIP` is not specified']],
    [
      'None before another address',
      { clusterIP: 'None', clusterIPs: ['None', '10.96.0.6'] },
      ['spec.clusterIPs: Invalid value: []string{"None", "10.96.0.6"}: \'None\' must be the first and only value'],
    ],
    [
      'three addresses',
      { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5', 'fd00::1', 'x'] },
      [`spec.clusterIPs[2]: Invalid value: "x": ${INVALID_IP}`, 'spec.clusterIPs: Invalid value: []string{"10.96.0.5", "fd00::1", "x"}: may only hold up to 2 values'],
    ],
    [
      'two IPv4 addresses',
      { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5', '10.96.0.6'] },
      ['spec.clusterIPs: Invalid value: []string{"10.96.0.5", "10.96.0.6"}: may specify no more than one IP for each IP family'],
    ],
    [
      'an address of another family than ipFamilies',
      { clusterIP: '10.96.0.5', ipFamilies: ['IPv6'] },
      ['spec.clusterIPs[0]: Invalid value: "10.96.0.5": expected an IPv6 value as indicated by `ipFamilies[0]`'],
    ],
    ['an unknown family', { ipFamilies: ['IPv5'] }, ['spec.ipFamilies[0]: Unsupported value: "IPv5": supported values: "IPv4", "IPv6"']],
    ['a repeated family', { ipFamilies: ['IPv4', 'IPv4'] }, ['spec.ipFamilies[1]: Duplicate value: "IPv4"']],
    [
      'an unknown family policy',
      { ipFamilyPolicy: 'Dual' },
      ['spec.ipFamilyPolicy: Unsupported value: "Dual": supported values: "PreferDualStack", "RequireDualStack", "SingleStack"'],
    ],
    ['dual stack required', { ipFamilyPolicy: 'RequireDualStack' }, ['spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services']],
    ['an IPv6 family', { ipFamilies: ['IPv6'] }, ['spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster']],
    [
      'two families with a single-stack policy',
      { ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'] },
      ["spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"],
    ],
    [
      'one address of each family',
      { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5', 'fd00::5'] },
      [
        "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
        'spec.clusterIPs[1]: Invalid value: []string{"10.96.0.5", "fd00::5"}: IPv6 is not configured on this cluster',
      ],
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

  it('leaves clusters before 1.20 to ValidateService', () => {
    expect(causesOf({ clusterIP: 'abc' }, undefined, 115)).toEqual([]);
    const svc = newService({ clusterIP: 'abc', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(validateService(svc, 115).map(formatCause)).toEqual(['spec.clusterIP: Invalid value: "abc": must be a valid IP address, (e.g. 10.9.8.7)']);
  });
});

describe('validateServiceClusterIPs on update', () => {
  const stored = { clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' };

  it('checks a changed clusterIP as the new list', () => {
    expect(causesOf({ clusterIP: 'x.y' }, stored)).toEqual([`spec.clusterIPs[0]: Invalid value: "x.y": ${INVALID_IP}`]);
    expect(causesOf({ clusterIP: 'x.y', clusterIPs: ['10.96.0.5'] }, stored)).toEqual([`spec.clusterIPs[0]: Invalid value: "x.y": ${INVALID_IP}`]);
  });

  it('keeps omitted addresses', () => {
    expect(causesOf({}, stored)).toEqual([]);
  });

  it('takes the stored family policy when omitted', () => {
    expect(causesOf({ clusterIP: '10.96.0.5', clusterIPs: ['10.96.0.5', 'fd00::5'] }, stored)).toEqual([
      "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified",
      'spec.clusterIPs[1]: Invalid value: []string{"10.96.0.5", "fd00::5"}: IPv6 is not configured on this cluster',
    ]);
  });
});
