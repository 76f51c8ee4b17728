import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import type { Store } from '../../../src/store/store.js';
import { activeClaimed, forgetOwnedPods, listViewedPods, viewOwnedPods } from '../../../src/controllers/replicaset/owned-pods.js';
import { newCluster } from '../workload-helpers.js';

const owner: KObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web', namespace: 'default', uid: 'rs1' },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'front' } } } },
};

function pod(name: string, o: { ready?: boolean; labels?: Record<string, string>; namespace?: string; deleting?: boolean } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: o.namespace ?? 'default',
      uid: `uid-${name}`,
      labels: o.labels ?? { app: 'web', tier: 'front' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs1', controller: true }],
      ...(o.deleting ? { deletionTimestamp: '2026-01-01T00:00:05Z' } : {}),
    },
    spec: { containers: [{ name: 'web', image: 'nginx' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: o.ready ? 'True' : 'False', lastTransitionTime: '2026-01-01T00:00:01Z' }] },
  };
}

/** A store whose owner index returns `pods` as they are, like the shared listing. */
function storeOf(state: { pods: KObject[] }): Store {
  return { list: () => state.pods } as unknown as Store;
}

describe('owned pod counts across syncs', () => {
  it('follows changed, removed and added pods', () => {
    const state = { pods: [pod('a'), pod('b'), pod('c')] };
    const store = storeOf(state);
    forgetOwnedPods('t1');
    expect(viewOwnedPods(store, 't1', owner).counts).toEqual({ active: 3, fully: 3, ready: 0, releases: 0 });

    state.pods = [state.pods[0], pod('b', { ready: true }), state.pods[2]];
    expect(viewOwnedPods(store, 't1', owner).counts).toEqual({ active: 3, fully: 3, ready: 1, releases: 0 });

    state.pods = [pod('a', { deleting: true }), state.pods[1], pod('b2', { labels: { app: 'web' } }), state.pods[2]];
    expect(viewOwnedPods(store, 't1', owner).counts).toEqual({ active: 3, fully: 2, ready: 1, releases: 0 });

    state.pods = [state.pods[1], state.pods[2]];
    expect(viewOwnedPods(store, 't1', owner).counts).toEqual({ active: 2, fully: 1, ready: 1, releases: 0 });
  });

  it('counts relabeled pods as releases', () => {
    const state = { pods: [pod('a'), pod('b')] };
    const store = storeOf(state);
    forgetOwnedPods('t2');
    viewOwnedPods(store, 't2', owner);
    state.pods = [pod('a', { labels: { app: 'other' } }), state.pods[1]];
    const view = viewOwnedPods(store, 't2', owner);
    expect(view.counts).toEqual({ active: 1, fully: 1, ready: 0, releases: 1 });
  });

  it('skips pods of other namespaces', () => {
    const state = { pods: [pod('a'), pod('b')] };
    const store = storeOf(state);
    forgetOwnedPods('t5');
    viewOwnedPods(store, 't5', owner);
    state.pods = [state.pods[0], pod('a', { namespace: 'zzz' }), state.pods[1]];
    const view = viewOwnedPods(store, 't5', owner);
    expect(view.counts).toEqual({ active: 2, fully: 2, ready: 0, releases: 0 });
    expect(activeClaimed(listViewedPods(store, view)).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });

  it('counts right in any listing order', () => {
    const state = { pods: [pod('a'), pod('b', { ready: true }), pod('c')] };
    const store = storeOf(state);
    forgetOwnedPods('t3');
    viewOwnedPods(store, 't3', owner);
    state.pods = [pod('d', { ready: true }), state.pods[2], pod('a', { ready: true })];
    expect(viewOwnedPods(store, 't3', owner).counts).toEqual({ active: 3, fully: 3, ready: 2, releases: 0 });
  });

  it('recounts for a new selector or uid', () => {
    const state = { pods: [pod('a', { ready: true }), pod('b')] };
    const store = storeOf(state);
    forgetOwnedPods('t4');
    viewOwnedPods(store, 't4', owner);
    const narrowed = structuredClone(owner);
    narrowed.spec.selector.matchLabels.tier = 'back';
    expect(viewOwnedPods(store, 't4', narrowed).counts).toEqual({ active: 0, fully: 0, ready: 0, releases: 2 });
    const recreated = structuredClone(owner);
    recreated.metadata.uid = 'rs2';
    expect(viewOwnedPods(store, 't4', recreated).counts).toEqual({ active: 0, fully: 0, ready: 0, releases: 0 });
    expect(viewOwnedPods(store, 't4', owner).counts).toEqual({ active: 2, fully: 2, ready: 1, releases: 0 });
  });
});

describe('owned pod counts kept by the write hook', () => {
  it('follows pod writes without a listing', () => {
    const c = newCluster();
    c.store.tx(() => {
      for (const name of ['a', 'b', 'c']) c.store.create('pods', pod(name));
      const first = viewOwnedPods(c.store, 'h1', owner);
      expect(first.listed).toHaveLength(3);
      expect(first.counts).toEqual({ active: 3, fully: 3, ready: 0, releases: 0 });

      const b = c.store.get('pods', 'default', 'b')!;
      b.status.conditions[0].status = 'True';
      c.store.update('pods', b);
      const relabeled = c.store.get('pods', 'default', 'c')!;
      relabeled.metadata.labels = { app: 'other' };
      c.store.update('pods', relabeled);
      c.store.remove('pods', 'default', 'a');
      c.store.create('pods', pod('d', { labels: { app: 'web' } }));

      const next = viewOwnedPods(c.store, 'h1', owner);
      expect(next.listed).toBeUndefined();
      expect(next.counts).toEqual({ active: 2, fully: 1, ready: 1, releases: 1 });
      expect(activeClaimed(listViewedPods(c.store, next)).map((p) => p.metadata.name)).toEqual(['b', 'd']);
    });
  });

  it('counts again after a rolled-back write', () => {
    const c = newCluster();
    c.store.tx(() => {
      c.store.create('pods', pod('a'));
      viewOwnedPods(c.store, 'h2', owner);
      expect(() =>
        c.store.savepoint(() => {
          c.store.create('pods', pod('b'));
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');

      const view = viewOwnedPods(c.store, 'h2', owner);
      expect(view.listed).toHaveLength(1);
      expect(view.counts).toEqual({ active: 1, fully: 1, ready: 0, releases: 0 });
    });
  });

  it('leaves out pods adopted since the view', () => {
    const c = newCluster();
    c.store.tx(() => {
      c.store.create('pods', pod('a'));
      viewOwnedPods(c.store, 'h3', owner);
      const view = viewOwnedPods(c.store, 'h3', owner);
      const adopted = c.store.create('pods', pod('b'));
      expect(listViewedPods(c.store, view, [adopted]).listed.map((p) => p.metadata.name)).toEqual(['a']);
    });
  });
});
