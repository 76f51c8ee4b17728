import { describe, expect, it } from 'vitest';
import { relieveMemory } from '../../src/engine/memory.js';

describe('relieveMemory', () => {
  it('collects garbage past the heap limit', () => {
    let garbage: string[] | undefined = [];
    for (let i = 0; i < 40_000; i++) garbage.push(Array.from({ length: 512 }, (_, j) => `${i}:${j}`).join(','));
    const before = process.memoryUsage().heapUsed;
    expect(before).toBeGreaterThan(128 * 1024 * 1024);
    garbage = undefined;
    relieveMemory();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before / 2);
  });
});
