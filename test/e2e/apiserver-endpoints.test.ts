import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const START = '2022-05-31T07:00:00Z';

describe('kubernetes Endpoints of a new cluster', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('k', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'k', '--clock', 'manual', '--seed', '1', '--start-time', START]).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('get ep -A lists kubernetes', () => {
    expect(k('get', 'ep', '-A').stdout).toBe(
      [
        'NAMESPACE     NAME         ENDPOINTS                                               AGE',
        'default       kubernetes   192.168.192.129:6443                                    0s',
        'kube-system   kube-dns     10.244.0.2:53,10.244.0.3:53,10.244.0.2:53 + 3 more...   0s',
        '',
      ].join('\n'),
    );
  });

  it('get endpointslices -A lists kubernetes', () => {
    expect(k('get', 'endpointslices', '-A').stdout).toBe(
      [
        'NAMESPACE     NAME             ADDRESSTYPE   PORTS        ENDPOINTS               AGE',
        'default       kubernetes       IPv4          6443         192.168.192.129         0s',
        'kube-system   kube-dns-wmlpl   IPv4          53,53,9153   10.244.0.2,10.244.0.3   0s',
        '',
      ].join('\n'),
    );
  });

  it('describe svc kubernetes shows endpoints', () => {
    const lines = k('describe', 'svc', 'kubernetes').stdout.split('\n');
    expect(lines.find((l) => l.startsWith('Endpoints:'))).toBe('Endpoints:                192.168.192.129:6443');
  });

  it('get ep kubernetes -o yaml', () => {
    expect(k('get', 'ep', 'kubernetes', '-o', 'yaml').stdout.replace(/uid: .*/, 'uid: UID')).toBe(
      [
        'apiVersion: v1',
        'kind: Endpoints',
        'metadata:',
        '  creationTimestamp: "2022-05-31T07:00:00Z"',
        '  labels:',
        '    endpointslice.kubernetes.io/skip-mirror: "true"',
        '  name: kubernetes',
        '  namespace: default',
        '  resourceVersion: "68"',
        '  uid: UID',
        'subsets:',
        '- addresses:',
        '  - ip: 192.168.192.129',
        '  ports:',
        '  - name: https',
        '    port: 6443',
        '    protocol: TCP',
        '',
      ].join('\n'),
    );
  });

  it('get endpointslice kubernetes -o yaml', () => {
    expect(k('get', 'endpointslice', 'kubernetes', '-o', 'yaml').stdout.replace(/uid: .*/, 'uid: UID')).toBe(
      [
        'addressType: IPv4',
        'apiVersion: discovery.k8s.io/v1',
        'endpoints:',
        '- addresses:',
        '  - 192.168.192.129',
        '  conditions:',
        '    ready: true',
        'kind: EndpointSlice',
        'metadata:',
        '  creationTimestamp: "2022-05-31T07:00:00Z"',
        '  generation: 1',
        '  labels:',
        '    kubernetes.io/service-name: kubernetes',
        '  name: kubernetes',
        '  namespace: default',
        '  resourceVersion: "69"',
        '  uid: UID',
        'ports:',
        '- name: https',
        '  port: 6443',
        '  protocol: TCP',
        '',
      ].join('\n'),
    );
  });
});
