/**
 * The world a new cluster starts with, shaped like the tutorial's kubeadm
 * cluster: a tainted control-plane node `k8s-master01`, workers
 * `k8s-node01`, `k8s-node02`, ..., each with a /24 pod CIDR inside
 * 10.244.0.0/16, the standard namespaces, and the `kubernetes` Service with
 * its Endpoints and EndpointSlice.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { ClusterSettings } from './settings.js';
import { createBuiltinObjects } from './bootstrap-builtin.js';

export interface NodeOptions {
  name: string;
  controlPlane?: boolean;
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  index: number;
}

/** The kubelet version string reported by nodes of an emulated version. */
export function kubeletVersion(settings: ClusterSettings): string {
  const minor = settings.version % 100;
  const patch = minor === 32 ? 4 : minor === 15 ? 1 : 0;
  return `v1.${minor}.${patch}`;
}

export function buildNode(opts: NodeOptions, settings: ClusterSettings, nowIso: string): KObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': opts.name,
    'kubernetes.io/os': 'linux',
    ...(opts.labels ?? {}),
  };
  const taints = [...(opts.taints ?? [])];
  if (opts.controlPlane) {
    const role = settings.version >= 124 ? 'control-plane' : 'master';
    labels[`node-role.kubernetes.io/${role}`] = '';
    if (settings.version >= 120 && settings.version < 124) labels['node-role.kubernetes.io/control-plane'] = '';
    if (!taints.some((t) => t.key.startsWith('node-role.kubernetes.io/'))) taints.push({ key: `node-role.kubernetes.io/${role}`, effect: 'NoSchedule' });
  }
  const cpu = opts.cpu ?? '4';
  const memory = opts.memory ?? '8008812Ki';
  const ip = `192.168.192.${129 + opts.index}`;
  const old = settings.version < 124;
  const spec: any = { podCIDR: `10.244.${opts.index}.0/24`, podCIDRs: [`10.244.${opts.index}.0/24`] };
  if (taints.length) spec.taints = taints;
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: nowIso,
    lastTransitionTime: nowIso,
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: opts.name,
      labels,
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec,
    status: {
      addresses: [
        { address: ip, type: 'InternalIP' },
        { address: opts.name, type: 'Hostname' },
      ],
      allocatable: { cpu, 'ephemeral-storage': '17878Mi', memory, pods: '110' },
      capacity: { cpu, 'ephemeral-storage': '17878Mi', memory, pods: '110' },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', old ? 'kubelet is posting ready status' : 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: [],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: old ? 'docker://18.9.6' : 'containerd://1.7.24',
        kernelVersion: old ? '3.10.0-957.el7.x86_64' : '5.15.0-126-generic',
        kubeProxyVersion: kubeletVersion(settings),
        kubeletVersion: kubeletVersion(settings),
        machineID: '',
        operatingSystem: 'linux',
        osImage: old ? 'CentOS Linux 7 (Core)' : 'Ubuntu 22.04.5 LTS',
        systemUUID: '',
      },
    },
  };
}

/**
 * Creates the world up to the control-plane node: the standard namespaces
 * and `k8s-master01`, as `kubeadm init` leaves it.
 */
export function bootstrapControlPlane(store: Store, settings: ClusterSettings, nowIso: string): void {
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    store.create('namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  store.create('nodes', buildNode({ name: 'k8s-master01', controlPlane: true, index: 0 }, settings, nowIso));
}

/**
 * Creates the rest of the world: the workers, as `kubeadm join` adds them,
 * the `kubernetes` Service and the built-in objects (bootstrap-builtin.ts).
 */
export function bootstrapWorkers(store: Store, settings: ClusterSettings, nowIso: string): void {
  for (let i = 1; i <= settings.workers; i++) {
    store.create('nodes', buildNode({ name: `k8s-node${String(i).padStart(2, '0')}`, index: i }, settings, nowIso));
  }
  store.create('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
  store.setMeta('ipam:services', '2');
  createBuiltinObjects(store, settings.seed);
}

/** Creates the whole world without kube-system's workloads (see kube-system.ts for those). */
export function bootstrapCluster(store: Store, settings: ClusterSettings, nowIso: string): void {
  bootstrapControlPlane(store, settings, nowIso);
  bootstrapWorkers(store, settings, nowIso);
}
