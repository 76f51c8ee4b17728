import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../../../src/commands/logs/rfc3339.js';

describe('parseRfc3339', () => {
  it('reads UTC, offsets and fractions', () => {
    expect(parseRfc3339('2022-05-31T09:49:16Z')).toBe(Date.UTC(2022, 4, 31, 9, 49, 16));
    expect(parseRfc3339('2022-05-31T10:49:16+01:00')).toBe(Date.UTC(2022, 4, 31, 9, 49, 16));
    expect(parseRfc3339('2022-05-31T09:49:16.5Z')).toBe(Date.UTC(2022, 4, 31, 9, 49, 16, 500));
  });

  // Each message was printed by kubectl 1.32 offline for `logs web --since-time=VALUE`.
  const layout = '"2006-01-02T15:04:05Z07:00"';
  it.each([
    ['bad', `parsing time "bad" as ${layout}: cannot parse "bad" as "2006"`],
    ['2022-05-31', `parsing time "2022-05-31" as ${layout}: cannot parse "" as "T"`],
    ['2022-05-31T09:49:16', `parsing time "2022-05-31T09:49:16" as ${layout}: cannot parse "" as "Z07:00"`],
    ['2022-05-31T09:49:16+0100', `parsing time "2022-05-31T09:49:16+0100" as ${layout}: cannot parse "+0100" as "Z07:00"`],
    ['2022-05-31T09:49:16Zx', 'parsing time "2022-05-31T09:49:16Zx": extra text: "x"'],
    ['2022-13-01T00:00:00Z', 'parsing time "2022-13-01T00:00:00Z": month out of range'],
    ['2022-02-30T00:00:00Z', 'parsing time "2022-02-30T00:00:00Z": day out of range'],
    ['2022-05-31T25:00:00Z', 'parsing time "2022-05-31T25:00:00Z": hour out of range'],
  ])('rejects %s in Go words', (value, message) => {
    expect(() => parseRfc3339(value)).toThrow(message);
  });
});
