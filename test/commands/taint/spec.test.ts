import { describe, expect, it } from 'vitest';
import { parseTaintSpecs, updateTaints } from '../../../src/commands/taint/spec.js';

const NOW = '2026-01-01T00:00:00Z';

describe('taint arguments', () => {
  it('splits additions and removals', () => {
    expect(parseTaintSpecs(['a=b:NoSchedule', 'c:NoExecute-', 'd-'])).toEqual({
      add: [{ key: 'a', value: 'b', effect: 'NoSchedule' }],
      remove: [{ key: 'c', effect: 'NoExecute' }, { key: 'd', effect: '' }],
    });
  });

  it('rejects an unknown effect', () => {
    expect(() => parseTaintSpecs(['a=b:Sometimes'])).toThrow('invalid taint spec: a=b:Sometimes, invalid taint effect: Sometimes, unsupported taint effect');
  });

  it('refuses an existing key and effect without --overwrite', () => {
    expect(() => updateTaints('n1', [{ key: 'a', value: 'b', effect: 'NoSchedule' }], [{ key: 'a', value: 'c', effect: 'NoSchedule' }], [], false, NOW)).toThrow(
      'node n1 already has a taint(s) with same effect(s) and --overwrite is false',
    );
  });

  it('names the outcome tainted, modified or untainted', () => {
    expect(updateTaints('n1', [], [{ key: 'a', effect: 'NoSchedule' }], [], false, NOW).operation).toBe('tainted');
    expect(updateTaints('n1', [{ key: 'a', value: 'b', effect: 'NoSchedule' }], [{ key: 'a', value: 'c', effect: 'NoSchedule' }], [], true, NOW).operation).toBe('modified');
    expect(updateTaints('n1', [{ key: 'a', effect: 'NoSchedule' }], [], [{ key: 'a', effect: '' }], false, NOW)).toEqual({ taints: [], operation: 'untainted' });
  });

  it('reports a removal that matches nothing', () => {
    expect(() => updateTaints('n1', [], [], [{ key: 'a', effect: 'NoSchedule' }], false, NOW)).toThrow('taint "a:NoSchedule" not found');
  });
});
