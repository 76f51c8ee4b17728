import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, translateTimestampSince } from '../../src/printers/duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  const cases: [string, number, string][] = [
    ['skew beyond one second is invalid', -2 * s, '<invalid>'],
    ['skew within one second is 0s', -1500, '0s'],
    ['zero', 0, '0s'],
    ['seconds below two minutes', 119 * s + 999, '119s'],
    ['exact minutes below ten', 2 * m, '2m'],
    ['minutes and seconds below ten', 2 * m + 30 * s, '2m30s'],
    ['last minute-second value', 9 * m + 59 * s, '9m59s'],
    ['minutes below three hours', 10 * m, '10m'],
    ['minutes just below three hours', 179 * m + 59 * s, '179m'],
    ['exact hours below eight', 3 * h, '3h'],
    ['hours and minutes below eight', 7 * h + 59 * m, '7h59m'],
    ['hours below two days', 47 * h + 59 * m, '47h'],
    ['exact days below eight', 2 * d, '2d'],
    ['days and hours below eight', 2 * d + 3 * h, '2d3h'],
    ['days and hours just below eight days', 7 * d + 23 * h, '7d23h'],
    ['days below two years', 729 * d, '729d'],
    ['exact years below eight', 3 * 365 * d, '3y'],
    ['years and days below eight', 3 * 365 * d + 45 * d, '3y45d'],
    ['years from eight on', 8 * 365 * d + 100 * d, '8y'],
  ];
  for (const [name, ms, want] of cases) {
    it(name, () => expect(humanDuration(ms)).toBe(want));
  }
});

describe('shortHumanDuration', () => {
  const cases: [string, number, string][] = [
    ['invalid skew', -5 * s, '<invalid>'],
    ['small skew', -500, '0s'],
    ['seconds', 59 * s, '59s'],
    ['minutes', 119 * s, '1m'],
    ['hours', 23 * h + 59 * m, '23h'],
    ['days', 364 * d, '364d'],
    ['years', 800 * d, '2y'],
  ];
  for (const [name, ms, want] of cases) {
    it(name, () => expect(shortHumanDuration(ms)).toBe(want));
  }
});

describe('translateTimestampSince', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('prints unknown for a missing timestamp', () => {
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>');
  });
  it('prints unknown for an unparsable timestamp', () => {
    expect(translateTimestampSince('yesterday-ish', now)).toBe('<unknown>');
  });
  it('prints the age of an RFC 3339 timestamp', () => {
    expect(translateTimestampSince('2026-01-01T11:57:30Z', now)).toBe('2m30s');
  });
});
