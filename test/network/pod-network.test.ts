import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { buildDnsView, buildPodFetcher } from '../../src/network/pod-network.js';
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
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'wangyanglinux/myapp:v1', ports: [{ containerPort: 80 }] }] } },
    },
  };
}

function pod(name: string, image: string, command: string[]): KObject {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
    spec: { restartPolicy: 'Never', containers: [{ name, image, command }] },
  };
}

/** Builds a cluster with the headless Service `nginx` over two myapp pods and the ClusterIP Service `front` over the same pods. */
function newWebCluster() {
  const cluster = newCluster();
  create(cluster, 'services', service('nginx', { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] }));
  const front = create(cluster, 'services', service('front', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
  create(cluster, 'statefulsets', statefulSet());
  advance(cluster, 20_000);
  return { cluster, front };
}

function logOf(cluster: ReturnType<typeof newCluster>, name: string): string[] {
  const p = cluster.store.get('pods', 'default', name)!;
  return cluster.store.readLogs(p.metadata.uid!, name, 0, cluster.simNow).map((l) => l.line);
}

describe('the cluster DNS view', () => {
  it('resolves ClusterIP and headless Services', () => {
    const { cluster, front } = newWebCluster();
    const dns = buildDnsView(cluster.store);
    const ips = cluster.store.list('pods', 'default').map((p) => p.status.podIP).sort();
    expect(dns.addresses('front.default.svc.cluster.local')).toEqual([front.spec.clusterIP]);
    expect(dns.addresses('nginx.default.svc.cluster.local')?.slice().sort()).toEqual(ips);
    expect(dns.addresses('front.svc.cluster.local')).toBeUndefined();
    expect(dns.addresses('kubernetes.default')).toBeUndefined();
  });

  it('finds no headless Service without endpoints', () => {
    const cluster = newCluster();
    create(cluster, 'services', service('empty', { clusterIP: 'None', selector: { app: 'none' }, ports: [{ port: 80 }] }));
    advance(cluster, 1_000);
    expect(buildDnsView(cluster.store).addresses('empty.default.svc.cluster.local')).toBeUndefined();
  });

  it('names ClusterIPs, the DNS Service and headless pods (by hostname) in reverse', () => {
    const { cluster, front } = newWebCluster();
    const dns = buildDnsView(cluster.store);
    const web0 = cluster.store.get('pods', 'default', 'web-0')!;
    expect(dns.reverse(front.spec.clusterIP)).toBe('front.default.svc.cluster.local');
    expect(dns.reverse('10.96.0.10')).toBe('kube-dns.kube-system.svc.cluster.local');
    expect(dns.reverse(web0.status.podIP)).toBe('web-0.nginx.default.svc.cluster.local');
  });

  it('fetches through a Service from the pod namespace, from its first ready endpoint', () => {
    const { cluster } = newWebCluster();
    expect(buildPodFetcher(cluster.store, 'default')('http://front/hostname.html')).toMatchObject({ status: 200, body: 'web-1\n' });
  });
});

describe('network tools as a container main program', () => {
  it('logs the page wget fetched when the container started', () => {
    const { cluster } = newWebCluster();
    create(cluster, 'pods', pod('get', 'busybox', ['wget', '-qO-', 'http://front/hostname.html']));
    advance(cluster, 10_000);
    expect(logOf(cluster, 'get')).toEqual(['web-1']);
    expect(cluster.store.get('pods', 'default', 'get')!.status.phase).toBe('Succeeded');
  });

  it('runs curl through the curlimages/curl entrypoint', () => {
    const { cluster } = newWebCluster();
    create(cluster, 'pods', { ...pod('c', 'curlimages/curl', []), spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'curlimages/curl', args: ['-s', 'front/hostname.html'] }] } });
    advance(cluster, 10_000);
    expect(logOf(cluster, 'c')).toEqual(['web-1']);
  });

  it('fails the container when wget cannot resolve the name', () => {
    const { cluster } = newWebCluster();
    create(cluster, 'pods', pod('bad', 'busybox', ['sh', '-c', 'wget -qO- http://nosuch']));
    advance(cluster, 10_000);
    expect(logOf(cluster, 'bad')).toEqual(["wget: bad address 'nosuch'"]);
    expect(cluster.store.get('pods', 'default', 'bad')!.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });
});
