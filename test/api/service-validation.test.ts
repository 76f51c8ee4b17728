import { describe, expect, it } from 'vitest';
import { admit } from '../../src/api/admission.js';
import { ApiError, formatCause } from '../../src/api/errors.js';
import { dropUnneededNodePorts } from '../../src/api/service-validation.js';
import type { KObject } from '../../src/api/types.js';

function newService(spec: Record<string, unknown>, name = 'web'): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec };
}

/** Returns the causes admission reports for a created Service, as `field: message` lines. */
function causesOf(svc: KObject, clusterVersion = 132): string[] {
  try {
    admit({ clusterVersion, namespaceExists: () => true }, 'services', svc, undefined, 'create');
  } catch (err) {
    if (err instanceof ApiError) return err.causes.map(formatCause);
    throw err;
  }
  return [];
}

const RANGE = 'must be between 1 and 65535, inclusive';

describe('validateService', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['targetPort above 65535', { ports: [{ port: 80, targetPort: 99999 }] }, [`spec.ports[0].targetPort: Invalid value: 99999: ${RANGE}`]],
    ['negative targetPort', { ports: [{ port: 80, targetPort: -1 }] }, [`spec.ports[0].targetPort: Invalid value: -1: ${RANGE}`]],
    ['port above 65535', { ports: [{ port: 70000, targetPort: 80 }] }, [`spec.ports[0].port: Invalid value: 70000: ${RANGE}`]],
    [
      'missing port, which also defaults targetPort to 0',
      { ports: [{ name: 'http' }] },
      [`spec.ports[0].port: Invalid value: 0: ${RANGE}`, `spec.ports[0].targetPort: Invalid value: 0: ${RANGE}`],
    ],
    ['no ports', { selector: { app: 'web' } }, ['spec.ports: Required value']],
    [
      'two unnamed ports',
      { ports: [{ port: 80 }, { port: 443 }] },
      ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'],
    ],
    ['a repeated port name', { ports: [{ name: 'web', port: 80 }, { name: 'web', port: 81 }] }, ['spec.ports[1].name: Duplicate value: "web"']],
    [
      'a port name that is no DNS-1123 label',
      { ports: [{ name: 'Web_1', port: 80 }] },
      [
        `spec.ports[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    [
      'a lowercase protocol',
      { ports: [{ port: 80, protocol: 'tcp' }] },
      ['spec.ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'],
    ],
    [
      'a numeric string as targetPort',
      { ports: [{ port: 80, targetPort: '8080' }] },
      ['spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)'],
    ],
    [
      'a targetPort name with every fault',
      { ports: [{ port: 80, targetPort: '-Very--Long_Name-' }] },
      [
        'spec.ports[0].targetPort: Invalid value: "-Very--Long_Name-": must be no more than 15 characters',
        'spec.ports[0].targetPort: Invalid value: "-Very--Long_Name-": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.ports[0].targetPort: Invalid value: "-Very--Long_Name-": must not contain consecutive hyphens',
        'spec.ports[0].targetPort: Invalid value: "-Very--Long_Name-": must not begin or end with a hyphen',
      ],
    ],
    [
      'a nodePort on a ClusterIP Service',
      { type: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] },
      ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
    ],
    [
      'a repeated nodePort on a ClusterIP Service',
      { ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }] },
      [
        "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
        "spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
        'spec.ports[1].nodePort: Duplicate value: 30080',
      ],
    ],
    [
      'a repeated port and protocol, after every per-port cause',
      { ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }, { port: 81 }] },
      [
        'spec.ports[2].name: Required value',
        'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
      ],
    ],
    ['a headless NodePort Service', { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] }, ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"]],
    ['an ExternalName Service without a name', { type: 'ExternalName' }, ['spec.externalName: Required value']],
    ['an unknown sessionAffinity', { ports: [{ port: 80 }], sessionAffinity: 'Sticky' }, ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']],
  ])('reports %s', (_name, spec, expected) => {
    expect(causesOf(newService(spec))).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>]>([
    ['the same port number over TCP and UDP', { ports: [{ name: 'dns', port: 53 }, { name: 'dns-udp', port: 53, protocol: 'UDP' }] }],
    ['a named targetPort', { ports: [{ port: 80, targetPort: 'http-alt' }] }],
    ['targetPort 0 and an empty protocol, which defaulting fills', { ports: [{ port: 80, targetPort: 0, protocol: '' }] }],
    ['a headless Service without ports', { clusterIP: 'None' }],
    ['an ExternalName with a trailing dot', { type: 'ExternalName', externalName: 'db.example.com.' }],
  ])('accepts %s', (_name, spec) => {
    expect(causesOf(newService(spec))).toEqual([]);
  });

  it('names a Service with a DNS-1035 label', () => {
    expect(causesOf(newService({ ports: [{ port: 80 }] }, '1web'))).toEqual([
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });

  it('prints a repeated port without AppProtocol before 1.18', () => {
    expect(causesOf(newService({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }), 115)).toEqual([
      'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });
});

describe('dropUnneededNodePorts', () => {
  const stored = newService({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });

  it('clears kept node ports when the type leaves NodePort', () => {
    const storedPort = stored.spec.ports[0];
    const svc = newService({ type: 'ClusterIP', ports: [storedPort] });
    dropUnneededNodePorts(svc, stored);
    expect(svc.spec.ports).toEqual([{ port: 80 }]);
    expect(storedPort).toEqual({ port: 80, nodePort: 30080 });
  });

  it('keeps a node port the update adds', () => {
    const svc = newService({ type: 'ClusterIP', ports: [{ port: 80, nodePort: 30081 }] });
    dropUnneededNodePorts(svc, stored);
    expect(svc.spec.ports).toEqual([{ port: 80, nodePort: 30081 }]);
  });
});
