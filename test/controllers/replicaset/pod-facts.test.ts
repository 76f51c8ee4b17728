import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { fromLabelSelector } from '../../../src/api/selectors.js';
import { hasTemplateLabels, matchesSelector, podFacts, prepareLabels, prepareSelector } from '../../../src/controllers/replicaset/pod-facts.js';

function pod(over: { labels?: Record<string, string>; ready?: string; phase?: string; deleting?: boolean; node?: string } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'default',
      uid: 'p1',
      labels: over.labels ?? { app: 'web' },
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Node', name: 'n', uid: 'not-controller' },
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs1', controller: true },
      ],
      ...(over.deleting ? { deletionTimestamp: '2026-01-01T00:00:05Z' } : {}),
    },
    spec: over.node ? { nodeName: over.node } : {},
    status: {
      phase: over.phase ?? 'Running',
      conditions: over.ready
        ? [
            { type: 'PodScheduled', status: 'True' },
            { type: 'Ready', status: 'True', lastTransitionTime: over.ready },
          ]
        : [{ type: 'Ready', status: 'False' }],
    },
  };
}

describe('pod facts', () => {
  it('reads a running pod', () => {
    const f = podFacts(pod({ ready: '2026-01-01T00:00:10Z', node: 'k8s-node01' }));
    expect({ uid: f.controllerUid, ns: f.namespace, active: f.active, ready: f.ready, since: f.readySince, node: f.nodeName, deleting: f.deleting }).toEqual({
      uid: 'rs1',
      ns: 'default',
      active: true,
      ready: true,
      since: Date.UTC(2026, 0, 1, 0, 0, 10),
      node: 'k8s-node01',
      deleting: false,
    });
  });

  it('marks finished and terminating pods inactive', () => {
    expect(podFacts(pod({ phase: 'Succeeded' })).active).toBe(false);
    expect(podFacts(pod({ phase: 'Failed' })).active).toBe(false);
    expect(podFacts(pod({ deleting: true })).active).toBe(false);
    expect(podFacts(pod({ phase: 'Pending' })).active).toBe(true);
  });

  it('computes each pod version separately', () => {
    const before = pod();
    const after = pod({ ready: '2026-01-01T00:00:10Z' });
    expect(podFacts(before).ready).toBe(false);
    expect(podFacts(after).ready).toBe(true);
    expect(podFacts(before).ready).toBe(false);
    expect(podFacts(before)).toBe(podFacts(before));
  });

  it('matches each selector asked about', () => {
    const p = pod({ labels: { app: 'web', 'pod-template-hash': 'abc' } });
    const f = podFacts(p);
    const web = prepareSelector(fromLabelSelector({ matchLabels: { app: 'web' } }));
    const other = prepareSelector(fromLabelSelector({ matchLabels: { app: 'web', 'pod-template-hash': 'xyz' } }));
    expect(matchesSelector(p, f, web)).toBe(true);
    expect(matchesSelector(p, f, other)).toBe(false);
    expect(matchesSelector(p, f, web)).toBe(true);
    expect(matchesSelector(p, f, prepareSelector(null))).toBe(false);
  });

  it('compares template labels per template', () => {
    const p = pod({ labels: { app: 'web', tier: 'front' } });
    const f = podFacts(p);
    expect(hasTemplateLabels(p, f, prepareLabels({ app: 'web' }))).toBe(true);
    expect(hasTemplateLabels(p, f, prepareLabels({ app: 'web', tier: 'back' }))).toBe(false);
    expect(hasTemplateLabels(p, f, prepareLabels(undefined))).toBe(true);
  });
});
