import { compareMostActive } from '../../../src/commands/shared/active-pods.js';
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types';

interface PodShape {
  node?: string;
  phase?: string;
  readySince?: string;
  restarts?: number;
  created?: string;
  deleting?: string;
}

function newPod(name: string, shape: PodShape): KObject {
  const conditions = shape.readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: shape.readySince }] : [];
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: shape.created ?? '2022-05-31T10:00:00Z', deletionTimestamp: shape.deleting },
    spec: { nodeName: shape.node ?? 'k8s-node01', containers: [{ name: 'c', image: 'busybox' }] },
    status: { phase: shape.phase ?? 'Running', conditions, containerStatuses: [{ name: 'c', restartCount: shape.restarts ?? 0 }] },
  };
}

function mostActive(...pods: KObject[]): string {
  return [...pods].sort(compareMostActive)[0].metadata.name;
}

describe('compareMostActive', () => {
  const cases: [string, PodShape, PodShape][] = [
    ['bound before unbound', { node: 'k8s-node01' }, { node: '' }],
    ['Running before Pending', { phase: 'Running' }, { phase: 'Pending' }],
    ['Unknown before Pending', { phase: 'Unknown' }, { phase: 'Pending' }],
    ['ready before not ready', { readySince: '2022-05-31T10:01:00Z' }, {}],
    ['not deleting before deleting', {}, { deleting: '2022-05-31T10:05:00Z' }],
    ['later deletion before earlier', { deleting: '2022-05-31T10:06:00Z' }, { deleting: '2022-05-31T10:05:00Z' }],
    ['ready longer before ready recently', { readySince: '2022-05-31T10:01:00Z' }, { readySince: '2022-05-31T10:02:00Z' }],
    ['fewer restarts before more', { restarts: 0 }, { restarts: 2 }],
    ['older before newer', { created: '2022-05-31T09:00:00Z' }, { created: '2022-05-31T10:00:00Z' }],
  ];
  for (const [name, active, other] of cases) {
    it(`puts ${name}`, () => {
      expect(mostActive(newPod('other', other), newPod('active', active))).toBe('active');
      expect(mostActive(newPod('active', active), newPod('other', other))).toBe('active');
    });
  }
});
