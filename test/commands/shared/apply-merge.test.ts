import { describe, expect, it } from 'vitest';
import { threeWayMerge } from '../../../src/commands/shared/apply-merge.js';

const ROLLING = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };

function newDeployment(strategy?: Record<string, unknown>): any {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 1, ...(strategy ? { strategy } : {}) } };
}

describe('threeWayMerge retainKeys', () => {
  it('drops the defaulted rollingUpdate for Recreate', () => {
    const out = threeWayMerge(newDeployment(), newDeployment({ type: 'Recreate' }), newDeployment(ROLLING));
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('keeps live strategy keys when the strategy is unchanged', () => {
    const out = threeWayMerge(newDeployment(), newDeployment({ type: 'RollingUpdate' }), newDeployment(ROLLING));
    expect(out.spec.strategy).toEqual(ROLLING);
  });

  it('merges other kinds key by key', () => {
    const live = { kind: 'StatefulSet', spec: { strategy: { type: 'A', extra: 1 } } };
    const out = threeWayMerge({ kind: 'StatefulSet', spec: {} }, { kind: 'StatefulSet', spec: { strategy: { type: 'B' } } }, live);
    expect(out.spec.strategy).toEqual({ type: 'B', extra: 1 });
  });
});
