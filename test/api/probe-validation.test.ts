import { describe, expect, it } from 'vitest';
import { validateObject } from '../../src/api/validation.js';
import { formatCause } from '../../src/api/errors.js';
import { applyDefaults } from '../../src/api/defaults.js';

/** Returns the validation messages of a defaulted pod whose container has `probes`. */
function check(probes: any): string[] {
  const pod: any = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', ...probes }] } };
  applyDefaults('pods', pod);
  return validateObject('pods', pod).map(formatCause);
}

describe('probe validation', () => {
  it('accepts the tutorials probes', () => {
    expect(check({
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
      readinessProbe: { httpGet: { port: 80, path: '/index1.html' }, initialDelaySeconds: 1, periodSeconds: 3 },
      startupProbe: { tcpSocket: { port: 'http' }, failureThreshold: 30 },
    })).toEqual([]);
  });

  it('requires one handler', () => {
    expect(check({ livenessProbe: { periodSeconds: 5 } })).toEqual(['spec.containers[0].livenessProbe: Required value: must specify a handler type']);
    expect(check({ readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } })).toEqual([
      'spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ]);
  });

  it('rejects a liveness or startup successThreshold other than 1', () => {
    expect(check({ livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 }, startupProbe: { tcpSocket: { port: 80 }, successThreshold: 3 } })).toEqual([
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1',
    ]);
  });

  it('rejects negative timings and a readiness grace period', () => {
    expect(check({ readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: -1, failureThreshold: -2, terminationGracePeriodSeconds: 10 } })).toEqual([
      'spec.containers[0].readinessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.containers[0].readinessProbe.failureThreshold: Invalid value: -2: must be greater than or equal to 0',
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes',
    ]);
  });

  it('checks ports and the HTTP scheme', () => {
    expect(check({ livenessProbe: { httpGet: { port: 0, scheme: 'FTP' } }, readinessProbe: { tcpSocket: { port: 'Web_Port' } } })).toEqual([
      'spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
      'spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]);
  });

  it('defaults zero periods and thresholds as the API server does', () => {
    const pod: any = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', readinessProbe: { httpGet: { port: 80, path: '' }, periodSeconds: 0, successThreshold: 0 } }] } };
    applyDefaults('pods', pod);
    expect(pod.spec.containers[0].readinessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1, failureThreshold: 3 });
  });
});
