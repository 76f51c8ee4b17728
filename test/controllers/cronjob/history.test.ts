import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { findJobsOverLimit, sortByStartTime } from '../../../src/controllers/cronjob/history.js';

function job(name: string, startTime?: string): KObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' }, status: startTime ? { startTime } : {} };
}

describe('cronjob history', () => {
  it('sorts jobs by start time', () => {
    const jobs = [job('b', '2022-05-31T09:52:00Z'), job('a', '2022-05-31T09:51:00Z')];
    expect(sortByStartTime(jobs).map((j) => j.metadata.name)).toEqual(['a', 'b']);
  });

  it('breaks start time ties by name', () => {
    const jobs = [job('hello-b', '2022-05-31T09:51:00Z'), job('hello-a', '2022-05-31T09:51:00Z')];
    expect(sortByStartTime(jobs).map((j) => j.metadata.name)).toEqual(['hello-a', 'hello-b']);
  });

  it('puts jobs without a start time last', () => {
    const jobs = [job('z'), job('b', '2022-05-31T09:52:00Z'), job('a')];
    expect(sortByStartTime(jobs).map((j) => j.metadata.name)).toEqual(['b', 'a', 'z']);
  });

  it('picks the oldest jobs over the limit', () => {
    const jobs = [job('c', '2022-05-31T09:53:00Z'), job('a', '2022-05-31T09:51:00Z'), job('b', '2022-05-31T09:52:00Z')];
    expect(findJobsOverLimit(jobs, 1).map((j) => j.metadata.name)).toEqual(['a', 'b']);
  });
});
