import { describe, expect, it } from 'vitest';
import { advance, apply, edit, get, newCluster, newDeployment, rsSizes, setImage } from '../workload-helpers.js';

/** Time for new pods to pull, start and become ready, with room to spare. */
const ROLL_STEP = 10_000;

function rolledOut(replicas: number, maxSurge: number | string, maxUnavailable: number | string) {
  const c = newCluster({ workers: 4 });
  apply(c, 'deployments', newDeployment({ replicas, maxSurge, maxUnavailable }));
  advance(c, ROLL_STEP);
  return c;
}

describe('RollingUpdate arithmetic', () => {
  const cases = [
    { name: 'ten replicas with 25% surge and 25% unavailable', replicas: 10, maxSurge: '25%', maxUnavailable: '25%', newRS: 5, oldRS: 8 },
    { name: 'three replicas with the default percentages', replicas: 3, maxSurge: '25%', maxUnavailable: '25%', newRS: 1, oldRS: 3 },
    { name: 'no surge and one unavailable', replicas: 10, maxSurge: 0, maxUnavailable: 1, newRS: 1, oldRS: 9 },
    { name: 'the old extensions defaults of one and one', replicas: 4, maxSurge: 1, maxUnavailable: 1, newRS: 2, oldRS: 3 },
    { name: 'full surge and nothing unavailable', replicas: 5, maxSurge: '100%', maxUnavailable: 0, newRS: 5, oldRS: 5 },
    { name: 'no surge and half unavailable', replicas: 10, maxSurge: 0, maxUnavailable: '50%', newRS: 5, oldRS: 5 },
  ];
  for (const t of cases) {
    it(`first step: ${t.name}`, () => {
      const c = rolledOut(t.replicas, t.maxSurge, t.maxUnavailable);
      setImage(c, 'web', 'nginx:1.15');
      expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': t.oldRS, 'nginx:1.15': t.newRS });
    });
  }

  it('finishes with every replica on the new ReplicaSet', () => {
    const c = rolledOut(10, '25%', '25%');
    setImage(c, 'web', 'nginx:1.15');
    for (let i = 0; i < 10; i++) advance(c, ROLL_STEP);
    expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': 0, 'nginx:1.15': 10 });
    const d = get(c, 'deployments', 'web');
    expect(d.status.updatedReplicas).toBe(10);
    expect(d.status.availableReplicas).toBe(10);
    expect(d.status.conditions.find((x: any) => x.type === 'Progressing').reason).toBe('NewReplicaSetAvailable');
  });

  it('keeps old pods while new pods are not yet available', () => {
    const c = rolledOut(3, '25%', '25%');
    setImage(c, 'web', 'nginx:1.15');
    advance(c, 1000);
    expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': 3, 'nginx:1.15': 1 });
  });
});

describe('proportional scaling', () => {
  it('splits added replicas by each ReplicaSet share of max-replicas', () => {
    const c = rolledOut(10, '25%', '25%');
    setImage(c, 'web', 'nginx:1.15');
    edit(c, 'deployments', 'web', (d) => (d.spec.replicas = 20));
    // allowed 25, adding 12 over old 8 and new 5 of max-replicas 13: round(8*25/13)-8 = 7, then the 5 left.
    expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': 15, 'nginx:1.15': 10 });
  });

  it('removes replicas from the larger and older ReplicaSets first', () => {
    const c = rolledOut(10, '25%', '25%');
    setImage(c, 'web', 'nginx:1.15');
    edit(c, 'deployments', 'web', (d) => (d.spec.replicas = 5));
    // allowed 5+2=7, removing 6 of old 8 and new 5 over 13: round(8*7/13)-8 = -4, then -2.
    expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': 4, 'nginx:1.15': 3 });
  });
});

describe('rollover', () => {
  it('scales down an unfinished ReplicaSet when the template changes again', () => {
    const c = rolledOut(5, '25%', '25%');
    setImage(c, 'web', 'nginx:1.15');
    expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': 4, 'nginx:1.15': 3 });
    setImage(c, 'web', 'nginx:1.16');
    expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': 4, 'nginx:1.15': 0, 'nginx:1.16': 3 });
    for (let i = 0; i < 6; i++) advance(c, ROLL_STEP);
    expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': 0, 'nginx:1.15': 0, 'nginx:1.16': 5 });
  });
});

describe('Recreate', () => {
  it('starts new pods only after every old pod is gone', () => {
    const c = newCluster({ workers: 4 });
    apply(c, 'deployments', newDeployment({ replicas: 3, strategy: 'Recreate' }));
    advance(c, ROLL_STEP);
    setImage(c, 'web', 'nginx:1.15');
    expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': 0 });
    for (let i = 0; i < 5; i++) advance(c, ROLL_STEP);
    expect(rsSizes(c)).toEqual({ 'nginx:1.14.2': 0, 'nginx:1.15': 3 });
  });
});

describe('minReadySeconds', () => {
  it('counts a pod as available only after it stayed ready that long', () => {
    const c = newCluster();
    apply(c, 'deployments', newDeployment({ replicas: 2, minReadySeconds: 30 }));
    advance(c, ROLL_STEP);
    expect(get(c, 'deployments', 'web').status.readyReplicas).toBe(2);
    expect(get(c, 'deployments', 'web').status.availableReplicas).toBeUndefined();
    advance(c, 30_000);
    expect(get(c, 'deployments', 'web').status.availableReplicas).toBe(2);
  });
});
