import { describe, expect, it } from 'vitest';
import { validateObject as validateRaw } from '../../src/api/validation.js';
import { formatCause } from '../../src/api/errors.js';
import { applyDefaults } from '../../src/api/defaults.js';

/** Validates `obj` after defaulting, as admission does. */
function validateObject(resource: string, obj: any, clusterVersion?: number) {
  applyDefaults(resource, obj);
  return validateRaw(resource, obj, clusterVersion);
}

function pod(initContainers: any[], containers: any[] = [{ name: 'app', image: 'busybox' }]): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { initContainers, containers } };
}

function causes(obj: any): string[] {
  return validateObject('pods', obj).map(formatCause);
}

describe('init container validation', () => {
  it('accepts init containers and a sidecar with probes', () => {
    const sidecar = { name: 'proxy', image: 'nginx', restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: 80 } } };
    expect(causes(pod([{ name: 'setup', image: 'busybox' }, sidecar]))).toEqual([]);
  });

  it('rejects a name shared with an app container', () => {
    expect(causes(pod([{ name: 'app', image: 'busybox' }]))).toEqual(['spec.initContainers[0].name: Duplicate value: "app"']);
  });

  it('rejects a repeated init container name', () => {
    expect(causes(pod([{ name: 'a', image: 'busybox' }, { name: 'a', image: 'busybox' }]))).toEqual(['spec.initContainers[1].name: Duplicate value: "a"']);
  });

  it('rejects a restartPolicy other than Always', () => {
    expect(causes(pod([{ name: 'a', image: 'busybox', restartPolicy: 'OnFailure' }]))).toEqual([
      'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it('rejects probes and lifecycle on a plain init container', () => {
    const c = { name: 'a', image: 'busybox', lifecycle: { preStop: { exec: { command: ['true'] } } }, livenessProbe: { exec: { command: ['true'] } }, startupProbe: { exec: { command: ['true'] } } };
    expect(causes(pod([c]))).toEqual([
      'spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always',
      'spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      'spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
  });

  it('lists each container causes in turn', () => {
    expect(causes(pod([{ name: 'a' }, { image: 'busybox' }]))).toEqual(['spec.initContainers[0].image: Required value', 'spec.initContainers[1].name: Required value']);
  });

  it('checks init containers in pod templates', () => {
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: pod([{ name: 'web', image: 'busybox' }], [{ name: 'web', image: 'nginx' }]).spec } },
    };
    expect(validateObject('deployments', d).map(formatCause)).toEqual(['spec.template.spec.initContainers[0].name: Duplicate value: "web"']);
  });
});
