import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { describePod } from '../../../src/printers/describe/pod.js';
import type { DescribeContext } from '../../../src/printers/describe/index.js';

function context(version: number): DescribeContext {
  return { now: Date.parse('2026-01-01T00:10:00Z'), version, events: () => [], list: () => [] };
}

function pod(volumes: any[], mounts: any[]): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'p1', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { containers: [{ name: 'web', image: 'nginx', volumeMounts: mounts }], volumes },
    status: { phase: 'Pending' },
  };
}

/** Returns the lines from `header` up to the next line that starts at column 0. */
function section(text: string, header: RegExp): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => header.test(l));
  const end = lines.findIndex((l, i) => i > at && /^\S/.test(l));
  return lines.slice(at, end);
}

describe('describe pod volumes', () => {
  it('prints a Secret volume as kubectl 1.15 does', () => {
    const text = describePod(pod(
      [{ name: 'default-token-2k8kw', secret: { defaultMode: 420, secretName: 'default-token-2k8kw' } }],
      [{ name: 'default-token-2k8kw', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
    ), context(115));
    expect(section(text, /^Volumes:/)).toEqual([
      'Volumes:',
      '  default-token-2k8kw:',
      '    Type:        Secret (a volume populated by a Secret)',
      '    SecretName:  default-token-2k8kw',
      '    Optional:    false',
    ]);
    expect(text).toContain('    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from default-token-2k8kw (ro)\n');
  });

  it('prints the projected service account volume with an unset ConfigMapOptional as <nil>', () => {
    const projected = {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    };
    const text = describePod(pod([{ name: 'kube-api-access-7l8xz', projected }], []), context(132));
    expect(section(text, /^Volumes:/)).toEqual([
      'Volumes:',
      '  kube-api-access-7l8xz:',
      '    Type:                    Projected (a volume that contains injected data from multiple sources)',
      '    TokenExpirationSeconds:  3607',
      '    ConfigMapName:           kube-root-ca.crt',
      '    ConfigMapOptional:       <nil>',
      '    DownwardAPI:             true',
    ]);
  });

  it('lists mounts by path', () => {
    const text = describePod(pod([], [
      { name: 'token', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
      { name: 'html', mountPath: '/usr/share/nginx/html' },
    ]), context(132));
    expect(text).toContain('    Mounts:\n      /usr/share/nginx/html from html (rw)\n      /var/run/secrets/kubernetes.io/serviceaccount from token (ro)\n');
  });
});
