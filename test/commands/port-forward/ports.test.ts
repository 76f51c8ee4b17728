import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import {
  checkUdpPortsInPod,
  checkUdpPortsInService,
  convertPodNamedPorts,
  parsePorts,
  splitPort,
  translateServicePorts,
} from '../../../src/commands/port-forward/ports.js';

function newPod(ports: any[], initPorts: any[] = []): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-0', namespace: 'default' },
    spec: { containers: [{ name: 'main', image: 'nginx', ports }], initContainers: initPorts.length ? [{ name: 'init', image: 'busybox', ports: initPorts }] : undefined },
  };
}

function newService(ports: any[], clusterIP = '10.96.0.10'): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP, selector: { app: 'web' }, ports } };
}

describe('splitPort', () => {
  const cases: [string, string, string][] = [
    ['8080:80', '8080', '80'],
    ['80', '80', '80'],
    [':80', '', '80'],
    // kubectl names the first part twice when there is not exactly one colon.
    ['1:2:3', '1', '1'],
  ];
  for (const [spec, local, remote] of cases) {
    it(`splits ${spec}`, () => {
      expect(splitPort(spec)).toEqual({ local, remote });
    });
  }
});

describe('translateServicePorts', () => {
  const pod = newPod([{ name: 'http', containerPort: 8080 }]);

  it('maps a Service port to its numeric targetPort', () => {
    const svc = newService([{ port: 80, targetPort: 8080 }]);
    expect(translateServicePorts(['9000:80', '80', ':80'], svc, pod)).toEqual(['9000:8080', '80:8080', ':8080']);
  });

  it('keeps one number when the local port equals the container port', () => {
    const svc = newService([{ port: 80, targetPort: 8080 }]);
    expect(translateServicePorts(['8080:80'], svc, pod)).toEqual(['8080']);
  });

  it('resolves a named targetPort in the pod', () => {
    const svc = newService([{ name: 'web', port: 80, targetPort: 'http' }]);
    expect(translateServicePorts(['9000:80'], svc, pod)).toEqual(['9000:8080']);
  });

  it('resolves a named Service port and uses its number as the local port', () => {
    const svc = newService([{ name: 'web', port: 80, targetPort: 'http' }]);
    expect(translateServicePorts(['web', '9000:web'], svc, pod)).toEqual(['80:8080', '9000:8080']);
  });

  it('uses the port itself when targetPort is unset', () => {
    const svc = newService([{ port: 80 }]);
    expect(translateServicePorts(['9000:80'], svc, pod)).toEqual(['9000:80']);
  });

  it('ignores targetPort of a headless Service', () => {
    const svc = newService([{ port: 80, targetPort: 8080 }], 'None');
    expect(translateServicePorts(['9000:80'], svc, pod)).toEqual(['9000:80']);
  });

  it('rejects a port the Service does not declare', () => {
    const svc = newService([{ port: 80, targetPort: 8080 }]);
    expect(() => translateServicePorts(['8081'], svc, pod)).toThrow('Service web does not have a service port 8081');
  });

  it('rejects an unknown Service port name', () => {
    const svc = newService([{ name: 'web', port: 80 }]);
    expect(() => translateServicePorts(['https'], svc, pod)).toThrow("Service 'web' does not have a named port 'https'");
  });

  it('rejects a targetPort name the pod lacks', () => {
    const svc = newService([{ port: 80, targetPort: 'metrics' }]);
    expect(() => translateServicePorts(['80'], svc, pod)).toThrow("Pod 'web-0' does not have a named port 'metrics'");
  });
});

describe('convertPodNamedPorts', () => {
  const pod = newPod([{ name: 'http', containerPort: 8080 }], [{ name: 'debug', containerPort: 9229 }]);

  it('keeps numeric ports', () => {
    expect(convertPodNamedPorts(['8080', '9000:80', ':80'], pod)).toEqual(['8080', '9000:80', ':80']);
  });

  it('resolves container and init container port names', () => {
    expect(convertPodNamedPorts(['9000:http', 'debug'], pod)).toEqual(['9000:8080', '9229']);
  });

  it('rejects an empty remote port', () => {
    expect(() => convertPodNamedPorts(['8080:'], pod)).toThrow('remote port cannot be empty');
  });

  it('rejects an unknown port name', () => {
    expect(() => convertPodNamedPorts(['metrics'], pod)).toThrow("Pod 'web-0' does not have a named port 'metrics'");
  });
});

describe('UDP checks', () => {
  it('rejects a UDP-only Service port', () => {
    const svc = newService([{ name: 'dns', port: 53, protocol: 'UDP' }]);
    expect(() => checkUdpPortsInService(['dns'], svc)).toThrow('UDP protocol is not supported for dns');
  });

  it('accepts a Service port served over TCP and UDP', () => {
    const svc = newService([
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    ]);
    expect(() => checkUdpPortsInService(['53'], svc)).not.toThrow();
  });

  it('rejects a UDP-only container port', () => {
    const pod = newPod([{ containerPort: 5353, protocol: 'UDP' }]);
    expect(() => checkUdpPortsInPod(['9000:5353'], pod)).toThrow('UDP protocol is not supported for 5353');
  });
});

describe('parsePorts', () => {
  it('reads local and remote ports', () => {
    expect(parsePorts(['8080:80', '5000', ':80', '0:80'])).toEqual([
      { local: 8080, remote: 80 },
      { local: 5000, remote: 5000 },
      { local: 0, remote: 80 },
      { local: 0, remote: 80 },
    ]);
  });

  const errors: [string, string][] = [
    ['abc:80', `error parsing local port 'abc': strconv.ParseUint: parsing "abc": invalid syntax`],
    ['70000:80', `error parsing local port '70000': strconv.ParseUint: parsing "70000": value out of range`],
    ['+80', `error parsing local port '+80': strconv.ParseUint: parsing "+80": invalid syntax`],
    ['80:99999', `error parsing remote port '99999': strconv.ParseUint: parsing "99999": value out of range`],
    ['80:0', 'remote port must be > 0'],
    ['1:2:3', "invalid port format '1:2:3'"],
  ];
  for (const [spec, message] of errors) {
    it(`rejects ${spec}`, () => {
      expect(() => parsePorts([spec])).toThrow(message);
    });
  }
});
