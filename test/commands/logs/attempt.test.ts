import { describe, expect, it } from 'vitest';
import { advance, createObject, newCluster, newPod } from '../../helpers/cluster.js';
import { logAttempt } from '../../../src/commands/logs/attempt.js';
import { startOffsetMs } from '../../../src/kubelet/kubelet.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import type { KObject } from '../../../src/api/types.js';

function pod(c: Cluster, name = 'crash'): KObject {
  return c.store.get('pods', 'default', name)!;
}

/** Returns the run that `logs` prints, or the error message it prints instead. */
function attempt(c: Cluster, previous: boolean, name = 'crash'): number | string {
  try {
    return logAttempt(pod(c, name), 'main', previous);
  } catch (err) {
    return (err as Error).message;
  }
}

/** Creates pod crash, whose container runs 5 s and fails, and advances to its first start. */
function crashing(): Cluster {
  const c = newCluster();
  createObject(c, 'pods', newPod('crash', 'busybox:1.36', { container: { command: ['sh', '-c', 'sleep 5; exit 1'] } }));
  advance(c, c.settings.pullMs + c.settings.startMs + startOffsetMs(pod(c)));
  return c;
}

describe('logs run choice', () => {
  it('follows lastState over several restarts', () => {
    const c = crashing();
    const notFound = 'previous terminated container "main" in pod "crash" not found';
    const seen: [string, number | string, number | string][] = [];
    const note = (when: string) => seen.push([when, attempt(c, false), attempt(c, true)]);
    note('first run');
    advance(c, 5_000);
    note('first exit');
    advance(c, 1_000 + c.settings.startMs);
    note('second run');
    advance(c, 5_000);
    note('second exit');
    advance(c, 1_000);
    note('back-off');
    // Syncs every 11 to 15 s: the 10 s back-off has ended at the next one, which restarts at once.
    advance(c, 15_000 + c.settings.startMs);
    note('third run');
    expect(seen).toEqual([
      ['first run', 0, notFound],
      ['first exit', 0, notFound],
      ['second run', 1, 0],
      ['second exit', 1, 0],
      ['back-off', 1, 1],
      ['third run', 2, 1],
    ]);
  });

  it('names the pull failure of a container that never ran', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('bad', 'nginx:1.91'));
    advance(c, c.settings.pullFailMs + 2_000);
    expect(attempt(c, false, 'bad')).toBe('container "main" in pod "bad" is waiting to start: image can\'t be pulled');
    advance(c, 8_000);
    expect(attempt(c, false, 'bad')).toBe('container "main" in pod "bad" is waiting to start: trying and failing to pull image');
  });

  it('names ContainerCreating before the first start', () => {
    const c = newCluster();
    createObject(c, 'pods', newPod('crash', 'busybox:1.36'));
    expect(attempt(c, true)).toBe('container "main" in pod "crash" is waiting to start: ContainerCreating');
  });
});
