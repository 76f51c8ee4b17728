import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { calculateNodeInfo, calculatePodFit, findNodeMiss, findResourceMiss } from '../../../src/controllers/scheduler/node-info.js';

function node(spec: any = {}, labels: Record<string, string> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1', labels },
    spec,
    status: { conditions: [{ type: 'Ready', status: 'True' }], allocatable: { pods: '2', cpu: '1', memory: '1Gi' } },
  };
}

function pod(spec: any = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

function nodeMiss(p: KObject, n: KObject): string | undefined {
  return findNodeMiss(p, calculatePodFit(p), calculateNodeInfo(n));
}

describe('node fit checks', () => {
  it('skips PreferNoSchedule taints', () => {
    const tainted = node({ taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] });
    expect(nodeMiss(pod(), tainted)).toBeUndefined();
  });

  it('reports the first untolerated taint', () => {
    const tainted = node({
      taints: [
        { key: 'soft', effect: 'PreferNoSchedule' },
        { key: 'a', value: 'x', effect: 'NoSchedule' },
        { key: 'b', effect: 'NoExecute' },
      ],
    });
    expect(nodeMiss(pod(), tainted)).toBe('node(s) had untolerated taint {a: x}');
    expect(nodeMiss(pod({ tolerations: [{ key: 'a', operator: 'Exists' }] }), tainted)).toBe('node(s) had untolerated taint {b: }');
  });

  it('checks a nodeSelector', () => {
    const labelled = node({}, { disk: 'ssd' });
    expect(nodeMiss(pod({ nodeSelector: { disk: 'ssd' } }), labelled)).toBeUndefined();
    expect(nodeMiss(pod({ nodeSelector: { disk: 'hdd' } }), labelled)).toBe("node(s) didn't match Pod's node affinity/selector");
  });

  it('checks required node affinity', () => {
    const terms = [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }];
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } };
    expect(nodeMiss(pod({ affinity }), node({}, { zone: 'a' }))).toBe("node(s) didn't match Pod's node affinity/selector");
    expect(nodeMiss(pod({ affinity }), node({}, { zone: 'b' }))).toBeUndefined();
  });

  it('reports resources after node checks', () => {
    const info = calculateNodeInfo(node());
    const req = { cpu: 600, memory: 0 };
    expect(findResourceMiss(info, { pods: 2, cpu: 0, memory: 0 }, req)).toBe('Too many pods');
    expect(findResourceMiss(info, { pods: 1, cpu: 500, memory: 0 }, req)).toBe('Insufficient cpu');
    expect(findResourceMiss(info, { pods: 1, cpu: 400, memory: 0 }, req)).toBeUndefined();
  });
});
