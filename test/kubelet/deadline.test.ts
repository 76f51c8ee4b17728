import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';

describe('pod activeDeadlineSeconds', () => {
  it('fails the pod with DeadlineExceeded and kills its container', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('slow', 'busybox:1.36', { container: { command: ['sleep', '600'] }, spec: { activeDeadlineSeconds: 20, restartPolicy: 'Never' } }));
    advance(c, 19_000);
    expect(c.store.get('pods', 'default', 'slow')!.status.phase).toBe('Running');
    advance(c, 1_000);
    const pod = c.store.get('pods', 'default', 'slow')!;
    expect(pod.status.phase).toBe('Failed');
    expect(pod.status.reason).toBe('DeadlineExceeded');
    expect(pod.status.message).toBe('Pod was active on the node longer than the specified deadline');
    expect(pod.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    const reasons = c.store.list('events', 'default').filter((e) => e.involvedObject.name === 'slow').map((e) => e.reason);
    expect(reasons).toContain('DeadlineExceeded');
  });

  it('leaves a pod that finishes before its deadline alone', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('quick', 'busybox:1.36', { container: { command: ['sleep', '5'] }, spec: { activeDeadlineSeconds: 60, restartPolicy: 'Never' } }));
    advance(c, 120_000);
    const pod = c.store.get('pods', 'default', 'quick')!;
    expect(pod.status.phase).toBe('Succeeded');
    expect(pod.status.reason).toBeUndefined();
  });
});
