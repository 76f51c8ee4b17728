import { describe, expect, it } from 'vitest';
import { BUSYBOX_DATE_FORMAT, formatDate, parseSimpleZone } from '../../../src/images/shell/date-format';

const instant = Date.UTC(2022, 4, 31, 10, 3, 24, 250);

describe('formatDate', () => {
  it('prints the busybox default format in UTC', () => {
    expect(formatDate(instant, BUSYBOX_DATE_FORMAT, parseSimpleZone(undefined))).toBe('Tue May 31 10:03:24 UTC 2022');
  });

  it('supports common conversions', () => {
    expect(formatDate(instant, '%F %T %j %p %I %z %N %%', parseSimpleZone('UTC'))).toBe('2022-05-31 10:03:24 151 AM 10 +0000 250000000 %');
  });

  it('keeps unknown conversions literally', () => {
    expect(formatDate(instant, '%Q', parseSimpleZone('UTC'))).toBe('%Q');
  });
});

describe('parseSimpleZone', () => {
  it('reads POSIX offsets west of UTC', () => {
    expect(parseSimpleZone('EST5')).toEqual({ name: 'EST', offsetMinutes: -300 });
    expect(parseSimpleZone('IST-5:30')).toEqual({ name: 'IST', offsetMinutes: 330 });
  });

  it('falls back to UTC for zoneinfo names', () => {
    expect(parseSimpleZone('Asia/Shanghai')).toEqual({ name: 'UTC', offsetMinutes: 0 });
  });
});
