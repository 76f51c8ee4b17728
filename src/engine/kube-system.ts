/**
 * A new cluster's kube-system, set up as `kubeadm init` and `kubeadm join`
 * leave it: the control plane's mirror pods on the control-plane node,
 * CoreDNS and kube-proxy, all Running when `cluster create` returns.
 *
 * The steps follow kubeadm's order. `init` registers the control-plane
 * node, whose kubelet publishes the static pods, and installs the add-ons.
 * CoreDNS then runs on the control-plane node, the only node it may use, as
 * on a cluster whose network add-on came before the first join (the order
 * kubeadm's guide gives). `join` adds the workers, and the DaemonSet
 * controller gives each its kube-proxy pod. The controllers create the
 * ReplicaSet, the pods, the ControllerRevision and the Endpoints as they
 * would for any workload.
 *
 * What the cluster did before the user's first command costs the user
 * nothing later:
 * - Its names and uids come from a stream of the seeded generator of their
 *   own, so every name the user's workloads get stays the one a cluster
 *   without kube-system gave (seeded transcripts and tests keep their names).
 * - Its pods are Running at the creation time itself: their images are on
 *   the nodes already (kubeadm pulls them before init), and their
 *   containers count as started when the cluster was created.
 * - It leaves no events: the cluster was set up before the user came, and
 *   events of a real one expire after an hour.
 * The pods take addresses only on the control-plane node (kube-proxy uses
 * the host network), whose pod CIDR no workload of the user shares.
 */
import type { Cluster } from './cluster.js';
import type { KObject } from '../api/types.js';
import { isoTime } from '../store/store.js';
import { bootstrapControlPlane, bootstrapWorkers, kubeletVersion } from './bootstrap.js';
import { kubeadmImages } from './kubeadm-images.js';
import { kubeadmAddons } from './kubeadm-addons.js';
import { controlPlanePods } from './static-pods.js';
import { draw, nameSuffix, uuid } from './random.js';
import { startSystemPods } from './kube-system-start.js';
import { clearEventState } from './event-state.js';
import { EVENT_TTL_CONTROLLER } from './event-ttl.js';

/** Mixed into the cluster's seed to give kube-system its own stream of names. */
const STREAM = 0x6b756265;

/**
 * Runs `fn` with the store's uids and generated names, and the controllers'
 * random choices, drawn from kube-system's own stream, then restores the
 * cluster's generator. `counter` carries the stream's position between runs.
 */
function withOwnStream<T>(cluster: Cluster, counter: { n: number }, fn: () => T): T {
  const store = cluster.store;
  const seed = (cluster.settings.seed ^ STREAM) >>> 0;
  const saved = { uid: store.newUid, suffix: store.randomSuffix };
  store.newUid = () => uuid(seed, ++counter.n);
  store.randomSuffix = () => nameSuffix(seed, ++counter.n);
  // An own property shadows Cluster.random while fn runs; the controllers' contexts call it through the instance.
  (cluster as { random: () => number }).random = () => draw(seed, ++counter.n, 7);
  try {
    return fn();
  } finally {
    store.newUid = saved.uid;
    store.randomSuffix = saved.suffix;
    delete (cluster as { random?: () => number }).random;
  }
}

/** Returns the control-plane node's name, uid and InternalIP. */
function controlPlaneNode(node: KObject): { name: string; uid: string; ip: string } {
  const ip = (node.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address ?? '';
  return { name: node.metadata.name, uid: node.metadata.uid!, ip };
}

/**
 * Deletes the events kube-system's setup recorded (they are all in
 * kube-system), the recorder's state about them, and the sweep that would
 * have expired them.
 */
function dropEvents(cluster: Cluster): void {
  const store = cluster.store;
  store.tx(() => {
    for (const e of store.list('events', 'kube-system')) store.remove('events', 'kube-system', e.metadata.name);
  });
  store.tx(() => clearEventState(store));
  store.db.prepare('DELETE FROM timers WHERE controller = ?').run(EVENT_TTL_CONTROLLER);
}

/**
 * Creates a new cluster's objects at `start` (ms): namespaces, nodes, the
 * `kubernetes` Service, and kube-system as kubeadm sets it up. Must run on
 * a cluster with no objects, outside a transaction.
 */
export function bootstrapKubeadmCluster(cluster: Cluster, start: number): void {
  const store = cluster.store;
  const settings = cluster.settings;
  const nowIso = isoTime(start);
  const images = kubeadmImages(settings.version, kubeletVersion(settings));
  const stream = { n: 0 };
  store.tx(() => bootstrapControlPlane(store, settings, nowIso));
  withOwnStream(cluster, stream, () => {
    store.tx(() => {
      const node = controlPlaneNode(store.get('nodes', '', 'k8s-master01')!);
      for (const pod of controlPlanePods(node, images, settings.version, nowIso)) store.create('pods', pod);
      for (const { resource, object } of kubeadmAddons(images, settings.version, `https://${node.ip}:6443`)) store.create(resource, object);
    });
    cluster.settle(start);
  });
  store.tx(() => bootstrapWorkers(store, settings, nowIso));
  withOwnStream(cluster, stream, () => {
    cluster.settle(start);
    store.tx(() => startSystemPods(store, settings.version, start, () => cluster.random()));
    cluster.settle(start);
    dropEvents(cluster);
  });
  // The kubelet's wake-ups for the starts finished above would only sync the pods again.
  store.db.prepare("DELETE FROM timers WHERE controller = 'kubelet' AND key LIKE 'kube-system/%'").run();
}
