import { describe, expect, it } from 'vitest';
import { copyPodRecord, type PodRecord } from '../../src/kubelet/state.js';
import { cloneJson } from '../../src/store/store.js';

function sample(): PodRecord {
  return {
    containers: {
      web: {
        stage: 'wait', until: 5000, restarts: 2, pullFailures: 0, startedAt: 1000, exitAt: undefined,
        last: { exitCode: 1, reason: 'Error', startedAt: 1000, finishedAt: 2000 }, waitingReason: 'CrashLoopBackOff',
      },
      sidecar: { stage: 'pull', restarts: 0, pullFailures: 1, waitingReason: 'ContainerCreating' },
    },
    podIP: '10.244.1.5',
    failure: { reason: 'DeadlineExceeded', message: 'past deadline' },
  };
}

describe('copyPodRecord', () => {
  it('copies like cloneJson', () => {
    const copy = copyPodRecord(sample());
    expect(JSON.stringify(copy)).toBe(JSON.stringify(cloneJson(sample())));
    expect(Object.keys(copy.containers.web)).toEqual(Object.keys(sample().containers.web));
  });

  it('shares no object with the original', () => {
    const original = sample();
    const copy = copyPodRecord(original);
    copy.containers.web.restarts = 3;
    copy.containers.web.last!.exitCode = 2;
    copy.failure!.reason = 'Other';
    copy.containers.extra = { stage: 'done', restarts: 0, pullFailures: 0 };
    expect(original.containers.web.restarts).toBe(2);
    expect(original.containers.web.last!.exitCode).toBe(1);
    expect(original.failure!.reason).toBe('DeadlineExceeded');
    expect(original.containers.extra).toBeUndefined();
  });
});
