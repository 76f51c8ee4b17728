import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { describePod } from '../../../src/printers/describe/pod.js';
import type { DescribeContext } from '../../../src/printers/describe/index.js';

const CONTEXT: DescribeContext = { now: Date.parse('2026-01-01T00:10:00Z'), version: 132, events: () => [], list: () => [] };

function pod(container: any, volumes: any[] = []): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', uid: 'p1', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { containers: [{ name: 'web', image: 'busybox', ...container }], volumes },
    status: { phase: 'Pending', podIP: '10.244.1.5' },
  };
}

/** Returns the lines from the first line matching `header` up to the next line indented no deeper than it. */
function section(text: string, header: RegExp): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => header.test(l));
  const depth = lines[at].search(/\S/);
  const end = lines.findIndex((l, i) => i > at && l.search(/\S/) <= depth);
  return lines.slice(at, end);
}

describe('describe pod environment', () => {
  it('names each valueFrom source', () => {
    const env = [
      { name: 'COLOR', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'color' } } },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'sec', key: 'password', optional: true } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
      { name: 'MEM_REQUEST', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '1Mi' } } },
      { name: 'MOTD', value: 'hello\nworld' },
    ];
    const text = describePod(pod({ env, resources: { requests: { memory: '32Mi' } } }), CONTEXT);
    expect(section(text, /^ {4}Environment:/)).toEqual([
      '    Environment:',
      "      COLOR:        <set to the key 'color' of config map 'cfg'>  Optional: false",
      "      PASSWORD:     <set to the key 'password' in secret 'sec'>   Optional: true",
      '      POD_IP:        (v1:status.podIP)',
      '      POD_NAME:     web (v1:metadata.name)',
      '      CPU_LIMIT:    node allocatable (limits.cpu)',
      '      MEM_REQUEST:  32 (requests.memory)',
      '      MOTD:         hello',
      '                    world',
    ]);
  });

  it('lists envFrom sources before the variables', () => {
    const envFrom = [{ configMapRef: { name: 'cfg' } }, { secretRef: { name: 'sec', optional: true }, prefix: 'SEC_' }];
    const text = describePod(pod({ envFrom }), CONTEXT);
    expect(section(text, /^ {4}Environment Variables from:/)).toEqual([
      '    Environment Variables from:',
      "      cfg         ConfigMap                  Optional: false",
      "      sec         Secret with prefix 'SEC_'  Optional: true",
    ]);
    expect(text).toContain("Optional: true\n    Environment:  <none>\n");
  });

  it('prints no envFrom block without envFrom', () => {
    expect(describePod(pod({}), CONTEXT)).not.toContain('Environment Variables from');
  });
});

describe('describe pod data volumes', () => {
  it('prints ConfigMap and DownwardAPI volumes', () => {
    const volumes = [
      { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } }] } },
      { name: 'sec', secret: { secretName: 'sec', optional: true } },
    ];
    const text = describePod(pod({}, volumes), CONTEXT);
    expect(section(text, /^Volumes:/)).toEqual([
      'Volumes:',
      '  cfg:',
      '    Type:      ConfigMap (a volume populated by a ConfigMap)',
      '    Name:      cfg',
      '    Optional:  false',
      '  info:',
      '    Type:  DownwardAPI (a volume populated by information about the pod)',
      '    Items:',
      '      metadata.labels -> labels',
      '      limits.cpu -> cpu',
      '  sec:',
      '    Type:        Secret (a volume populated by a Secret)',
      '    SecretName:  sec',
      '    Optional:    true',
    ]);
  });
});
