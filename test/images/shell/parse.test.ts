import { describe, expect, it } from 'vitest';
import { parseScript, ShellSyntaxError } from '../../../src/images/shell/parse';

describe('parseScript', () => {
  it('shares one frozen tree per script', () => {
    const first = parseScript('date; echo hello');
    expect(parseScript('date; echo hello')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.type).toBe('list');
  });

  it('throws on every parse of a malformed script', () => {
    expect(() => parseScript('echo (')).toThrow(ShellSyntaxError);
    expect(() => parseScript('echo (')).toThrow(ShellSyntaxError);
  });
});
