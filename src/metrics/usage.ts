/**
 * Simulated resource usage, the figures metrics-server would report: each
 * running container uses an idle baseline for its image kind, and the first
 * running container of a pod also carries the pod's share of every load on
 * it. The HPA controller and `kubesim top` both read usage through here.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import { resolveImage, type ImageKind } from '../images/catalog.js';
import { activeLoads, loadPods } from './load.js';

const Ki = 1024;
const Mi = 1024 * 1024;

/** Idle usage of one container by image kind: CPU in millicores, memory in bytes. */
export const IDLE_USAGE: Readonly<Record<ImageKind, { cpu: number; memory: number }>> = {
  myapp: { cpu: 1, memory: 2 * Mi + 512 * Ki },
  nginx: { cpu: 1, memory: 7 * Mi + 256 * Ki },
  busybox: { cpu: 0, memory: 420 * Ki },
  perl: { cpu: 1, memory: 5 * Mi },
  agnhost: { cpu: 1, memory: 6 * Mi },
  goproxy: { cpu: 1, memory: 3 * Mi },
  generic: { cpu: 1, memory: 12 * Mi },
};

/** CPU one request per second costs a serving container, in millicores, by image kind. */
export const CPU_PER_RPS: Readonly<Record<ImageKind, number>> = {
  myapp: 1,
  nginx: 1,
  busybox: 2,
  perl: 4,
  agnhost: 1,
  goproxy: 1,
  generic: 2,
};

/** Memory a container gains per millicore of load (buffers, connections). */
const MEMORY_PER_LOAD_MILLI = 16 * Ki;

/** Usage of the system daemons on a node (kubelet, container runtime, and on the control plane its components). */
const NODE_OVERHEAD = {
  controlPlane: { cpu: 148, memory: 1104 * Mi },
  worker: { cpu: 37, memory: 486 * Mi },
};

export interface ContainerUsage {
  name: string;
  /** Millicores. */
  cpu: number;
  /** Bytes. */
  memory: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  containers: ContainerUsage[];
  cpu: number;
  memory: number;
}

export interface NodeUsage {
  name: string;
  cpu: number;
  memory: number;
}

function isRunning(pod: KObject, container: string): boolean {
  const cs = (pod.status?.containerStatuses ?? []).find((s: any) => s.name === container);
  return !!cs?.state?.running;
}

/**
 * A snapshot of usage at one instant. Load shares are worked out once per
 * snapshot, so reading many pods costs one pass over the loads.
 */
export class MetricsSnapshot {
  /** Extra load per pod uid: CPU millicores from `--cpu` loads and requests per second. */
  private shares = new Map<string, { cpu: number; rps: number }>();
  private nodeReady = new Map<string, boolean>();

  constructor(
    private readonly store: Store,
    readonly now: number,
  ) {
    for (const load of activeLoads(store, now)) {
      const pods = loadPods(store, load);
      if (pods.length === 0) continue;
      for (const pod of pods) {
        const share = this.shares.get(pod.metadata.uid!) ?? { cpu: 0, rps: 0 };
        share.cpu += (load.cpuMillis ?? 0) / pods.length;
        share.rps += (load.rps ?? 0) / pods.length;
        this.shares.set(pod.metadata.uid!, share);
      }
    }
  }

  /** Tells whether metrics-server can scrape a node: its kubelet reports Ready. */
  isNodeReporting(name: string): boolean {
    const known = this.nodeReady.get(name);
    if (known !== undefined) return known;
    const node = this.store.get('nodes', '', name);
    const ready = (node?.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
    this.nodeReady.set(name, ready);
    return ready;
  }

  /** Usage of a pod, or undefined when metrics-server would have none (no running container, or its node stopped reporting). */
  pod(pod: KObject): PodUsage | undefined {
    if (pod.status?.phase !== 'Running') return undefined;
    if (!pod.spec?.nodeName || !this.isNodeReporting(pod.spec.nodeName)) return undefined;
    const running = (pod.spec?.containers ?? []).filter((c: any) => isRunning(pod, c.name));
    if (running.length === 0) return undefined;
    const share = this.shares.get(pod.metadata.uid!);
    const containers = running.map((c: any, i: number): ContainerUsage => {
      const kind = resolveImage(String(c.image ?? '')).kind;
      const idle = IDLE_USAGE[kind];
      const load = i === 0 && share ? share.cpu + share.rps * CPU_PER_RPS[kind] : 0;
      const cpu = Math.floor(idle.cpu + load);
      return { name: c.name, cpu, memory: idle.memory + Math.floor(load) * MEMORY_PER_LOAD_MILLI };
    });
    return {
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      containers,
      cpu: containers.reduce((n, c) => n + c.cpu, 0),
      memory: containers.reduce((n, c) => n + c.memory, 0),
    };
  }

  /** Usage of a node: its system daemons plus every pod bound to it; undefined while the node is not reporting. */
  node(node: KObject): NodeUsage | undefined {
    if (!this.isNodeReporting(node.metadata.name)) return undefined;
    const controlPlane = Object.keys(node.metadata.labels ?? {}).some((k) => k === 'node-role.kubernetes.io/control-plane' || k === 'node-role.kubernetes.io/master');
    const base = controlPlane ? NODE_OVERHEAD.controlPlane : NODE_OVERHEAD.worker;
    let cpu = base.cpu;
    let memory = base.memory;
    for (const pod of this.store.list('pods', undefined, { node: node.metadata.name })) {
      const u = this.pod(pod);
      if (!u) continue;
      cpu += u.cpu;
      memory += u.memory;
    }
    return { name: node.metadata.name, cpu, memory };
  }
}
