import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { describePod } from '../../../src/printers/describe/pod.js';
import type { DescribeContext } from '../../../src/printers/describe/index.js';

function context(version: number): DescribeContext {
  return { now: Date.parse('2026-01-01T00:10:00Z'), version, events: () => [], list: () => [] };
}

const pod: KObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', uid: 'p1', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: {
    containers: [{ name: 'web', image: 'nginx' }],
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' },
    ],
  },
  status: { phase: 'Pending' },
};

function tolerationLines(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Tolerations:'));
  return lines.slice(at, at + 2);
}

describe('describe pod tolerations', () => {
  it('adds op=Exists on 1.32', () => {
    expect(tolerationLines(describePod(pod, context(132)))).toEqual([
      'Tolerations:        node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      '                    dedicated=gpu:NoSchedule',
    ]);
  });

  it('omits op=Exists on 1.15', () => {
    expect(tolerationLines(describePod(pod, context(115)))).toEqual([
      'Tolerations:        node.kubernetes.io/not-ready:NoExecute for 300s',
      '                    dedicated=gpu:NoSchedule',
    ]);
  });
});
