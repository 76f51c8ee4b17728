import { describe, expect, it } from 'vitest';
import { validateObject } from '../../src/api/validation.js';
import { formatCause } from '../../src/api/errors.js';
import { applyDefaults } from '../../src/api/defaults.js';

/** Returns the validation messages of a defaulted pod whose container has `lifecycle`, on cluster `version`. */
function check(lifecycle: any, version = 132, spec: any = {}): string[] {
  const pod: any = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', lifecycle }], ...spec } };
  applyDefaults('pods', pod);
  return validateObject('pods', pod, version).map(formatCause);
}

const SLEEP_0 = 'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: ';

describe('lifecycle validation', () => {
  it('accepts the docs lifecycle-demo hooks', () => {
    expect(check({
      postStart: { exec: { command: ['/bin/sh', '-c', 'echo Hello from the postStart handler > /usr/share/message'] } },
      preStop: { exec: { command: ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'] } },
    })).toEqual([]);
  });

  it('defaults an httpGet hook path and scheme', () => {
    const pod: any = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', lifecycle: { postStart: { httpGet: { port: 80 } } } }] } };
    applyDefaults('pods', pod);
    expect(pod.spec.containers[0].lifecycle.postStart.httpGet).toEqual({ port: 80, path: '/', scheme: 'HTTP' });
  });

  it('words a zero sleep by release', () => {
    const zero = { preStop: { sleep: { seconds: 0 } } };
    expect(check(zero, 131)).toEqual([`${SLEEP_0}must be greater than 0 and less than terminationGracePeriodSeconds (30)`]);
    expect(check(zero, 132)).toEqual([`${SLEEP_0}must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`]);
    expect(check(zero, 133)).toEqual([]);
  });

  it('bounds a sleep by the pod grace period', () => {
    expect(check({ preStop: { sleep: { seconds: 10 } } }, 133, { terminationGracePeriodSeconds: 10 })).toEqual([]);
    expect(check({ preStop: { sleep: { seconds: 11 } } }, 133, { terminationGracePeriodSeconds: 10 })).toEqual([
      'spec.containers[0].lifecycle.preStop.sleep: Invalid value: 11: must be non-negative and less than terminationGracePeriodSeconds (10)',
    ]);
  });

  it('has no sleep action before 1.30', () => {
    expect(check({ preStop: { sleep: { seconds: 5 } } }, 129)).toEqual(['spec.containers[0].lifecycle.preStop: Required value: must specify a handler type']);
  });

  it('checks the tcpSocket port of a hook', () => {
    expect(check({ postStart: { tcpSocket: { port: 'HTTP' } } })).toEqual([
      'spec.containers[0].lifecycle.postStart.tcpSocket.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].lifecycle.postStart.tcpSocket.port: Invalid value: "HTTP": must contain at least one letter (a-z)',
    ]);
  });
});
