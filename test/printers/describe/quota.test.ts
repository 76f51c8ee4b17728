import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { describeObject, type DescribeContext } from '../../../src/printers/describe/index.js';

const context: DescribeContext = { now: 0, version: 132, events: () => [], list: () => [] };

describe('describe resourcequota', () => {
  it('underlines columns with four dashes', () => {
    const quota: KObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'compute', namespace: 'shop' },
      spec: { hard: { pods: '10', 'requests.cpu': '2' } },
      status: { hard: { pods: '10', 'requests.cpu': '2' }, used: { pods: '3', 'requests.cpu': '500m' } },
    };
    expect(describeObject('resourcequotas', quota, context)).toBe(
      [
        'Name:         compute',
        'Namespace:    shop',
        'Resource      Used  Hard',
        '--------      ----  ----',
        'pods          3     10',
        'requests.cpu  500m  2',
        '',
      ].join('\n'),
    );
  });
});
