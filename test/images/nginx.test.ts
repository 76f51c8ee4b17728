import { describe, expect, it } from 'vitest';
import { formatEntrypointLines, formatStartNotices } from '../../src/images/nginx';

const START = Date.UTC(2022, 4, 31, 7, 0, 0);

describe('formatStartNotices', () => {
  it('dates each start by its own second', () => {
    expect(formatStartNotices('1.27.5', START + 900)[0]).toBe('2022/05/31 07:00:00 [notice] 1#1: using the "epoll" event method');
    expect(formatStartNotices('1.27.5', START + 1000)[0]).toBe('2022/05/31 07:00:01 [notice] 1#1: using the "epoll" event method');
  });

  it('returns a new array on each call', () => {
    const first = formatStartNotices('1.27.5', START);
    first.length = 0;
    expect(formatStartNotices('1.27.5', START)).toHaveLength(8);
  });

  it('prints nothing before 1.21', () => {
    expect(formatStartNotices('1.20.2', START)).toEqual([]);
  });
});

describe('formatEntrypointLines', () => {
  it('returns a new array on each call', () => {
    const first = formatEntrypointLines('1.27.5');
    const count = first.length;
    first.pop();
    expect(formatEntrypointLines('1.27.5')).toHaveLength(count);
    expect(count).toBe(9);
  });
});
