import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../helpers/cluster.js';
import { writeContainerStdin } from '../../src/kubelet/attach.js';
import type { Cluster } from '../../src/engine/cluster.js';

/** Creates a busybox pod with the given container fields and lets it start. */
function startShell(c: Cluster, name: string, container: Record<string, unknown>) {
  createObject(c, 'pods', newPod(name, 'busybox', { container, spec: { restartPolicy: 'Never' } }));
  advance(c, 60_000);
  return c.store.get('pods', 'default', name)!;
}

describe('writeContainerStdin', () => {
  it('runs the input in a waiting shell and exits at its end', () => {
    const c = newCluster();
    const pod = startShell(c, 'sh', { stdin: true, stdinOnce: true });
    expect(pod.status.phase).toBe('Running');
    const at = c.simNow;
    expect(c.store.tx(() => writeContainerStdin(c.store, pod, 'main', 'echo hello\nsleep 3\nexit 2\n', at))).toBe(true);
    advance(c, 3_000);
    const done = c.store.get('pods', 'default', 'sh')!;
    expect(done.status.phase).toBe('Failed');
    expect(done.status.containerStatuses[0].state.terminated.exitCode).toBe(2);
    expect(c.store.readLogs(done.metadata.uid!, 'main', 0, c.simNow)).toEqual([{ ts: at, stream: 'stdout', line: 'hello' }]);
  });

  it('ignores a container that does not read stdin', () => {
    const c = newCluster();
    const pod = startShell(c, 'sleeper', { stdin: true, command: ['sleep', '3600'] });
    const before = JSON.stringify(c.store.get('pods', 'default', 'sleeper'));
    expect(c.store.tx(() => writeContainerStdin(c.store, pod, 'main', 'echo hi\n', c.simNow))).toBe(false);
    expect(JSON.stringify(c.store.get('pods', 'default', 'sleeper'))).toBe(before);
  });

  it('keeps a shell without stdin exiting at once', () => {
    const c = newCluster();
    const pod = startShell(c, 'plain', {});
    expect(pod.status.phase).toBe('Succeeded');
    expect(c.store.tx(() => writeContainerStdin(c.store, pod, 'main', 'echo hi\n', c.simNow))).toBe(false);
  });
});
