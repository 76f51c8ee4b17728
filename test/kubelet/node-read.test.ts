import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { NodeView, sharedNode } from '../../src/kubelet/node-read.js';

describe('sharedNode', () => {
  it('returns one object until a node is written', () => {
    const c = newCluster();
    c.store.tx(() => {
      const first = sharedNode(c.store, 'k8s-node01');
      expect(first?.metadata.name).toBe('k8s-node01');
      expect(sharedNode(c.store, 'k8s-node01')).toBe(first);
      const copy = new NodeView(first!).mutable();
      copy.metadata.labels = { ...copy.metadata.labels, written: 'yes' };
      c.store.update('nodes', copy);
      const after = sharedNode(c.store, 'k8s-node01');
      expect(after).not.toBe(first);
      expect(after?.metadata.labels?.written).toBe('yes');
    });
  });

  it('returns undefined for a missing node', () => {
    const c = newCluster();
    c.store.tx(() => {
      expect(sharedNode(c.store, 'k8s-node99')).toBeUndefined();
    });
  });
});

describe('NodeView', () => {
  it('copies the node on the first change only', () => {
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status: { images: [] as any[] } };
    const view = new NodeView(node);
    expect(view.changed).toBe(false);
    expect(view.current).toBe(node);
    const own = view.mutable();
    own.status.images.push({ names: ['nginx:1.27'] });
    expect(view.mutable()).toBe(own);
    expect(view.current).toBe(own);
    expect(view.changed).toBe(true);
    expect(node.status.images).toEqual([]);
  });
});

describe('kubelet image list', () => {
  it('lists an image pulled by two containers once', () => {
    const c = newCluster();
    const pod = newPod('twins', 'nginx:1.27');
    pod.spec.containers.push({ name: 'second', image: 'nginx:1.27' });
    pod.spec.nodeName = 'k8s-node01';
    createObject(c, 'pods', pod);
    advance(c, c.settings.pullMs);
    const images = c.store.get('nodes', '', 'k8s-node01')!.status.images.filter((i: any) => i.names.includes('nginx:1.27'));
    expect(images).toHaveLength(1);
  });
});
