/**
 * A crashing container through the CLI, as on a v1.32 node: `get pods`
 * shows Error with 0 restarts after the first exit and Running with 1 once
 * the kubelet has pulled the image again (pull policy Always) and restarted
 * it. After the second exit it shows CrashLoopBackOff until the first pod
 * sync after the 10 s back-off. `logs --previous` prints the run that
 * lastState shows, and `describe` counts each repeated kubelet event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('a crashing container in get pods', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('cl', args);
  const row = () => on('get', 'pod', '--no-headers').stdout;
  const notFound = 'Error from server (BadRequest): previous terminated container "crash" in pod "crash" not found\n';

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'cl', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
    // Each run prints its start time, so the logs show which run they come from.
    expect(on('run', 'crash', '--image=busybox', '--', 'sh', '-c', 'date; sleep 5; exit 1').code).toBe(0);
    expect(on('wait', '--for=condition=ready', 'pod/crash').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('first exit shows Error, no restart', () => {
    expect(row()).toBe('crash   1/1   Running   0     5s\n');
    on('clock', 'advance', '5s');
    expect(row()).toBe('crash   0/1   Error   0     10s\n');
    expect(on('logs', 'crash').stdout).toBe('Tue May 31 09:49:21 UTC 2022\n');
    const previous = on('logs', 'crash', '--previous');
    expect(previous.stderr).toBe(notFound);
    expect(previous.code).toBe(1);
  });

  it('restarts once the image is pulled again', () => {
    // The sync after the relist (1 s) pulls the image (4 s), then starts the container (1 s).
    on('clock', 'advance', '5s');
    expect(row()).toBe('crash   0/1   Error   0     15s\n');
    on('clock', 'advance', '1s');
    expect(row()).toBe('crash   1/1   Running   1 (6s ago)   16s\n');
    expect(on('logs', 'crash').stdout).toBe('Tue May 31 09:49:32 UTC 2022\n');
    expect(on('logs', 'crash', '--previous').stdout).toBe('Tue May 31 09:49:21 UTC 2022\n');
  });

  it('second exit backs off until the next pod sync', () => {
    on('clock', 'advance', '5s');
    expect(row()).toBe('crash   0/1   Error   1 (11s ago)   21s\n');
    on('clock', 'advance', '1s');
    expect(row()).toBe('crash   0/1   CrashLoopBackOff   1 (1s ago)   22s\n');
    // While the container waits, lastState and --previous show the run that just crashed.
    expect(on('logs', 'crash', '--previous').stdout).toBe('Tue May 31 09:49:32 UTC 2022\n');
    expect(on('logs', 'crash').stdout).toBe('Tue May 31 09:49:32 UTC 2022\n');
    // The pod worker syncs again 11 s later, after the back-off, and that sync pulls and restarts.
    on('clock', 'advance', '15s');
    expect(row()).toBe('crash   0/1   CrashLoopBackOff   1 (16s ago)   37s\n');
    on('clock', 'advance', '1s');
    expect(row()).toBe('crash   1/1   Running   2 (17s ago)   38s\n');
    expect(on('logs', 'crash', '--previous').stdout).toBe('Tue May 31 09:49:32 UTC 2022\n');
    expect(on('logs', 'crash').stdout).toBe('Tue May 31 09:49:54 UTC 2022\n');
  });

  it('counts repeated kubelet events in describe', () => {
    on('clock', 'advance', '7s');
    expect(on('logs', 'crash', '--previous').stdout).toBe('Tue May 31 09:49:54 UTC 2022\n');
    const text = on('describe', 'pod', 'crash').stdout;
    expect(text).toContain('    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n');
    expect(text).toContain('    Restart Count:  2\n');
    const events = text.slice(text.indexOf('Events:'));
    expect(events).toMatch(
      new RegExp(
        [
          'Events:',
          '  Type     Reason     Age                From               Message',
          '  ----     ------     ----               ----               -------',
          '  Normal   Scheduled  45s                default-scheduler  Successfully assigned default/crash to k8s-node02',
          '  Normal   Pulling    12s \\(x3 over 45s\\)  kubelet            Pulling image "busybox"',
          '  Normal   Pulled     8s \\(x3 over 41s\\)   kubelet            Successfully pulled image "busybox" in 4s \\(4s including waiting\\)\\. Image size: 4269034 bytes\\.',
          '  Normal   Created    7s \\(x3 over 40s\\)   kubelet            Created container: crash',
          '  Normal   Started    7s \\(x3 over 40s\\)   kubelet            Started container crash',
          '  Warning  BackOff    1s \\(x2 over 23s\\)   kubelet            Back-off restarting failed container crash in pod crash_default\\([0-9a-f-]{36}\\)',
          '',
        ].join('\n') + '$',
      ),
    );
  });
});
