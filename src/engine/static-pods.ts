/**
 * The control plane of a kubeadm cluster: the static pods kubeadm writes to
 * /etc/kubernetes/manifests on the control-plane node (etcd,
 * kube-apiserver, kube-controller-manager, kube-scheduler), as the mirror
 * pods their kubelet publishes in kube-system.
 *
 * A mirror pod is named `<component>-<node>`, runs on the host network,
 * carries the kubelet's `kubernetes.io/config.*` annotations and, from 1.17,
 * an owner reference to its Node. Its priority comes from its class
 * (system-node-critical since kubeadm 1.19, system-cluster-critical before).
 *
 * Simplified: the command lines and probes are those of kubeadm 1.32. Older
 * clusters get the older registry, image tags, node role toleration and
 * priority class, but the same flags.
 */
import type { KObject } from '../api/types.js';
import type { KubeadmImages } from './kubeadm-images.js';

/** The control-plane node's name, uid and InternalIP, which the manifests name. */
export interface ControlPlaneNode {
  name: string;
  uid: string;
  ip: string;
}

function hostPath(name: string, path: string, type: string): any {
  return { hostPath: { path, type }, name };
}

function probe(host: string, path: string, port: number, scheme: string, failureThreshold: number): any {
  return { failureThreshold, httpGet: { host, path, port, scheme }, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 };
}

/** Builds a readiness probe, checked every second from the start, with no initial delay. */
function readinessProbe(host: string, path: string, port: number, scheme: string): any {
  return { failureThreshold: 3, httpGet: { host, path, port, scheme }, periodSeconds: 1, timeoutSeconds: 15 };
}

const CA_VOLUMES = [
  hostPath('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'),
  hostPath('etc-ca-certificates', '/etc/ca-certificates', 'DirectoryOrCreate'),
  hostPath('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'),
  hostPath('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates', 'DirectoryOrCreate'),
  hostPath('usr-share-ca-certificates', '/usr/share/ca-certificates', 'DirectoryOrCreate'),
];

function mountsOf(volumes: any[]): any[] {
  return volumes.map((v) => {
    const m: any = { mountPath: v.hostPath.path, name: v.name };
    if (v.name !== 'etcd-data' && v.name !== 'flexvolume-dir') m.readOnly = true;
    return m;
  });
}

interface Component {
  name: string;
  image: string;
  command: string[];
  cpu: string;
  memory?: string;
  volumes: any[];
  liveness: any;
  readiness?: any;
  startup: any;
  annotations?: Record<string, string>;
}

function etcd(node: ControlPlaneNode, images: KubeadmImages): Component {
  const ip = node.ip;
  return {
    name: 'etcd',
    image: images.etcd,
    cpu: '100m',
    memory: '100Mi',
    annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    command: [
      'etcd',
      `--advertise-client-urls=https://${ip}:2379`,
      '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
      '--client-cert-auth=true',
      '--data-dir=/var/lib/etcd',
      '--experimental-initial-corrupt-check=true',
      '--experimental-watch-progress-notify-interval=5s',
      `--initial-advertise-peer-urls=https://${ip}:2380`,
      `--initial-cluster=${node.name}=https://${ip}:2380`,
      '--key-file=/etc/kubernetes/pki/etcd/server.key',
      `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
      '--listen-metrics-urls=http://127.0.0.1:2381',
      `--listen-peer-urls=https://${ip}:2380`,
      `--name=${node.name}`,
      '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
      '--peer-client-cert-auth=true',
      '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
      '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
      '--snapshot-count=10000',
      '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
    ],
    volumes: [hostPath('etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'), hostPath('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')],
    liveness: probe('127.0.0.1', '/livez', 2381, 'HTTP', 8),
    readiness: readinessProbe('127.0.0.1', '/readyz', 2381, 'HTTP'),
    startup: probe('127.0.0.1', '/readyz', 2381, 'HTTP', 24),
  };
}

function apiServer(node: ControlPlaneNode, images: KubeadmImages): Component {
  const pki = '/etc/kubernetes/pki';
  return {
    name: 'kube-apiserver',
    image: images.apiServer,
    cpu: '250m',
    annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${node.ip}:6443` },
    command: [
      'kube-apiserver',
      `--advertise-address=${node.ip}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      `--client-ca-file=${pki}/ca.crt`,
      '--enable-admission-plugins=NodeRestriction',
      '--enable-bootstrap-token-auth=true',
      `--etcd-cafile=${pki}/etcd/ca.crt`,
      `--etcd-certfile=${pki}/apiserver-etcd-client.crt`,
      `--etcd-keyfile=${pki}/apiserver-etcd-client.key`,
      '--etcd-servers=https://127.0.0.1:2379',
      `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`,
      `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`,
      '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
      `--proxy-client-cert-file=${pki}/front-proxy-client.crt`,
      `--proxy-client-key-file=${pki}/front-proxy-client.key`,
      '--requestheader-allowed-names=front-proxy-client',
      `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
      '--requestheader-extra-headers-prefix=X-Remote-Extra-',
      '--requestheader-group-headers=X-Remote-Group',
      '--requestheader-username-headers=X-Remote-User',
      '--secure-port=6443',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki}/sa.pub`,
      `--service-account-signing-key-file=${pki}/sa.key`,
      '--service-cluster-ip-range=10.96.0.0/12',
      `--tls-cert-file=${pki}/apiserver.crt`,
      `--tls-private-key-file=${pki}/apiserver.key`,
    ],
    volumes: CA_VOLUMES,
    liveness: probe(node.ip, '/livez', 6443, 'HTTPS', 8),
    readiness: readinessProbe(node.ip, '/readyz', 6443, 'HTTPS'),
    startup: probe(node.ip, '/livez', 6443, 'HTTPS', 24),
  };
}

function controllerManager(images: KubeadmImages): Component {
  const pki = '/etc/kubernetes/pki';
  const conf = '/etc/kubernetes/controller-manager.conf';
  return {
    name: 'kube-controller-manager',
    image: images.controllerManager,
    cpu: '200m',
    command: [
      'kube-controller-manager',
      '--allocate-node-cidrs=true',
      `--authentication-kubeconfig=${conf}`,
      `--authorization-kubeconfig=${conf}`,
      '--bind-address=127.0.0.1',
      `--client-ca-file=${pki}/ca.crt`,
      '--cluster-cidr=10.244.0.0/16',
      '--cluster-name=kubernetes',
      `--cluster-signing-cert-file=${pki}/ca.crt`,
      `--cluster-signing-key-file=${pki}/ca.key`,
      '--controllers=*,bootstrapsigner,tokencleaner',
      `--kubeconfig=${conf}`,
      '--leader-elect=true',
      `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`,
      `--root-ca-file=${pki}/ca.crt`,
      `--service-account-private-key-file=${pki}/sa.key`,
      '--service-cluster-ip-range=10.96.0.0/12',
      '--use-service-account-credentials=true',
    ],
    volumes: [
      ...CA_VOLUMES.slice(0, 2),
      hostPath('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', 'DirectoryOrCreate'),
      CA_VOLUMES[2],
      hostPath('kubeconfig', conf, 'FileOrCreate'),
      ...CA_VOLUMES.slice(3),
    ],
    liveness: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 8),
    startup: probe('127.0.0.1', '/healthz', 10257, 'HTTPS', 24),
  };
}

function scheduler(images: KubeadmImages): Component {
  const conf = '/etc/kubernetes/scheduler.conf';
  return {
    name: 'kube-scheduler',
    image: images.scheduler,
    cpu: '100m',
    command: ['kube-scheduler', `--authentication-kubeconfig=${conf}`, `--authorization-kubeconfig=${conf}`, '--bind-address=127.0.0.1', `--kubeconfig=${conf}`, '--leader-elect=true'],
    volumes: [hostPath('kubeconfig', conf, 'FileOrCreate')],
    liveness: probe('127.0.0.1', '/livez', 10259, 'HTTPS', 8),
    readiness: readinessProbe('127.0.0.1', '/readyz', 10259, 'HTTPS'),
    startup: probe('127.0.0.1', '/livez', 10259, 'HTTPS', 24),
  };
}

/** 32 hex digits hashed from `text` (FNV-1a rounds), standing in for the kubelet's MD5 config hash. */
function configHash(text: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 32; round++) {
    const input = `${round}:${text}`;
    for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

function mirrorPod(c: Component, node: ControlPlaneNode, version: number, seenIso: string): KObject {
  const container: any = {
    command: c.command,
    image: c.image,
    imagePullPolicy: 'IfNotPresent',
    livenessProbe: c.liveness,
    name: c.name,
    resources: { requests: c.memory ? { cpu: c.cpu, memory: c.memory } : { cpu: c.cpu } },
    startupProbe: c.startup,
    volumeMounts: mountsOf(c.volumes),
  };
  if (c.readiness) container.readinessProbe = c.readiness;
  const nodeCritical = version >= 119;
  const spec: any = {
    containers: [container],
    hostNetwork: true,
    nodeName: node.name,
    priorityClassName: nodeCritical ? 'system-node-critical' : 'system-cluster-critical',
    securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
    tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
    volumes: c.volumes,
  };
  const hash = configHash(`${c.name}/${node.name}/${JSON.stringify(spec)}`);
  const metadata: any = {
    name: `${c.name}-${node.name}`,
    namespace: 'kube-system',
    labels: { component: c.name, tier: 'control-plane' },
    annotations: {
      ...(c.annotations ?? {}),
      'kubernetes.io/config.hash': hash,
      'kubernetes.io/config.mirror': hash,
      'kubernetes.io/config.seen': seenIso.replace(/\.\d+Z$|Z$/, '.000000000Z'),
      'kubernetes.io/config.source': 'file',
    },
  };
  if (version >= 117) metadata.ownerReferences = [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node.name, uid: node.uid }];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** Builds the four mirror pods of the control-plane node, in the order `kubectl get pods` lists them. */
export function controlPlanePods(node: ControlPlaneNode, images: KubeadmImages, version: number, seenIso: string): KObject[] {
  return [etcd(node, images), apiServer(node, images), controllerManager(images), scheduler(images)].map((c) => mirrorPod(c, node, version, seenIso));
}
