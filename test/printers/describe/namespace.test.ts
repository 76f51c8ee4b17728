import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { describeObject, type DescribeContext } from '../../../src/printers/describe/index.js';

/** Builds a context whose lists come from `objects`, keyed by resource. */
function contextOf(objects: Record<string, KObject[]> = {}): DescribeContext {
  return { now: 0, version: 132, events: () => [], list: (resource) => objects[resource] ?? [] };
}

const condition = (type: string, status: string, reason: string, message: string) => ({ type, status, lastTransitionTime: '2022-05-31T09:50:30Z', reason, message });

describe('describe namespace', () => {
  it('describes an active namespace without quotas or limit ranges', () => {
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } }, status: { phase: 'Active' } };
    expect(describeObject('namespaces', ns, contextOf())).toBe(
      ['Name:         shop', 'Labels:       kubernetes.io/metadata.name=shop', 'Annotations:  <none>', 'Status:       Active', '', 'No resource quota.', '', 'No LimitRange resource.', ''].join('\n'),
    );
  });

  it('lists the deletion conditions of a terminating namespace', () => {
    const ns: KObject = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
      status: {
        phase: 'Terminating',
        conditions: [
          condition('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', 'Some resources are remaining: pods. has 2 resource instances'),
          condition('NamespaceFinalizersRemaining', 'False', 'ContentRemoved', 'All content successfully removed'),
        ],
      },
    };
    expect(describeObject('namespaces', ns, contextOf())).toBe(
      [
        'Name:         shop',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       Terminating',
        'Conditions:',
        '  Type                          Status  LastTransitionTime               Reason               Message',
        '  ----                          ------  ------------------               ------               -------',
        '  NamespaceContentRemaining     True    Tue, 31 May 2022 09:50:30 +0000  SomeResourcesRemain  Some resources are remaining: pods. has 2 resource instances',
        '  NamespaceFinalizersRemaining  False   Tue, 31 May 2022 09:50:30 +0000  ContentRemoved       All content successfully removed',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
        '',
      ].join('\n'),
    );
  });

  it('shows the quotas and limit ranges of the namespace', () => {
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' }, status: { phase: 'Active' } };
    const quota: KObject = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'shop' }, status: { hard: { pods: '10', cpu: '2' }, used: { pods: '3' } } };
    const limits: KObject = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'defaults', namespace: 'shop' },
      spec: { limits: [{ type: 'Container', default: { cpu: '500m' }, defaultRequest: { cpu: '250m', memory: '64Mi' } }] },
    };
    expect(describeObject('namespaces', ns, contextOf({ resourcequotas: [quota], limitranges: [limits] }))).toBe(
      [
        'Name:         shop',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'Resource Quotas',
        '  Name:     compute',
        '  Resource  Used  Hard',
        '  --------  ---   ---',
        '  cpu       0     2',
        '  pods      3     10',
        '',
        'Resource Limits',
        ' Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
        ' ----       --------  ---  ---  ---------------  -------------  -----------------------',
        ' Container  cpu       -    -    250m             500m           -',
        ' Container  memory    -    -    64Mi             -              -',
        '',
      ].join('\n'),
    );
  });
});
