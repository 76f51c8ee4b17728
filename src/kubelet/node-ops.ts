/**
 * Things that happen to a node outside the API: an image put onto it with
 * `docker load`/`docker tag`, and a reboot. Both are simulator verbs
 * (`kubesim node load-image`, `kubesim node reboot`), so a replayed
 * tutorial can reproduce them instead of pretending.
 */
import type { KObject } from '../api/types.js';
import type { Store } from '../store/store.js';
import type { ClusterSettings } from '../engine/settings.js';
import { recordEvent } from '../engine/events.js';
import { resolveImage } from '../images/catalog.js';
import { isPresentOnNode } from './images.js';
import { allocatePodIP } from './ipam.js';
import { buildPodStatus } from './status.js';
import type { PodRecord } from './state.js';

/**
 * Adds `image` to the node's image list, as `docker load` or `docker tag`
 * on that node does. Returns false when the node already had it.
 */
export function loadImageOnNode(store: Store, nodeName: string, image: string): boolean {
  const node = store.get('nodes', '', nodeName);
  if (!node) throw new Error(`node "${nodeName}" not found`);
  if (isPresentOnNode(node, image)) return false;
  node.status ??= {};
  node.status.images ??= [];
  node.status.images.push({ names: [image], sizeBytes: resolveImage(image).sizeBytes });
  store.update('nodes', node);
  return true;
}

/**
 * Reboots a node at `now`: every container that was running, or waiting to
 * start again, on a pod of that node is killed. When the node is back, the
 * kubelet makes a new sandbox for each pod. The pod gets a new IP, and each
 * of its containers starts again, its restart count one higher once it runs.
 * Completed and failed pods stay as they are. Returns the pods it restarted.
 */
export function rebootNode(store: Store, nodeName: string, now: number, settings: ClusterSettings): string[] {
  const node = store.get('nodes', '', nodeName);
  if (!node) throw new Error(`node "${nodeName}" not found`);
  const restarted: string[] = [];
  for (const pod of store.list('pods', undefined, { node: nodeName })) {
    const record = pod._sim as PodRecord | undefined;
    if (!record || pod.metadata.deletionTimestamp) continue;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    let touched = false;
    for (const rec of Object.values(record.containers)) {
      if (rec.stage !== 'run' && rec.stage !== 'exited' && rec.stage !== 'wait') continue;
      if (rec.stage === 'run') {
        if (rec.last) rec.previous = rec.last;
        rec.last = { exitCode: 255, reason: 'Unknown', startedAt: rec.startedAt ?? now, finishedAt: now };
      }
      // The kubelet's back-off entries live in its memory, which the reboot clears.
      delete rec.backOffMs;
      delete rec.backOffUpdatedAt;
      // The kubelet's first sync after the reboot restarts it, and like every start the restart
      // runs the image step. The restart count rises when it runs again, because it ran before.
      rec.stage = 'exited';
      rec.until = now;
      rec.waitingReason = 'ContainerCreating';
      delete rec.waitingMessage;
      touched = true;
    }
    if (!touched) continue;
    restarted.push(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (!pod.spec.hostNetwork) {
      const ip = allocatePodIP(store, node);
      pod.status.podIP = ip;
      pod.status.podIPs = [{ ip }];
    }
    pod._sim = record;
    pod.status = buildPodStatus(pod, record, now, settings.version);
    const saved = store.update('pods', pod);
    recordEventFor(store, saved, nodeName);
    store.addTimer(now, 'kubelet', `${pod.metadata.namespace}/${pod.metadata.name}`);
  }
  return restarted;
}

/** Records the kubelet's event for a pod whose sandbox is gone after a restart. */
function recordEventFor(store: Store, pod: KObject, nodeName: string): void {
  recordEvent(store, pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.', {
    component: 'kubelet',
    host: nodeName,
  });
}
