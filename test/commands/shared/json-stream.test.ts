import { describe, expect, it } from 'vitest';
import { parseJsonStream } from '../../../src/commands/shared/json-stream.js';

/** Returns a one-line ConfigMap whose data nests `depth` arrays. */
function nested(depth: number): string {
  return `{"kind":"ConfigMap","data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

describe('parseJsonStream nesting depth', () => {
  it('reads 10,000 levels, as Go does', () => {
    const [doc] = parseJsonStream(nested(9999)) as [{ kind: string }];
    expect(doc.kind).toBe('ConfigMap');
  });

  it('rejects the 10,001st level with Go offset', () => {
    // 27 bytes precede the first bracket, the outer object is level 1, and the
    // 10,000th bracket is the first one past the limit.
    expect(() => parseJsonStream(nested(20000))).toThrow("json: offset 10027: invalid character '[' exceeded max depth");
  });

  it('counts objects toward the depth', () => {
    // Level k opens at byte 5(k-1), so level 10,001 opens at byte 50,000.
    const text = `{"a":${'{"a":'.repeat(10000)}1${'}'.repeat(10001)}`;
    expect(() => parseJsonStream(text)).toThrow("json: offset 50001: invalid character '{' exceeded max depth");
  });
});
