import { describe, expect, it } from 'vitest';
import { newCluster, newPod } from '../../helpers/cluster.js';
import { createCluster } from '../../../src/engine/open.js';
import type { Cluster } from '../../../src/engine/cluster.js';

/** Returns the node a pod is bound to, or its PodScheduled message while Pending. */
function placement(c: Cluster, name: string): string {
  const pod = c.store.get('pods', 'default', name)!;
  if (pod.spec.nodeName) return pod.spec.nodeName;
  return pod.status?.conditions?.find((x: any) => x.type === 'PodScheduled')?.message ?? 'not tried';
}

function createPod(c: Cluster, name: string): void {
  c.store.tx(() => c.store.create('pods', newPod(name, 'nginx:1.25')));
  c.settle();
}

describe('scheduler node list', () => {
  it('sees nodes another process cordoned', () => {
    const c = newCluster();
    createPod(c, 'a');
    expect(placement(c, 'a')).toMatch(/^k8s-node0[12]$/);

    // A second process on the same file cordons both workers.
    const other = createCluster('test', {}, c.store.db.name);
    other.store.tx(() => {
      for (const name of ['k8s-node01', 'k8s-node02']) {
        const node = other.store.get('nodes', '', name)!;
        node.spec.unschedulable = true;
        other.store.update('nodes', node);
      }
    });
    other.store.db.close();

    // The first process wrote no node itself, so only the changed store view makes it list the nodes again.
    createPod(c, 'b');
    expect(placement(c, 'b')).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('sees a node this process cordoned', () => {
    const c = newCluster();
    createPod(c, 'a');
    c.store.tx(() => {
      const node = c.store.get('nodes', '', 'k8s-node01')!;
      node.spec.unschedulable = true;
      c.store.update('nodes', node);
    });
    c.settle();
    createPod(c, 'b');
    createPod(c, 'c');
    expect(placement(c, 'b')).toBe('k8s-node02');
    expect(placement(c, 'c')).toBe('k8s-node02');
  });
});
