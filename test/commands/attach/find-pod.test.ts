import { compareMostActive } from '../../../src/commands/shared/active-pods.js';
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';

/** Builds a pod with only the fields kubectl's ActivePods ordering reads. */
function newPod(name: string, o: { node?: string; phase?: string; readySince?: string; restarts?: number; created?: string; deleting?: string } = {}): KObject {
  const conditions = o.readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: o.readySince }] : [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: o.created ?? '2024-01-01T00:00:00Z', deletionTimestamp: o.deleting },
    spec: { nodeName: o.node, containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: o.phase ?? 'Running', conditions, containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 }] },
  } as KObject;
}

const first = (...pods: KObject[]) => [...pods].sort(compareMostActive)[0].metadata.name;

describe('compareMostActive', () => {
  const cases: [string, KObject[], string][] = [
    ['a pod on a node before an unscheduled one', [newPod('none', { phase: 'Pending' }), newPod('bound', { node: 'n1', phase: 'Pending' })], 'bound'],
    ['Running before Unknown before Pending', [newPod('pending', { node: 'n', phase: 'Pending' }), newPod('unknown', { node: 'n', phase: 'Unknown' }), newPod('running', { node: 'n' })], 'running'],
    ['a finished pod ranks with Pending, after Unknown', [newPod('done', { node: 'n', phase: 'Succeeded' }), newPod('unknown', { node: 'n', phase: 'Unknown' })], 'unknown'],
    ['ready before not ready', [newPod('starting', { node: 'n' }), newPod('ready', { node: 'n', readySince: '2024-01-01T00:01:00Z' })], 'ready'],
    ['not deleting before deleting', [newPod('going', { node: 'n', deleting: '2024-01-01T00:05:00Z' }), newPod('staying', { node: 'n' })], 'staying'],
    ['the later deletion first among deleting pods', [newPod('early', { node: 'n', deleting: '2024-01-01T00:05:00Z' }), newPod('late', { node: 'n', deleting: '2024-01-01T00:06:00Z' })], 'late'],
    ['ready for longer first', [newPod('recent', { node: 'n', readySince: '2024-01-01T00:02:00Z' }), newPod('long', { node: 'n', readySince: '2024-01-01T00:01:00Z' })], 'long'],
    ['fewer restarts first', [newPod('crashy', { node: 'n', restarts: 3 }), newPod('steady', { node: 'n', restarts: 0 })], 'steady'],
    ['older first', [newPod('young', { node: 'n', created: '2024-01-02T00:00:00Z' }), newPod('old', { node: 'n', created: '2024-01-01T00:00:00Z' })], 'old'],
  ];
  for (const [name, pods, expected] of cases) {
    it(`picks ${name}`, () => {
      expect(first(...pods)).toBe(expected);
      expect(first(...[...pods].reverse())).toBe(expected);
    });
  }
});
