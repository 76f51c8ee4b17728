/**
 * A crashing container through the CLI: `get pods` shows Error with 0
 * restarts after the first exit, Running with 1 after the immediate restart,
 * then CrashLoopBackOff for 10 s after the second exit, as on a v1.32 node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('a crashing container in get pods', () => {
  const sb = new Sandbox();
  const on = (...args: string[]) => sb.on('cl', args);
  const row = () => on('get', 'pod', '--no-headers').stdout;

  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'cl', '--clock', 'manual', '--seed', '1', '--start-time', '2022-05-31T09:49:16Z']).code).toBe(0);
    expect(on('run', 'crash', '--image=busybox', '--', 'sh', '-c', 'echo run; sleep 5; exit 1').code).toBe(0);
    expect(on('wait', '--for=condition=ready', 'pod/crash').code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('first exit shows Error, no restart', () => {
    expect(row()).toBe('crash   1/1   Running   0     5s\n');
    on('clock', 'advance', '5s');
    expect(row()).toBe('crash   0/1   Error   0     10s\n');
    expect(on('logs', 'crash').stdout).toBe('run\n');
    expect(on('logs', 'crash', '--previous').stderr).toBe('Error from server (BadRequest): previous terminated container "crash" in pod "crash" not found\n');
    on('clock', 'advance', '1s');
    expect(row()).toBe('crash   0/1   Error   0     11s\n');
  });

  it('shows Running with 1 restart once the container has started again', () => {
    on('clock', 'advance', '1s');
    expect(row()).toBe('crash   1/1   Running   1 (2s ago)   12s\n');
    expect(on('logs', 'crash', '--previous').stdout).toBe('run\n');
  });

  it('second exit backs off 10 s', () => {
    on('clock', 'advance', '5s');
    expect(row()).toBe('crash   0/1   CrashLoopBackOff   1 (0s ago)   17s\n');
    on('clock', 'advance', '5s');
    expect(row()).toBe('crash   0/1   CrashLoopBackOff   1 (5s ago)   22s\n');
    on('clock', 'advance', '6s');
    expect(row()).toBe('crash   1/1   Running   2 (11s ago)   28s\n');
  });

  it('lists one BackOff event per back-off and the start of every run', () => {
    on('clock', 'advance', '5s');
    const text = on('describe', 'pod', 'crash').stdout;
    expect(text).toContain('    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n');
    expect(text).toContain('    Restart Count:  2\n');
    expect(text).toContain('  Normal   Started    5s (x3 over 28s)  kubelet            Started container crash\n');
    expect(text).toMatch(/ {2}Warning {2}BackOff {4}0s \(x2 over 16s\) {2}kubelet {12}Back-off restarting failed container crash in pod crash_default\([0-9a-f-]{36}\)\n/);
  });
});
