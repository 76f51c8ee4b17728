import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { eventsOf } from '../controllers/helpers.js';
import { podCells } from '../../src/printers/pod-status.js';
import { rebootNode } from '../../src/kubelet/node-ops.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

function pod(c: Cluster): KObject {
  return c.store.get('pods', 'default', 'web')!;
}

/** Creates pod web from a tagged image (pull policy IfNotPresent), lets it run for a minute, then reboots its node. */
function rebooted(): Cluster {
  const c = newCluster();
  createObject(c, 'pods', newPod('web', 'nginx:1.25'));
  advance(c, 60_000);
  c.store.tx(() => rebootNode(c.store, pod(c).spec.nodeName, c.simNow, c.settings));
  c.settle();
  return c;
}

describe('node reboot', () => {
  it('restarts containers through the image step', () => {
    const c = rebooted();
    expect(podCells(pod(c), c.simNow, 132)).toEqual({ ready: '0/1', status: 'ContainerCreating', restarts: '0' });
    expect(eventsOf(c, pod(c)).filter((e) => !e.includes(' Scheduled ')).slice(-2)).toEqual([
      'Normal SandboxChanged Pod sandbox changed, it will be killed and re-created.',
      'Normal Pulled Container image "nginx:1.25" already present on machine',
    ]);
    advance(c, c.settings.startMs);
    expect(podCells(pod(c), c.simNow, 132)).toEqual({ ready: '1/1', status: 'Running', restarts: '1 (1s ago)' });
    const started = c.store.list('events', 'default').find((e) => e.involvedObject?.uid === pod(c).metadata.uid && e.reason === 'Started');
    expect(started?.count).toBe(2);
  });
});
