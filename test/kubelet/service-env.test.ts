import { describe, expect, it } from 'vitest';
import { buildServiceEnv } from '../../src/kubelet/service-env';
import type { KObject } from '../../src/api/types';

const STARTED = Date.UTC(2022, 4, 31, 10, 0, 0);

function newService(name: string, namespace: string, spec: any, created = '2022-05-31T09:00:00Z'): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, creationTimestamp: created }, spec };
}

const KUBERNETES = newService('kubernetes', 'default', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] });

describe('buildServiceEnv', () => {
  it('builds the variables of one service', () => {
    const svc = newService('my-web.v2', 'prod', { clusterIP: '10.96.5.6', ports: [{ port: 80 }, { name: 'metrics', port: 9090, protocol: 'UDP' }] });
    expect(buildServiceEnv([svc], 'prod', true, STARTED)).toEqual([
      { name: 'MY_WEB_V2_SERVICE_HOST', value: '10.96.5.6' },
      { name: 'MY_WEB_V2_SERVICE_PORT', value: '80' },
      { name: 'MY_WEB_V2_SERVICE_PORT_METRICS', value: '9090' },
      { name: 'MY_WEB_V2_PORT', value: 'tcp://10.96.5.6:80' },
      { name: 'MY_WEB_V2_PORT_80_TCP', value: 'tcp://10.96.5.6:80' },
      { name: 'MY_WEB_V2_PORT_80_TCP_PROTO', value: 'tcp' },
      { name: 'MY_WEB_V2_PORT_80_TCP_PORT', value: '80' },
      { name: 'MY_WEB_V2_PORT_80_TCP_ADDR', value: '10.96.5.6' },
      { name: 'MY_WEB_V2_PORT_9090_UDP', value: 'udp://10.96.5.6:9090' },
      { name: 'MY_WEB_V2_PORT_9090_UDP_PROTO', value: 'udp' },
      { name: 'MY_WEB_V2_PORT_9090_UDP_PORT', value: '9090' },
      { name: 'MY_WEB_V2_PORT_9090_UDP_ADDR', value: '10.96.5.6' },
    ]);
  });

  it('prefixes names that start with a digit', () => {
    const svc = newService('3d', 'default', { clusterIP: '10.96.5.7', ports: [{ port: 80 }] });
    expect(buildServiceEnv([svc], 'default', true, STARTED)[0]).toEqual({ name: '_3D_SERVICE_HOST', value: '10.96.5.7' });
  });

  it('keeps the kubernetes service without service links', () => {
    const own = newService('own', 'prod', { clusterIP: '10.96.5.8', ports: [{ port: 80 }] });
    const names = buildServiceEnv([KUBERNETES, own], 'prod', false, STARTED).map((e) => e.name);
    expect(names).toContain('KUBERNETES_SERVICE_PORT_HTTPS');
    expect(names.some((n) => n.startsWith('OWN_'))).toBe(false);
  });

  it('skips other namespaces, headless services and later services', () => {
    const services = [
      newService('elsewhere', 'other', { clusterIP: '10.96.5.9', ports: [{ port: 80 }] }),
      newService('headless', 'default', { clusterIP: 'None', ports: [{ port: 80 }] }),
      newService('external', 'default', { type: 'ExternalName', externalName: 'example.com' }),
      newService('later', 'default', { clusterIP: '10.96.5.10', ports: [{ port: 80 }] }, '2022-05-31T11:00:00Z'),
    ];
    expect(buildServiceEnv(services, 'default', true, STARTED)).toEqual([]);
  });

  it('orders services by name', () => {
    const b = newService('b', 'default', { clusterIP: '10.96.0.3', ports: [{ port: 1 }] });
    const a = newService('a', 'default', { clusterIP: '10.96.0.2', ports: [{ port: 1 }] });
    const hosts = buildServiceEnv([b, a], 'default', true, STARTED).filter((e) => e.name.endsWith('_SERVICE_HOST'));
    expect(hosts.map((e) => e.name)).toEqual(['A_SERVICE_HOST', 'B_SERVICE_HOST']);
  });
});
