/**
 * DaemonSet placement: the node selector and required node affinity of the
 * template, and the node's taints against the template's tolerations plus
 * the ones the DaemonSet controller adds to every pod.
 */
import type { KObject } from '../../api/types.js';
import { matchesNodeSelector, tolerates, type Taint, type Toleration } from '../scheduler/fit.js';

/**
 * Returns the tolerations the DaemonSet controller adds to its pods, so they stay on nodes that
 * are unreachable, under pressure or cordoned (and, for host-network pods, without a network).
 */
export function daemonTolerations(template: any, version: number): Toleration[] {
  const out: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (version >= 117) out.push({ key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' });
  out.push({ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' });
  if (template?.spec?.hostNetwork) out.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return out;
}

/** Adds each daemon toleration the pod spec lacks (same key and effect), keeping the user's own. */
export function addDaemonTolerations(spec: any, version: number): void {
  const current: Toleration[] = spec.tolerations ?? [];
  for (const t of daemonTolerations({ spec }, version)) {
    if (!current.some((c) => c.key === t.key && c.effect === t.effect)) current.push(t);
  }
  spec.tolerations = current;
}

export interface Placement {
  /** A new daemon pod may be placed on the node. */
  shouldRun: boolean;
  /** A daemon pod already there may stay. */
  shouldContinueRunning: boolean;
}

/** Decides whether the DaemonSet belongs on the node, as the controller's nodeShouldRunDaemonPod does. */
export function nodeShouldRunDaemonPod(ds: KObject, node: KObject, version: number): Placement {
  const spec = structuredClone(ds.spec?.template?.spec ?? {});
  addDaemonTolerations(spec, version);
  const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: '' }, spec };
  if (!matchesNodeSelector(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  let shouldRun = true;
  for (const taint of (node.spec?.taints ?? []) as Taint[]) {
    if (taint.effect === 'PreferNoSchedule' || tolerates(spec.tolerations, taint)) continue;
    if (taint.effect === 'NoExecute') return { shouldRun: false, shouldContinueRunning: false };
    shouldRun = false;
  }
  return { shouldRun, shouldContinueRunning: true };
}

/** Returns the node a daemon pod belongs to: its binding, or the node its required affinity names. */
export function daemonPodNode(pod: KObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.[0];
  }
  return undefined;
}

/** Pins a daemon pod to its node with required node affinity on metadata.name, replacing other required terms. */
export function pinToNode(spec: any, nodeName: string): void {
  spec.affinity ??= {};
  spec.affinity.nodeAffinity ??= {};
  spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
}
