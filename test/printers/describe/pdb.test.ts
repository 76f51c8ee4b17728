import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { describeObject, type DescribeContext } from '../../../src/printers/describe/index.js';

const context: DescribeContext = { now: 0, version: 132, events: () => [], list: () => [] };

function budget(spec: Record<string, unknown>, status?: Record<string, unknown>): KObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'shop' }, spec, status };
}

describe('describe poddisruptionbudget', () => {
  it('prints minAvailable and status counts', () => {
    const pdb = budget(
      { minAvailable: 2, selector: { matchLabels: { app: 'web', tier: 'front' } } },
      { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 4 },
    );
    expect(describeObject('poddisruptionbudgets', pdb, context)).toBe(
      [
        'Name:           web',
        'Namespace:      shop',
        'Min available:  2',
        'Selector:       app=web,tier=front',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              3',
        '    Desired:              2',
        '    Total:                4',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints unset selector and empty status', () => {
    expect(describeObject('poddisruptionbudgets', budget({ maxUnavailable: '50%' }), context)).toBe(
      [
        'Name:             web',
        'Namespace:        shop',
        'Max unavailable:  50%',
        'Selector:         <unset>',
        'Status:',
        '    Allowed disruptions:  0',
        '    Current:              0',
        '    Desired:              0',
        '    Total:                0',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints an empty selector as none', () => {
    const text = describeObject('poddisruptionbudgets', budget({ minAvailable: '100%', selector: {} }), context);
    expect(text).toContain('Min available:  100%\n');
    expect(text).toContain('Selector:       <none>\n');
  });
});
