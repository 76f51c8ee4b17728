/**
 * Brings kube-system's pods of a new cluster to Running at the cluster's
 * creation time, as if their containers had started before the user's
 * first command. The kubelet has taken each pod through its first sync (an
 * address, the image step). This module finishes the start the kubelet
 * would make a second later: the container's program and log, its runtime
 * ID, its status, and the image in the node's list.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { ContainerRecord, PodRecord } from '../kubelet/state.js';
import { programInputs } from '../kubelet/kubelet.js';
import { buildPodStatus } from '../kubelet/status.js';
import { runtimeContainerID, isPresentOnNode } from '../kubelet/images.js';
import { planContainer } from '../images/program.js';
import { resolveImage } from '../images/catalog.js';

/** Starts one container at `at` and returns its kubelet record. */
function startedRecord(store: Store, pod: KObject, spec: any, at: number, version: number, random: () => number): ContainerRecord {
  const { container, context } = programInputs(pod, spec, at, store);
  const plan = planContainer(container, context);
  store.appendLogs(pod.metadata.uid!, spec.name, 0, plan.output.map((o) => ({ ts: at + o.atMs, stream: o.stream, line: o.line })));
  const rec: ContainerRecord = { stage: 'run', restarts: 0, pullFailures: 0, startedAt: at, readyAt: at };
  if (plan.exit) {
    rec.exitAt = at + plan.exit.atMs;
    rec.exitCode = plan.exit.code;
    rec.until = rec.exitAt;
  }
  rec.ignoresSigterm = plan.ignoresSigterm;
  rec.terminationMs = plan.terminationMs;
  rec.serves = plan.serves;
  rec.listens = plan.listens;
  rec.sigtermExitCode = plan.sigtermExitCode;
  rec.version = plan.version;
  rec.containerId = runtimeContainerID((random().toString(16) + random().toString(16)).padEnd(16, '0'), version);
  return rec;
}

/** Adds `image` to the node's image list unless the node has it. */
function addImage(node: KObject, image: string): void {
  if (isPresentOnNode(node, image)) return;
  node.status.images ??= [];
  node.status.images.push({ names: [image], sizeBytes: resolveImage(image).sizeBytes });
}

/**
 * Starts every container of kube-system's bound pods at `at` (ms), inside
 * the caller's transaction. `random` draws the runtime IDs.
 */
export function startSystemPods(store: Store, version: number, at: number, random: () => number): void {
  const nodes = new Map<string, KObject>();
  for (const pod of store.list('pods', 'kube-system')) {
    const record = pod._sim as PodRecord | undefined;
    const nodeName: string | undefined = pod.spec?.nodeName;
    if (!record || !nodeName) continue;
    let node = nodes.get(nodeName);
    if (!node) {
      node = store.get('nodes', '', nodeName)!;
      nodes.set(nodeName, node);
    }
    for (const spec of pod.spec.containers ?? []) {
      record.containers[spec.name] = startedRecord(store, pod, spec, at, version, random);
      addImage(node, spec.image);
    }
    if (record.podIP && !pod.status.podIP) {
      pod.status.podIP = record.podIP;
      pod.status.podIPs = [{ ip: record.podIP }];
    }
    pod.status = buildPodStatus(pod, record, at, version);
    store.update('pods', pod);
  }
  for (const node of nodes.values()) store.update('nodes', node);
}
