import { describe, expect, it } from 'vitest';
import { namePattern } from '../../../src/controllers/scheduler/placement-hints';

describe('namePattern', () => {
  it('masks generated segments at the end', () => {
    expect(namePattern('nginx-deployment-5df65767f-4wxdv')).toBe('nginx-deployment-*-*');
    expect(namePattern('hello-1653990600-9l64q')).toBe('hello-*-*');
    expect(namePattern('pi-59srm')).toBe('pi-*');
  });
  it('keeps literal names', () => {
    expect(namePattern('lifecycle-demo')).toBe('lifecycle-demo');
    expect(namePattern('web')).toBe('web');
  });
});
