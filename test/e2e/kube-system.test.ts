import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const START = '2022-05-31T07:00:00Z';

describe('kube-system of a new 1.32 cluster', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('k', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'k', '--clock', 'manual', '--seed', '1', '--start-time', START]).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('system pods all Running', () => {
    expect(k('get', 'pods', '-n', 'kube-system', '-o', 'wide')).toEqual({
      stdout: [
        'NAME                                   READY   STATUS    RESTARTS   AGE   IP                NODE           NOMINATED NODE   READINESS GATES',
        'coredns-59d585fdbf-c92sw               1/1     Running   0          0s    10.244.0.2        k8s-master01   <none>           <none>',
        'coredns-59d585fdbf-hrzfj               1/1     Running   0          0s    10.244.0.3        k8s-master01   <none>           <none>',
        'etcd-k8s-master01                      1/1     Running   0          0s    192.168.192.129   k8s-master01   <none>           <none>',
        'kube-apiserver-k8s-master01            1/1     Running   0          0s    192.168.192.129   k8s-master01   <none>           <none>',
        'kube-controller-manager-k8s-master01   1/1     Running   0          0s    192.168.192.129   k8s-master01   <none>           <none>',
        'kube-proxy-2kdxj                       1/1     Running   0          0s    192.168.192.130   k8s-node01     <none>           <none>',
        'kube-proxy-p9fv5                       1/1     Running   0          0s    192.168.192.129   k8s-master01   <none>           <none>',
        'kube-proxy-x8csj                       1/1     Running   0          0s    192.168.192.131   k8s-node02     <none>           <none>',
        'kube-scheduler-k8s-master01            1/1     Running   0          0s    192.168.192.129   k8s-master01   <none>           <none>',
        '',
      ].join('\n'),
      stderr: '',
      code: 0,
    });
  });

  it('kube-dns Service and endpoints', () => {
    expect(k('get', 'svc,endpoints', '-n', 'kube-system').stdout).toBe(
      [
        'NAME               TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE',
        'service/kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   0s',
        '',
        'NAME                 ENDPOINTS                                               AGE',
        'endpoints/kube-dns   10.244.0.2:53,10.244.0.3:53,10.244.0.2:53 + 3 more...   0s',
        '',
      ].join('\n'),
    );
    expect(k('get', 'endpointslices', '-n', 'kube-system', '-o', 'jsonpath={.items[0].endpoints[*].addresses[0]}').stdout).toBe('10.244.0.2 10.244.0.3');
  });

  it('add-ons as kubeadm deploys them', () => {
    expect(k('get', 'deploy,ds', '-A', '-o', 'wide').stdout).toBe(
      [
        'NAMESPACE     NAME                      READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                                    SELECTOR',
        'kube-system   deployment.apps/coredns   2/2     2            2           0s    coredns      registry.k8s.io/coredns/coredns:v1.11.3   k8s-app=kube-dns',
        '',
        'NAMESPACE     NAME                        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES                               SELECTOR',
        'kube-system   daemonset.apps/kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   0s    kube-proxy   registry.k8s.io/kube-proxy:v1.32.4   k8s-app=kube-proxy',
        '',
      ].join('\n'),
    );
    const tpl = '{.spec.priorityClassName} {.spec.priority} {.spec.tolerations[1].key} {.spec.dnsPolicy} {.spec.containers[0].readinessProbe.httpGet.path}';
    expect(k('get', 'pod', 'coredns-59d585fdbf-c92sw', '-n', 'kube-system', '-o', `jsonpath=${tpl}`).stdout).toBe(
      'system-cluster-critical 2000000000 node-role.kubernetes.io/control-plane Default /ready',
    );
  });

  it('mirror pods owned by the node', () => {
    const tpl =
      '{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.annotations.kubernetes\\.io/config\\.source} ' +
      '{.spec.hostNetwork} {.spec.priorityClassName} {.spec.priority} {.spec.containers[0].image} [{.spec.serviceAccountName}] {.spec.volumes[*].name}';
    expect(k('get', 'pod', 'etcd-k8s-master01', '-n', 'kube-system', '-o', `jsonpath=${tpl}`).stdout).toBe(
      'Node/k8s-master01 file true system-node-critical 2000001000 registry.k8s.io/etcd:3.5.16-0 [] etcd-certs etcd-data',
    );
  });

  it('describe node counts system pods', () => {
    const out = k('describe', 'node', 'k8s-master01').stdout;
    expect(out.slice(out.indexOf('Non-terminated Pods:'))).toBe(
      [
        'Non-terminated Pods:          (7 in total)',
        '  Namespace                   Name                                    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                                    ------------  ----------  ---------------  -------------  ---',
        '  kube-system                 coredns-59d585fdbf-c92sw                100m (2%)     0 (0%)      70Mi (0%)        170Mi (2%)     0s',
        '  kube-system                 coredns-59d585fdbf-hrzfj                100m (2%)     0 (0%)      70Mi (0%)        170Mi (2%)     0s',
        '  kube-system                 etcd-k8s-master01                       100m (2%)     0 (0%)      100Mi (1%)       0 (0%)         0s',
        '  kube-system                 kube-apiserver-k8s-master01             250m (6%)     0 (0%)      0 (0%)           0 (0%)         0s',
        '  kube-system                 kube-controller-manager-k8s-master01    200m (5%)     0 (0%)      0 (0%)           0 (0%)         0s',
        '  kube-system                 kube-proxy-p9fv5                        0 (0%)        0 (0%)      0 (0%)           0 (0%)         0s',
        '  kube-system                 kube-scheduler-k8s-master01             100m (2%)     0 (0%)      0 (0%)           0 (0%)         0s',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests    Limits',
        '  --------           --------    ------',
        '  cpu                850m (21%)  0 (0%)',
        '  memory             240Mi (3%)  340Mi (4%)',
        '  ephemeral-storage  0 (0%)      0 (0%)',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });

  it('cluster-info names CoreDNS', () => {
    expect(k('cluster-info')).toEqual({
      stdout:
        'Kubernetes control plane is running at kubesim://k\n' +
        'CoreDNS is running at kubesim://k/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        '\n' +
        "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
      stderr: '',
      code: 0,
    });
  });

  it('setup leaves no events', () => {
    expect(k('get', 'events', '-A')).toEqual({ stdout: '', stderr: 'No resources found\n', code: 0 });
  });

  it('drain skips DaemonSet and mirror pods', () => {
    expect(k('drain', 'k8s-node01')).toEqual({
      stdout: 'node/k8s-node01 cordoned\n',
      stderr:
        'error: unable to drain node "k8s-node01" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-2kdxj, continuing command...\n' +
        'There are pending nodes to be drained:\n' +
        ' k8s-node01\n' +
        // kubectl's CheckErr prints the errors of the one failed node without an `error: ` prefix.
        'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-2kdxj\n',
      code: 1,
    });
    expect(k('drain', 'k8s-master01', '--ignore-daemonsets')).toEqual({
      stdout: [
        'node/k8s-master01 cordoned',
        'evicting pod kube-system/coredns-59d585fdbf-c92sw',
        'evicting pod kube-system/coredns-59d585fdbf-hrzfj',
        'pod/coredns-59d585fdbf-c92sw evicted',
        'pod/coredns-59d585fdbf-hrzfj evicted',
        'node/k8s-master01 drained',
        '',
      ].join('\n'),
      stderr: 'Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-p9fv5\n',
      code: 0,
    });
  });
});

describe('kube-system of a new 1.15 cluster', () => {
  const sb = new Sandbox();
  const k = (...args: string[]) => sb.on('old', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'old', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15', '--start-time', START]).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('images from k8s.gcr.io', () => {
    const tpl = '{range .items[*]}{.metadata.name} {.spec.containers[0].image} {.spec.priorityClassName}{"\\n"}{end}';
    expect(k('get', 'pods', '-n', 'kube-system', '-o', `jsonpath=${tpl}`).stdout.replace(/-[a-z0-9]{5} /g, '-xxxxx ')).toBe(
      [
        'coredns-58d58c7df-xxxxx k8s.gcr.io/coredns:1.3.1 system-cluster-critical',
        'coredns-58d58c7df-xxxxx k8s.gcr.io/coredns:1.3.1 system-cluster-critical',
        'etcd-k8s-master01 k8s.gcr.io/etcd:3.3.10 system-cluster-critical',
        'kube-apiserver-k8s-master01 k8s.gcr.io/kube-apiserver:v1.15.1 system-cluster-critical',
        'kube-controller-manager-k8s-master01 k8s.gcr.io/kube-controller-manager:v1.15.1 system-cluster-critical',
        'kube-proxy-xxxxx k8s.gcr.io/kube-proxy:v1.15.1 system-node-critical',
        'kube-proxy-xxxxx k8s.gcr.io/kube-proxy:v1.15.1 system-node-critical',
        'kube-proxy-xxxxx k8s.gcr.io/kube-proxy:v1.15.1 system-node-critical',
        'kube-scheduler-k8s-master01 k8s.gcr.io/kube-scheduler:v1.15.1 system-cluster-critical',
        '',
      ].join('\n'),
    );
  });

  it('CoreDNS tolerates the master taint', () => {
    expect(k('get', 'deploy', 'coredns', '-n', 'kube-system', '-o', 'jsonpath={.spec.template.spec.tolerations[1].key} {.spec.template.spec.nodeSelector}').stdout).toBe(
      'node-role.kubernetes.io/master {"beta.kubernetes.io/os":"linux"}',
    );
  });
});
