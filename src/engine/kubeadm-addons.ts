/**
 * The two add-ons `kubeadm init` installs in kube-system: CoreDNS (its
 * Deployment `coredns`, the `kube-dns` Service at the cluster DNS address,
 * its ConfigMap and ServiceAccount) and kube-proxy (its DaemonSet,
 * ConfigMap and ServiceAccount), shaped as kubeadm's manifests for the
 * emulated version render them.
 *
 * Simplified: the kube-proxy configuration contains the fields a learner reads
 * (mode, clusterCIDR), not every default of KubeProxyConfiguration.
 */
import type { KObject } from '../api/types.js';
import type { KubeadmImages } from './kubeadm-images.js';
import { CLUSTER_DNS_IP } from '../network/pod-network.js';

/** The label both the CoreDNS Deployment and the kube-dns Service select on. */
const DNS_LABELS = { 'k8s-app': 'kube-dns' };

/** Returns the tolerations of the control-plane taints kubeadm of `version` sets (`master` before 1.24, both from 1.20 to 1.23). */
function controlPlaneTolerations(version: number): any[] {
  const keys: string[] = [];
  if (version < 124) keys.push('node-role.kubernetes.io/master');
  if (version >= 120) keys.push('node-role.kubernetes.io/control-plane');
  return keys.map((key) => ({ effect: 'NoSchedule', key }));
}

/** Returns the OS node selector of `version` (the beta label before 1.17). */
function osSelector(version: number): Record<string, string> {
  return version >= 117 ? { 'kubernetes.io/os': 'linux' } : { 'beta.kubernetes.io/os': 'linux' };
}

function serviceAccount(name: string): KObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } };
}

/** Returns the CoreDNS configuration kubeadm writes. */
function corefile(): string {
  return [
    '.:53 {',
    '    errors',
    '    health {',
    '       lameduck 5s',
    '    }',
    '    ready',
    '    kubernetes cluster.local in-addr.arpa ip6.arpa {',
    '       pods insecure',
    '       fallthrough in-addr.arpa ip6.arpa',
    '       ttl 30',
    '    }',
    '    prometheus :9153',
    '    forward . /etc/resolv.conf {',
    '       max_concurrent 1000',
    '    }',
    '    cache 30',
    '    loop',
    '    reload',
    '    loadbalance',
    '}',
    '',
  ].join('\n');
}

function coreDNSContainer(image: string, version: number): any {
  const ports: any[] = [
    { containerPort: 53, name: 'dns', protocol: 'UDP' },
    { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
    { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
  ];
  // CoreDNS answers readiness on its ready plugin's port from 1.16 (CoreDNS 1.6), on its health port before.
  const readyPlugin = version >= 116;
  const namedPorts = version >= 124;
  let readinessPort: number | string = readyPlugin ? 8181 : 8080;
  if (namedPorts) readinessPort = 'readiness-probe';
  if (namedPorts) ports.push({ containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' }, { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' });
  return {
    args: ['-conf', '/etc/coredns/Corefile'],
    image,
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: {
      failureThreshold: 5,
      httpGet: { path: '/health', port: namedPorts ? 'liveness-probe' : 8080, scheme: 'HTTP' },
      initialDelaySeconds: 60,
      successThreshold: 1,
      timeoutSeconds: 5,
    },
    name: 'coredns',
    ports,
    readinessProbe: { httpGet: { path: readyPlugin ? '/ready' : '/health', port: readinessPort, scheme: 'HTTP' } },
    resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: [version >= 124 ? 'ALL' : 'all'] }, readOnlyRootFilesystem: true },
    volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
  };
}

/** Builds the CoreDNS Deployment: two replicas, cluster-critical, tolerating the control-plane taint. */
function coreDNSDeployment(images: KubeadmImages, version: number): KObject {
  const container = coreDNSContainer(images.coreDNS, version);
  const spec: any = {
    containers: [container],
    dnsPolicy: 'Default',
    nodeSelector: osSelector(version),
    priorityClassName: 'system-cluster-critical',
    serviceAccountName: 'coredns',
    tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, ...controlPlaneTolerations(version)],
    volumes: [{ configMap: { items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' }, name: 'config-volume' }],
  };
  if (version >= 119) {
    spec.affinity = {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' },
            weight: 100,
          },
        ],
      },
    };
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { ...DNS_LABELS } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { ...DNS_LABELS } },
      strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: { metadata: { labels: { ...DNS_LABELS } }, spec },
    },
  };
}

/** Builds the kube-dns Service at the tenth address of the service range, with CoreDNS's three ports. */
function kubeDNSService(): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { ...DNS_LABELS, 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: CLUSTER_DNS_IP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { ...DNS_LABELS },
    },
  };
}

/** Builds the kube-proxy DaemonSet, which runs on every node (it tolerates every taint) on the host network. */
function kubeProxyDaemonSet(images: KubeadmImages, version: number): KObject {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { ...labels } },
    spec: {
      selector: { matchLabels: { ...labels } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          containers: [
            {
              command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
              image: images.proxy,
              imagePullPolicy: 'IfNotPresent',
              name: 'kube-proxy',
              securityContext: { privileged: true },
              volumeMounts: [
                { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
              ],
            },
          ],
          hostNetwork: true,
          nodeSelector: osSelector(version),
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'kube-proxy',
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { operator: 'Exists' }],
          volumes: [
            { configMap: { name: 'kube-proxy' }, name: 'kube-proxy' },
            { hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' }, name: 'xtables-lock' },
            { hostPath: { path: '/lib/modules', type: '' }, name: 'lib-modules' },
          ],
        },
      },
      updateStrategy: { type: 'RollingUpdate' },
    },
  };
}

function kubeProxyConfigMap(apiServer: string): KObject {
  const kubeconfig = [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    '    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt',
    `    server: ${apiServer}`,
    '  name: default',
    'contexts:',
    '- context:',
    '    cluster: default',
    '    namespace: default',
    '    user: default',
    '  name: default',
    'current-context: default',
    'users:',
    '- name: default',
    '  user:',
    '    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token',
  ].join('\n');
  const config = [
    'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    'bindAddress: 0.0.0.0',
    'clientConnection:',
    '  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf',
    'clusterCIDR: 10.244.0.0/16',
    'kind: KubeProxyConfiguration',
    'mode: ""',
  ].join('\n');
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
    data: { 'config.conf': config, 'kubeconfig.conf': kubeconfig },
  };
}

/** One object to create, with its resource (plural). */
export interface AddonObject {
  resource: string;
  object: KObject;
}

/**
 * Returns the add-on objects in the order kubeadm creates them: CoreDNS's
 * ServiceAccount, ConfigMap, Deployment and Service, then kube-proxy's
 * ServiceAccount, ConfigMap and DaemonSet. `apiServer` is the control-plane
 * endpoint kube-proxy's kubeconfig names (`https://<ip>:6443`).
 */
export function kubeadmAddons(images: KubeadmImages, version: number, apiServer: string): AddonObject[] {
  return [
    { resource: 'serviceaccounts', object: serviceAccount('coredns') },
    { resource: 'configmaps', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: corefile() } } },
    { resource: 'deployments', object: coreDNSDeployment(images, version) },
    { resource: 'services', object: kubeDNSService() },
    { resource: 'serviceaccounts', object: serviceAccount('kube-proxy') },
    { resource: 'configmaps', object: kubeProxyConfigMap(apiServer) },
    { resource: 'daemonsets', object: kubeProxyDaemonSet(images, version) },
  ];
}
