import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('a NoExecute taint on a healthy node', () => {
  const sb = new Sandbox();
  const k = (args: string[], input?: string) => sb.on('x', args, input === undefined ? {} : { input });
  const podsOn = (node: string) =>
    k(['get', 'pods', '-o', 'wide', '--no-headers']).stdout.trim().split('\n').filter((l) => l.split(/\s+/)[6] === node).map((l) => l.split(/\s+/)[0]);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'x', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(k(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']).code).toBe(0);
    const tolerant = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: patient\nspec:\n  nodeName: k8s-node01\n  tolerations:\n  - {key: maintenance, operator: Exists, effect: NoExecute, tolerationSeconds: 120}\n  containers:\n  - {name: c, image: nginx}\n';
    expect(k(['apply', '-f', '-'], tolerant).code).toBe(0);
    expect(k(['clock', 'advance', '20s']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('evicts pods without a toleration', () => {
    const before = podsOn('k8s-node01').filter((n) => n.startsWith('web-'));
    expect(before).toHaveLength(1);
    expect(k(['taint', 'nodes', 'k8s-node01', 'maintenance=true:NoExecute']).code).toBe(0);
    expect(k(['clock', 'advance', '1m']).code).toBe(0);
    expect(podsOn('k8s-node01')).toEqual(['patient']);
    expect(podsOn('k8s-node02').filter((n) => n.startsWith('web-'))).toHaveLength(2);
    expect(k(['get', 'events', '--field-selector', 'reason=TaintManagerEviction', '-o', 'jsonpath={.items[*].message}']).stdout).toBe(`Marking for deletion Pod default/${before[0]}`);
  });

  it('evicts a pod whose toleration runs out', () => {
    expect(k(['clock', 'advance', '50s']).code).toBe(0);
    expect(k(['get', 'pod', 'patient', '-o', 'jsonpath={.metadata.deletionTimestamp}']).stdout).toBe('');
    // The toleration lasts 120 s from the taint; then the pod is deleted and terminates.
    expect(k(['clock', 'advance', '1m']).code).toBe(0);
    expect(k(['get', 'pod', 'patient']).code).toBe(1);
  });
});
