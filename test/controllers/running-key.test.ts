import { describe, expect, it } from 'vitest';
import { RunningKey } from '../../src/controllers/running-key.js';

describe('RunningKey', () => {
  it('excludes the key while running', () => {
    const running = new RunningKey();
    let inside: string[] = [];
    running.run('default/pi', () => {
      inside = running.exclude(['default/pi', 'default/web']);
    });
    expect(inside).toEqual(['default/web']);
    expect(running.exclude(['default/pi'])).toEqual(['default/pi']);
  });

  it('clears the key after a throw', () => {
    const running = new RunningKey();
    expect(() =>
      running.run('default/pi', () => {
        throw new Error('sync failed');
      }),
    ).toThrow('sync failed');
    expect(running.current).toBeUndefined();
  });
});
