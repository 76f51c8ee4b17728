/**
 * The ports `kubectl expose` plans, as kubectl 1.32's createService does:
 * each port keeps the exposed object's protocol unless --protocol is given,
 * and a port number served over several protocols becomes one Service port
 * per protocol. The golden cases in generators.test.ts compare the same
 * plans with the real kubectl.
 */
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types';
import { calculateExposedPorts, findExposedPortNumbers } from '../../src/printers/expose-ports';

function newPod(ports: { containerPort: number; protocol?: string }[][]): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', labels: { app: 'p' } },
    spec: { containers: ports.map((list, i) => ({ name: `c${i}`, image: 'nginx', ports: list })) },
  };
}

const dnsPod = newPod([[{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }], [{ containerPort: 9153 }]]);

describe('calculateExposedPorts', () => {
  it('copies ports with their protocols', () => {
    expect(calculateExposedPorts(newPod([[{ containerPort: 514, protocol: 'UDP' }]]), {})).toEqual([{ protocol: 'UDP', port: 514, targetPort: 514 }]);
  });

  it('splits a port served over two protocols', () => {
    expect(calculateExposedPorts(dnsPod, {})).toEqual([
      { name: 'port-1-udp', protocol: 'UDP', port: 53, targetPort: 53 },
      { name: 'port-1-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
      { name: 'port-2', protocol: 'TCP', port: 9153, targetPort: 9153 },
    ]);
  });

  it('looks up --port entries in the object protocols', () => {
    expect(calculateExposedPorts(newPod([[{ containerPort: 514, protocol: 'UDP' }]]), { port: '514' })).toEqual([{ protocol: 'UDP', port: 514, targetPort: 514 }]);
    expect(calculateExposedPorts(dnsPod, { port: '9153,53,80', targetPort: 'dns' })).toEqual([
      { name: 'port-1', protocol: 'TCP', port: 9153, targetPort: 'dns' },
      { name: 'port-2-udp', protocol: 'UDP', port: 53, targetPort: 'dns' },
      { name: 'port-2-tcp', protocol: 'TCP', port: 53, targetPort: 'dns' },
      { name: 'port-3', protocol: 'TCP', port: 80, targetPort: 'dns' },
    ]);
  });

  it('matches --port by text, not number', () => {
    expect(calculateExposedPorts(newPod([[{ containerPort: 53, protocol: 'UDP' }]]), { port: '053' })).toEqual([{ protocol: 'TCP', port: 53, targetPort: 53 }]);
  });

  it('applies --protocol to every port', () => {
    expect(calculateExposedPorts(dnsPod, { port: '53', protocol: 'SCTP' })).toEqual([{ protocol: 'SCTP', port: 53, targetPort: 53 }]);
  });

  it('reads the ports of an exposed Service', () => {
    const svc: KObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 514, protocol: 'UDP' }, { port: 80 }] } };
    expect(calculateExposedPorts(svc, {})).toEqual([
      { name: 'port-1', protocol: 'UDP', port: 514, targetPort: 514 },
      { name: 'port-2', protocol: 'TCP', port: 80, targetPort: 80 },
    ]);
  });

  it('returns no ports for an object without any', () => {
    expect(calculateExposedPorts(newPod([[]]), {})).toEqual([]);
  });

  it('rejects a --port entry strconv.Atoi cannot read', () => {
    expect(() => calculateExposedPorts(dnsPod, { port: '53,x' })).toThrow('strconv.Atoi: parsing "x": invalid syntax');
  });
});

describe('findExposedPortNumbers', () => {
  it('lists each port number once', () => {
    expect(findExposedPortNumbers(dnsPod)).toEqual(['53', '9153']);
  });
});
