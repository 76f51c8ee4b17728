import { describe, expect, it } from 'vitest';
import { START, advance, create, eventsOf, get, jobPods, newCluster, newJob } from '../helpers.js';
import type { KObject } from '../../../src/api/types.js';

function conditions(job: KObject | undefined): string[] {
  return (job?.status?.conditions ?? []).map((c: any) => `${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}`);
}

function createdAt(pods: KObject[]): string[] {
  return pods.map((p) => `+${(Date.parse(p.metadata.creationTimestamp!) - START) / 1000}s`);
}

describe('job controller', () => {
  it('completes a job whose single pod succeeds', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('ok', { script: 'echo done' }));
    advance(c, 30_000);
    const job = get(c, 'jobs', 'ok')!;
    expect(conditions(job)).toEqual(['SuccessCriteriaMet=True CompletionsReached', 'Complete=True CompletionsReached']);
    expect(job.status.succeeded).toBe(1);
    expect(job.status.completionTime).toBe('2022-05-31T09:49:35Z');
    expect(eventsOf(c, job)).toEqual([`Normal SuccessfulCreate Created pod: ${jobPods(c, 'ok')[0].metadata.name}`, 'Normal Completed Job completed']);
  });

  it('replaces failed pods after 10 s, then 20 s of back-off', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('fail', { script: 'sleep 2; exit 1', backoffLimit: 2 }));
    advance(c, 120_000);
    // Pod 1 fails at +7s (pull 4 s, start 1 s, sleep 2 s), pod 2 starts at +17s and fails at +24s; pod 3 starts at +44s.
    expect(createdAt(jobPods(c, 'fail'))).toEqual(['+0s', '+17s', '+44s']);
  });

  it('fails with BackoffLimitExceeded once failures pass backoffLimit', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('fail', { script: 'exit 1', backoffLimit: 1 }));
    advance(c, 120_000);
    const job = get(c, 'jobs', 'fail')!;
    expect(conditions(job)).toEqual(['FailureTarget=True BackoffLimitExceeded', 'Failed=True BackoffLimitExceeded']);
    expect(job.status.failed).toBe(2);
    expect(eventsOf(c, job).at(-1)).toBe('Warning BackoffLimitExceeded Job has reached the specified backoff limit');
  });

  it('counts container restarts against backoffLimit with OnFailure', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('crash', { script: 'exit 3', restartPolicy: 'OnFailure', backoffLimit: 2 }));
    advance(c, 120_000);
    const job = get(c, 'jobs', 'crash')!;
    expect(conditions(job)).toContain('Failed=True BackoffLimitExceeded');
    expect(createdAt(jobPods(c, 'crash'))).toEqual([]);
  });

  it('fails with DeadlineExceeded and deletes the running pod', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('slow', { script: 'sleep 600', activeDeadlineSeconds: 30 }));
    advance(c, 29_000);
    expect(conditions(get(c, 'jobs', 'slow'))).toEqual([]);
    advance(c, 1_000);
    const job = get(c, 'jobs', 'slow')!;
    expect(conditions(job)).toEqual(['FailureTarget=True DeadlineExceeded', 'Failed=True DeadlineExceeded']);
    expect(job.status.failed).toBe(1);
    expect(jobPods(c, 'slow').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(eventsOf(c, job).at(-1)).toBe('Warning DeadlineExceeded Job was active longer than specified deadline');
  });

  it('runs completions with at most parallelism pods at a time', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('batch', { script: 'sleep 10', completions: 3, parallelism: 2 }));
    expect(jobPods(c, 'batch')).toHaveLength(2);
    advance(c, 16_000);
    expect(get(c, 'jobs', 'batch')!.status.succeeded).toBe(2);
    expect(jobPods(c, 'batch')).toHaveLength(3);
    advance(c, 30_000);
    const job = get(c, 'jobs', 'batch')!;
    expect(job.status.succeeded).toBe(3);
    expect(conditions(job)).toContain('Complete=True CompletionsReached');
  });

  it('names Indexed pods by index and reports completedIndexes', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('idx', { script: 'echo $JOB_COMPLETION_INDEX', completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    const pods = jobPods(c, 'idx');
    expect(pods.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, '')).sort()).toEqual(['idx-0', 'idx-1', 'idx-2']);
    advance(c, 30_000);
    const job = get(c, 'jobs', 'idx')!;
    expect(job.status.completedIndexes).toBe('0-2');
    const pod0 = pods.find((p) => p.metadata.name.startsWith('idx-0-'))!;
    expect(c.store.readLogs(pod0.metadata.uid!, 'main', 0, c.simNow).map((l) => l.line)).toEqual(['0']);
  });

  it('creates no pods while suspended and starts them on resume', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('later', { suspend: true }));
    expect(jobPods(c, 'later')).toHaveLength(0);
    expect(conditions(get(c, 'jobs', 'later'))).toEqual(['Suspended=True JobSuspended']);
    const job = get(c, 'jobs', 'later')!;
    job.spec.suspend = false;
    c.store.tx(() => c.store.update('jobs', job));
    c.settle();
    expect(jobPods(c, 'later')).toHaveLength(1);
    expect(conditions(get(c, 'jobs', 'later'))).toEqual(['Suspended=False JobResumed']);
  });

  it('deletes a finished job after ttlSecondsAfterFinished', () => {
    const c = newCluster();
    create(c, 'jobs', newJob('short', { ttlSecondsAfterFinished: 10 }));
    advance(c, 14_000);
    expect(get(c, 'jobs', 'short')).toBeDefined();
    advance(c, 1_000);
    expect(get(c, 'jobs', 'short')).toBeUndefined();
    expect(c.store.list('pods', 'default')).toHaveLength(0);
  });

  it('labels pods with job-name and controller-uid in both forms on 1.32', () => {
    const c = newCluster();
    const job = create(c, 'jobs', newJob('pi'));
    expect(jobPods(c, 'pi')[0].metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': job.metadata.uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': job.metadata.uid,
      'job-name': 'pi',
    });
  });

  it('labels pods with the unprefixed keys only on 1.15', () => {
    const c = newCluster({ version: '1.15' });
    const job = create(c, 'jobs', newJob('pi'));
    expect(jobPods(c, 'pi')[0].metadata.labels).toEqual({ 'controller-uid': job.metadata.uid, 'job-name': 'pi' });
    advance(c, 30_000);
    expect(conditions(get(c, 'jobs', 'pi'))).toEqual(['Complete=True']);
  });

  it('rejects restartPolicy Always', () => {
    const c = newCluster();
    expect(() => create(c, 'jobs', newJob('bad', { restartPolicy: 'Always' }))).toThrow(
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    );
  });
});

describe('job controller on 1.15', () => {
  it('ignores ttlSecondsAfterFinished before 1.21', () => {
    const c = newCluster({ version: '1.15' });
    create(c, 'jobs', newJob('short', { ttlSecondsAfterFinished: 10 }));
    advance(c, 60_000);
    expect(get(c, 'jobs', 'short')).toBeDefined();
  });
});
