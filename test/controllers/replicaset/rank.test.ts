import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { choosePodsToDelete } from '../../../src/controllers/replicaset/rank.js';

interface PodOptions {
  name: string;
  node?: string;
  phase?: string;
  readySince?: string;
  restarts?: number;
  created?: string;
  cost?: string;
}

function pod(o: PodOptions): KObject {
  const conditions = o.readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.readySince }] : [{ type: 'Ready', status: 'False' }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      uid: o.name,
      creationTimestamp: o.created ?? '2026-01-01T00:00:00Z',
      annotations: o.cost ? { 'controller.kubernetes.io/pod-deletion-cost': o.cost } : undefined,
    },
    spec: { nodeName: o.node },
    status: { phase: o.phase ?? 'Running', conditions, containerStatuses: [{ restartCount: o.restarts ?? 0 }] },
  };
}

const ready = '2026-01-01T00:01:00Z';

describe('scale-down order', () => {
  const cases: { name: string; pods: PodOptions[]; first: string }[] = [
    { name: 'unscheduled before scheduled', pods: [{ name: 'a', node: 'n1', readySince: ready }, { name: 'b', phase: 'Pending' }], first: 'b' },
    { name: 'pending before running', pods: [{ name: 'a', node: 'n1', readySince: ready }, { name: 'b', node: 'n1', phase: 'Pending' }], first: 'b' },
    { name: 'not ready before ready', pods: [{ name: 'a', node: 'n1', readySince: ready }, { name: 'b', node: 'n2' }], first: 'b' },
    { name: 'lower deletion cost first', pods: [{ name: 'a', node: 'n1', readySince: ready, cost: '10' }, { name: 'b', node: 'n2', readySince: ready, cost: '-5' }], first: 'b' },
    {
      name: 'crowded node first',
      pods: [{ name: 'a', node: 'n1', readySince: ready }, { name: 'b', node: 'n2', readySince: ready }, { name: 'c', node: 'n2', readySince: ready }],
      first: 'b',
    },
    { name: 'ready for a shorter time first', pods: [{ name: 'a', node: 'n1', readySince: ready }, { name: 'b', node: 'n2', readySince: '2026-01-01T00:05:00Z' }], first: 'b' },
    { name: 'more restarts first', pods: [{ name: 'a', node: 'n1', readySince: ready }, { name: 'b', node: 'n2', readySince: ready, restarts: 3 }], first: 'b' },
    { name: 'newer first', pods: [{ name: 'a', node: 'n1', readySince: ready }, { name: 'b', node: 'n2', readySince: ready, created: '2026-01-01T00:00:30Z' }], first: 'b' },
  ];
  for (const t of cases) {
    it(t.name, () => {
      const pods = t.pods.map(pod);
      expect(choosePodsToDelete(pods, pods, 1).map((p) => p.metadata.name)).toEqual([t.first]);
    });
  }
});

describe('picking several pods', () => {
  it('returns the cheapest first', () => {
    const pods = [
      { name: 'a', node: 'n1', readySince: ready },
      { name: 'b', phase: 'Pending' },
      { name: 'c', node: 'n1', readySince: '2026-01-01T00:05:00Z' },
      { name: 'd', node: 'n2' },
      { name: 'e', node: 'n2', readySince: ready, restarts: 2 },
    ].map(pod);
    expect(choosePodsToDelete(pods, pods, 3).map((p) => p.metadata.name)).toEqual(['b', 'd', 'c']);
  });

  it('matches the full order for few', () => {
    const times = ['2026-01-01T00:01:00Z', '2026-01-01T00:02:00Z', '2026-01-01T00:03:00Z'];
    const pods: KObject[] = [];
    for (let i = 0; i < 40; i++) {
      const p = pod({ name: `p${String(i).padStart(2, '0')}`, node: `n${i % 3}`, readySince: i % 5 === 0 ? undefined : times[i % 3], restarts: i % 4 === 0 ? 1 : 0 });
      // Equal uids make some pods tie on every rule.
      p.metadata.uid = `u${i % 7}`;
      pods.push(p);
    }
    const whole = choosePodsToDelete(pods, pods, pods.length - 1).map((p) => p.metadata.name);
    for (const count of [1, 2, 5, 19, 20, 21, 30]) {
      expect(choosePodsToDelete(pods, pods, count).map((p) => p.metadata.name)).toEqual(whole.slice(0, count));
    }
  });
});
