import { describe, expect, it } from 'vitest';
import { validateObject } from '../../src/api/validation.js';
import { applyDefaults } from '../../src/api/defaults.js';
import { formatCause } from '../../src/api/errors.js';

function newDeployment(spec: Record<string, unknown> = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
      ...spec,
    },
  };
}

function causes(obj: any, clusterVersion = 132): string[] {
  applyDefaults('deployments', obj);
  return validateObject('deployments', obj, clusterVersion).map(formatCause);
}

describe('deployment validation', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'rollingUpdate with type Recreate',
      { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } },
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      'an unknown strategy type',
      { strategy: { type: 'BlueGreen' } },
      ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    ],
    [
      'maxSurge and maxUnavailable both 0',
      { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'maxSurge 0% and maxUnavailable 0',
      { strategy: { rollingUpdate: { maxSurge: '0%', maxUnavailable: 0 } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    ],
    [
      'maxUnavailable above 100%',
      { strategy: { rollingUpdate: { maxUnavailable: '150%' } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%'],
    ],
    [
      'a malformed percent',
      { strategy: { rollingUpdate: { maxSurge: 'many' } } },
      [
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"many\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    ],
    ['a negative maxSurge', { strategy: { rollingUpdate: { maxSurge: -1 } } }, ['spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0']],
    ['a negative minReadySeconds', { minReadySeconds: -1 }, ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0']],
    ['a negative revisionHistoryLimit', { revisionHistoryLimit: -1 }, ['spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0']],
    ['a deadline not above minReadySeconds', { minReadySeconds: 600 }, ['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds']],
    [
      'a negative deadline',
      { progressDeadlineSeconds: -1 },
      ['spec.progressDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0', 'spec.progressDeadlineSeconds: Invalid value: -1: must be greater than minReadySeconds'],
    ],
  ])('rejects %s', (_name, spec, expected) => {
    expect(causes(newDeployment(spec))).toEqual(expected);
  });

  it('accepts Recreate without rollingUpdate', () => {
    expect(causes(newDeployment({ strategy: { type: 'Recreate' } }))).toEqual([]);
  });

  it('prints an IntOrString as JSON from 1.34', () => {
    const d = newDeployment({ strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } });
    expect(causes(d, 134)).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0']);
  });

  it('checks the strategy after the pod template', () => {
    const d = newDeployment({ minReadySeconds: -1 });
    d.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes';
    expect(causes(d)).toEqual([
      'spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
      'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });
});
