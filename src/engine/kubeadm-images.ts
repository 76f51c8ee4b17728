/**
 * The images `kubeadm init` deploys for an emulated Kubernetes version: the
 * control-plane components, etcd, kube-proxy and CoreDNS, from the registry
 * kubeadm of that version defaults to (k8s.gcr.io before 1.25,
 * registry.k8s.io from 1.25).
 *
 * The versions of 1.15 and 1.32 follow kubeadm's constants of those
 * releases (CoreDNS 1.3.1 and v1.11.3, etcd 3.3.10 and 3.5.16-0).
 * NOTE: the entries of the other minors follow the kubeadm release notes
 * and were not each checked against that release's constants.
 */

/** CoreDNS image tag by minor version; a minor below the table uses its first entry, above it its last. */
const COREDNS: [number, string][] = [
  [111, '1.1.3'],
  [112, '1.2.2'],
  [113, '1.2.6'],
  [114, '1.3.1'],
  [116, '1.6.2'],
  [117, '1.6.5'],
  [118, '1.6.7'],
  [119, '1.7.0'],
  [121, 'v1.8.0'],
  [122, 'v1.8.4'],
  [123, 'v1.8.6'],
  [125, 'v1.9.3'],
  [127, 'v1.10.1'],
  [129, 'v1.11.1'],
  [131, 'v1.11.3'],
  [133, 'v1.12.0'],
];

/** etcd image tag by minor version, read as COREDNS is. */
const ETCD: [number, string][] = [
  [111, '3.2.18'],
  [113, '3.2.24'],
  [114, '3.3.10'],
  [116, '3.3.15-0'],
  [117, '3.4.3-0'],
  [119, '3.4.13-0'],
  [122, '3.5.0-0'],
  [123, '3.5.1-0'],
  [124, '3.5.3-0'],
  [125, '3.5.4-0'],
  [126, '3.5.6-0'],
  [127, '3.5.7-0'],
  [128, '3.5.9-0'],
  [129, '3.5.10-0'],
  [130, '3.5.12-0'],
  [131, '3.5.15-0'],
  [132, '3.5.16-0'],
  [133, '3.5.21-0'],
];

function lookup(table: [number, string][], version: number): string {
  let found = table[0][1];
  for (const [since, tag] of table) if (version >= since) found = tag;
  return found;
}

/** The image names of one emulated cluster. */
export interface KubeadmImages {
  apiServer: string;
  controllerManager: string;
  scheduler: string;
  proxy: string;
  etcd: string;
  coreDNS: string;
}

/**
 * Returns the images kubeadm deploys for `version` (e.g. 132), whose
 * components carry the tag `componentVersion` (e.g. `v1.32.4`, the nodes'
 * kubelet version). CoreDNS moved to the `coredns/coredns` path in 1.21.
 */
export function kubeadmImages(version: number, componentVersion: string): KubeadmImages {
  const registry = version >= 125 ? 'registry.k8s.io' : 'k8s.gcr.io';
  const coreDNSPath = version >= 121 ? 'coredns/coredns' : 'coredns';
  return {
    apiServer: `${registry}/kube-apiserver:${componentVersion}`,
    controllerManager: `${registry}/kube-controller-manager:${componentVersion}`,
    scheduler: `${registry}/kube-scheduler:${componentVersion}`,
    proxy: `${registry}/kube-proxy:${componentVersion}`,
    etcd: `${registry}/etcd:${lookup(ETCD, version)}`,
    coreDNS: `${registry}/${coreDNSPath}:${lookup(COREDNS, version)}`,
  };
}
