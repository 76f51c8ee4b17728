import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { httpGet, resolveHttpTarget } from '../../src/network/http.js';
import { resolveHost, searchNames } from '../../src/network/dns.js';
import { advance, create, newCluster } from '../controllers/cluster-helpers.js';

function service(name: string, spec: any): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}

function statefulSet(): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 2,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'wangyanglinux/myapp:v1', ports: [{ containerPort: 80, name: 'http' }] }] } },
    },
  };
}

describe('Service addresses', () => {
  it('allocates a ClusterIP inside 10.96.0.0/12', () => {
    const cluster = newCluster();
    const svc = create(cluster, 'services', service('a', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    const [a, b] = svc.spec.clusterIP.split('.').map(Number);
    expect(a).toBe(10);
    expect(b >= 96 && b <= 111).toBe(true);
    expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
  });

  it('keeps None for a headless Service', () => {
    const cluster = newCluster();
    const svc = create(cluster, 'services', service('h', { clusterIP: 'None', selector: { app: 'a' }, ports: [{ port: 80 }] }));
    expect(svc.spec.clusterIPs).toEqual(['None']);
  });

  it('rejects a ClusterIP that is taken', () => {
    const cluster = newCluster();
    expect(() => create(cluster, 'services', service('x', { clusterIP: '10.96.0.1', ports: [{ port: 80 }] }))).toThrow(
      'The Service "x" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated',
    );
  });

  it('allocates a node port in 30000-32767', () => {
    const cluster = newCluster();
    const svc = create(cluster, 'services', service('n', { type: 'NodePort', selector: { app: 'a' }, ports: [{ port: 80 }] }));
    const port = svc.spec.ports[0].nodePort;
    expect(port >= 30000 && port <= 32767).toBe(true);
  });
});

describe('in-cluster names', () => {
  it('searches the namespace, svc and cluster domains', () => {
    expect(searchNames('web-0.nginx', 'default')).toEqual([
      'web-0.nginx.default.svc.cluster.local',
      'web-0.nginx.svc.cluster.local',
      'web-0.nginx.cluster.local',
      'web-0.nginx',
    ]);
  });

  it('resolves a pod behind a headless Service by hostname and subdomain', () => {
    const cluster = newCluster();
    create(cluster, 'services', service('nginx', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] }));
    create(cluster, 'statefulsets', statefulSet());
    advance(cluster, 10_000);
    const found = resolveHost(cluster.store, 'web-1.nginx.default.svc.cluster.local', 'other');
    expect(found?.kind === 'pod' && found.pod.metadata.name).toBe('web-1');
  });

  it('takes the ready endpoints of a Service in turn', () => {
    const cluster = newCluster();
    create(cluster, 'services', service('front', { selector: { app: 'web' }, ports: [{ port: 8080, targetPort: 'http' }] }));
    create(cluster, 'statefulsets', statefulSet());
    // web-0 and web-1 start one after the other, 5 s each plus start offsets below 1 s; web-2 is not ready yet.
    advance(cluster, 12_000);
    const answers = [1, 2, 3].map(() => httpGet(cluster, resolveHttpTarget(cluster, 'front.default:8080/hostname.html', 'default')).body);
    expect(answers).toEqual(['web-0\n', 'web-1\n', 'web-0\n']);
  });

  it('reports an unknown name as curl does', () => {
    const cluster = newCluster();
    expect(httpGet(cluster, resolveHttpTarget(cluster, 'missing/', 'default')).error).toBe('curl: (6) Could not resolve host: missing');
  });
});
