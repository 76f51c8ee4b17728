import { describe, expect, it } from 'vitest';
import { validateObject } from '../../src/api/validation.js';
import { applyDefaults } from '../../src/api/defaults.js';
import { formatCause } from '../../src/api/errors.js';

/** Builds a pod whose one container is `container` over a valid nginx container, with extra spec fields. */
function newPod(container: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', ...container }], ...spec } };
}

function causes(obj: any, clusterVersion = 132): string[] {
  applyDefaults('pods', obj);
  return validateObject('pods', obj, clusterVersion).map(formatCause);
}

const C = 'spec.containers[0]';

describe('container validation', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
    ['an unknown imagePullPolicy', { imagePullPolicy: 'Sometimes' }, {}, [`${C}.imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"`]],
    ['an unknown port protocol', { ports: [{ containerPort: 80, protocol: 'HTTP' }] }, {}, [`${C}.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"`]],
    [
      'an unknown terminationMessagePolicy',
      { terminationMessagePolicy: 'Never' },
      {},
      [`${C}.terminationMessagePolicy: Unsupported value: "Never": supported values: "File", "FallbackToLogsOnError"`],
    ],
    ['a mount of no volume', { volumeMounts: [{ name: 'nope', mountPath: '/data' }] }, {}, [`${C}.volumeMounts[0].name: Not found: "nope"`]],
    [
      'a repeated mountPath',
      { volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'data', mountPath: '/data' }] },
      { volumes: [{ name: 'data', emptyDir: {} }] },
      [`${C}.volumeMounts[1].mountPath: Invalid value: "/data": must be unique`],
    ],
    [
      'a mount of an invalid volume',
      { volumeMounts: [{ name: 'Data', mountPath: '/data' }] },
      { volumes: [{ name: 'Data', emptyDir: {} }] },
      [
        "spec.volumes[0].name: Invalid value: \"Data\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        `${C}.volumeMounts[0].name: Not found: "Data"`,
      ],
    ],
    [
      'a memory request above its limit',
      { resources: { requests: { memory: '2Gi' }, limits: { memory: '1024Mi' } } },
      {},
      [`${C}.resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi`],
    ],
    [
      'a cpu request above its limit',
      { resources: { requests: { cpu: '1.5' }, limits: { cpu: '500m' } } },
      {},
      [`${C}.resources.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 500m`],
    ],
    [
      'negative quantities',
      { resources: { limits: { memory: '-1Gi' }, requests: { cpu: '-0.5' } } },
      {},
      [`${C}.resources.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0`, `${C}.resources.requests[cpu]: Invalid value: "-500m": must be greater than or equal to 0`],
    ],
    [
      'invalid port names',
      { ports: [{ containerPort: 80, name: 'http--web' }, { containerPort: 81, name: '8080' }] },
      {},
      [`${C}.ports[0].name: Invalid value: "http--web": must not contain consecutive hyphens`, `${C}.ports[1].name: Invalid value: "8080": must contain at least one letter (a-z)`],
    ],
    ['a repeated port name', { ports: [{ containerPort: 80, name: 'web' }, { containerPort: 81, name: 'web' }] }, {}, [`${C}.ports[1].name: Duplicate value: "web"`]],
    ['a hostPort out of range', { ports: [{ containerPort: 80, hostPort: 70000 }] }, {}, [`${C}.ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive`]],
    ['a negative container runAsUser', { securityContext: { runAsUser: -1 } }, {}, [`${C}.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive`]],
    ['a negative pod runAsUser', {}, { securityContext: { runAsUser: -1 } }, ['spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive']],
  ])('rejects %s', (_name, container, spec, expected) => {
    expect(causes(newPod(container, spec))).toEqual(expected);
  });

  it('accepts requests equal to limits in other units', () => {
    expect(causes(newPod({ resources: { requests: { memory: '1Gi', cpu: '1' }, limits: { memory: '1024Mi', cpu: '1000m' } } }))).toEqual([]);
  });

  it('prints the old request message before 1.27', () => {
    const pod = newPod({ resources: { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } } });
    expect(causes(pod, 126)).toEqual([`${C}.resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit`]);
  });

  it('lists causes in the API server order', () => {
    const pod = newPod(
      {
        imagePullPolicy: 'Sometimes',
        terminationMessagePolicy: 'Never',
        ports: [{ containerPort: 80, protocol: 'HTTP' }],
        volumeMounts: [{ name: 'nope', mountPath: '/data' }],
        securityContext: { runAsUser: -5 },
      },
      { securityContext: { runAsUser: -1 } },
    );
    expect(causes(pod)).toEqual([
      `${C}.terminationMessagePolicy: Unsupported value: "Never": supported values: "File", "FallbackToLogsOnError"`,
      `${C}.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"`,
      `${C}.volumeMounts[0].name: Not found: "nope"`,
      `${C}.imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"`,
      `${C}.securityContext.runAsUser: Invalid value: -5: must be between 0 and 2147483647, inclusive`,
      'spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
    ]);
  });

  it('checks a null container as an empty one', () => {
    const pod = newPod();
    pod.spec.containers = [{}];
    expect(causes(pod)).toEqual([`${C}.name: Required value`, `${C}.image: Required value`]);
  });
});

describe('statefulset template mounts', () => {
  it('accepts a mount of a claim template', () => {
    const sts: any = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: {
        serviceName: 'nginx',
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }] } },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      },
    };
    applyDefaults('statefulsets', sts);
    expect(validateObject('statefulsets', sts).map(formatCause)).toEqual([]);
  });
});
