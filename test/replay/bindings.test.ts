import { describe, expect, it } from 'vitest';
import { bindValue, EMPTY_BINDINGS, openGroup, resolveValue, type Bindings } from '../../src/replay/bindings';

const open: Bindings = { values: {}, groups: [{ expected: ['a1', 'a2', 'a3'], actual: ['x1', 'x2', 'x3'] }] };

describe('bindValue', () => {
  it('binds a fresh pair', () => {
    expect(bindValue(EMPTY_BINDINGS, 'gwqnq', 'x7k2p')).toEqual({ values: { gwqnq: 'x7k2p' }, groups: [] });
  });

  it('accepts the same pair again', () => {
    const bound = bindValue(EMPTY_BINDINGS, 'gwqnq', 'x7k2p')!;
    expect(bindValue(bound, 'gwqnq', 'x7k2p')).toBe(bound);
  });

  it('rejects a second actual value', () => {
    expect(bindValue({ values: { gwqnq: 'x7k2p' }, groups: [] }, 'gwqnq', 'm4p2z')).toBeUndefined();
  });

  it('rejects an actual value already taken', () => {
    expect(bindValue({ values: { gwqnq: 'x7k2p' }, groups: [] }, 'v8rhn', 'x7k2p')).toBeUndefined();
  });

  it('pins a group member and narrows the group', () => {
    expect(bindValue(open, 'a2', 'x3')).toEqual({ values: { a2: 'x3' }, groups: [{ expected: ['a1', 'a3'], actual: ['x1', 'x2'] }] });
  });

  it('pins the last remaining pair', () => {
    const two: Bindings = { values: {}, groups: [{ expected: ['a1', 'a2'], actual: ['x1', 'x2'] }] };
    expect(bindValue(two, 'a1', 'x2')).toEqual({ values: { a1: 'x2', a2: 'x1' }, groups: [] });
  });

  it('rejects a member outside its group choices', () => {
    expect(bindValue(open, 'a1', 'y9')).toBeUndefined();
  });

  it('rejects a non-member on a group choice', () => {
    expect(bindValue(open, 'b1', 'x1')).toBeUndefined();
  });
});

describe('openGroup and resolveValue', () => {
  it('turns pinned pairs into a group', () => {
    const pinned: Bindings = { values: { a1: 'x1', a2: 'x2', h: 'k' }, groups: [] };
    expect(openGroup(pinned, ['a1', 'a2'])).toEqual({ values: { h: 'k' }, groups: [{ expected: ['a1', 'a2'], actual: ['x1', 'x2'] }] });
  });

  it('resolves a member by position', () => {
    expect(resolveValue(open, 'a3')).toEqual({
      actual: 'x3',
      bindings: { values: { a3: 'x3' }, groups: [{ expected: ['a1', 'a2'], actual: ['x1', 'x2'] }] },
    });
  });

  it('resolves nothing for an unbound value', () => {
    expect(resolveValue(open, 'zz')).toBeUndefined();
  });
});
