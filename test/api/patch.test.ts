import { describe, expect, it } from 'vitest';
import { decodeStrategicPatch, jsonMergePatch, jsonPatch, strategicMergePatch } from '../../src/api/patch.js';

const deployment = {
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] },
          { name: 'sidecar', image: 'busybox' },
        ],
      },
    },
  },
};

describe('strategicMergePatch', () => {
  it('merges containers by name', () => {
    const out = strategicMergePatch(deployment, { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'nginx', image: 'nginx:1.26', ports: [{ containerPort: 80 }] },
      { name: 'sidecar', image: 'busybox' },
    ]);
  });

  it('deletes a list item with $patch: delete', () => {
    const out = strategicMergePatch(deployment, { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } });
    expect(out.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['nginx']);
  });

  it('removes a field set to null', () => {
    expect(strategicMergePatch(deployment, { spec: { replicas: null } }).spec.replicas).toBeUndefined();
  });

  it('keeps only the $retainKeys of a map', () => {
    const live = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } } };
    const out = strategicMergePatch(live, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
  });
});

describe('jsonMergePatch', () => {
  it('replaces lists whole', () => {
    const out = jsonMergePatch(deployment, { spec: { template: { spec: { containers: [{ name: 'only', image: 'x' }] } } } });
    expect(out.spec.template.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
  });
});

describe('jsonPatch', () => {
  it('applies replace, add and remove in order', () => {
    const out = jsonPatch(deployment, [
      { op: 'replace', path: '/spec/replicas', value: 5 },
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'third', image: 'y' } },
      { op: 'remove', path: '/spec/template/spec/containers/1' },
    ]);
    expect(out.spec.replicas).toBe(5);
    expect(out.spec.template.spec.containers.map((c: any) => c.name)).toEqual(['nginx', 'third']);
  });

  it('rejects replacing a missing path', () => {
    expect(() => jsonPatch(deployment, [{ op: 'replace', path: '/spec/missing', value: 1 }])).toThrow(/missing/);
  });

  it('fails a test operation that does not hold', () => {
    expect(() => jsonPatch(deployment, [{ op: 'test', path: '/spec/replicas', value: 4 }])).toThrow(/test failed/);
  });
});

describe('decodeStrategicPatch', () => {
  it('returns an object patch unchanged', () => {
    const patch = { spec: { replicas: 2 } };
    expect(decodeStrategicPatch(patch)).toBe(patch);
  });

  it('reads null as an empty patch', () => {
    expect(decodeStrategicPatch(null)).toEqual({});
  });

  it('rejects a string with Go\'s unmarshal message', () => {
    expect(() => decodeStrategicPatch('not json')).toThrow('json: cannot unmarshal string into Go value of type map[string]interface {}');
  });

  it('names arrays, numbers and booleans as Go does', () => {
    expect(() => decodeStrategicPatch([1, 2])).toThrow('json: cannot unmarshal array into Go value of type map[string]interface {}');
    expect(() => decodeStrategicPatch(42)).toThrow('json: cannot unmarshal number into Go value of type map[string]interface {}');
    expect(() => decodeStrategicPatch(false)).toThrow('json: cannot unmarshal bool into Go value of type map[string]interface {}');
  });
});
