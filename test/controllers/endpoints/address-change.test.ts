import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { isAddressChange } from '../../../src/controllers/endpoints/endpoints.js';

/** Builds a Running, ready pod with labels app=web and tier=front, then applies `edit`. */
function newPod(edit: (pod: any) => void = () => {}): KObject {
  const pod: any = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web', tier: 'front' } },
    spec: { nodeName: 'k8s-node01', containers: [{ name: 'web', image: 'nginx' }] },
    status: { phase: 'Running', podIP: '10.244.1.5', conditions: [{ type: 'Ready', status: 'True' }] },
  };
  edit(pod);
  return pod;
}

describe('endpoints pod watch', () => {
  const changes: [string, (pod: any) => void][] = [
    ['a new label value', (p) => (p.metadata.labels.tier = 'back')],
    ['a removed label', (p) => delete p.metadata.labels.tier],
    ['a new pod IP', (p) => (p.status.podIP = '10.244.1.6')],
    ['a new phase', (p) => (p.status.phase = 'Succeeded')],
    ['lost readiness', (p) => (p.status.conditions[0].status = 'False')],
    ['the start of deletion', (p) => (p.metadata.deletionTimestamp = '2022-05-31T09:50:30Z')],
    ['another node', (p) => (p.spec.nodeName = 'k8s-node02')],
  ];
  for (const [name, edit] of changes) {
    it(`re-syncs Services for ${name}`, () => {
      expect(isAddressChange(newPod(edit), newPod())).toBe(true);
    });
  }

  it('re-syncs Services when a pod is created or removed', () => {
    expect(isAddressChange(newPod(), undefined)).toBe(true);
    expect(isAddressChange(undefined, newPod())).toBe(true);
  });

  it('ignores a write that changes no address field', () => {
    const restarted = newPod((p) => (p.status.containerStatuses = [{ name: 'web', restartCount: 1 }]));
    expect(isAddressChange(restarted, newPod())).toBe(false);
  });

  it('ignores labels listed in another order', () => {
    const reordered = newPod((p) => (p.metadata.labels = { tier: 'front', app: 'web' }));
    expect(isAddressChange(reordered, newPod())).toBe(false);
  });
});
