/**
 * The delete flags `kubectl run` shares with `kubectl delete`. kubectl 1.32
 * parses `--cascade` right after `--dry-run`, before it checks the
 * arguments, and deletes the `--rm` objects with it. It accepts `-f`, `-k`, `-R`, `--force`, `--grace-period`,
 * `--wait` and `--timeout` but ignores them: `--rm` never waits and always
 * uses the default grace period.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('kubectl run delete flags', () => {
  const sb = new Sandbox();
  const k = (args: string[]) => sb.on('del', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'del', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  const rejected: [string, string[], string][] = [
    ['an invalid --cascade', ['x', '--image=busybox', '--cascade=bad'], 'error: invalid cascade value (bad). Must be "background", "foreground", or "orphan"\n'],
    ['an invalid --cascade before a missing NAME', ['--image=busybox', '--cascade=bad'], 'error: invalid cascade value (bad). Must be "background", "foreground", or "orphan"\n'],
    ['an invalid --dry-run before --cascade', ['x', '--image=busybox', '--cascade=bad', '--dry-run=bad'], 'error: Invalid dry-run value (bad). Must be "none", "server", or "client".\n'],
    ['a non-numeric --grace-period', ['x', '--image=busybox', '--grace-period=abc'], 'Error: invalid argument "abc" for "--grace-period" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl run --help\' for usage.\n'],
  ];
  for (const [name, args, stderr] of rejected) {
    it(`rejects ${name}`, () => {
      const before = sb.dump('del');
      const r = k(['run', ...args]);
      expect(r.stderr).toBe(stderr);
      expect(r.stdout).toBe('');
      expect(r.code).toBe(1);
      expect(sb.dump('del')).toBe(before);
    });
  }

  it('warns about a boolean --cascade', () => {
    const r = k(['run', 'b', '--image=busybox', '--cascade=true', '--dry-run=client', '-o', 'name']);
    expect(r.stderr).toBe('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n');
    expect(r.stdout).toBe('pod/b\n');
  });

  it('accepts and ignores the other delete flags with --rm', () => {
    const r = k(['run', '-i', '--rm', 'ignored', '--image=busybox', '--restart=Never', '--force', '--grace-period=0', '--wait', '--timeout=5s', '-f', 'none.yaml', '-k', 'dir', '-R', '--', 'echo', 'hi']);
    // Not `force deleted`: kubectl resets the grace period of the removal.
    expect(r.stdout).toBe('hi\npod "ignored" deleted\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('kubectl run --rm --cascade on a 1.15 cluster', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'old', '--clock', 'manual', '--seed', '1', '--kubernetes-version', '1.15']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('orphans the ReplicaSet of the removed Deployment', () => {
    const r = sb.on('old', ['run', '-iq', '--rm', 'd', '--image=busybox', '--cascade=orphan', '--', 'sh', '-c', 'sleep 1; echo hi']);
    expect(r.stdout).toBe('hi\n');
    expect(r.code).toBe(0);
    expect(sb.on('old', ['get', 'deployments']).stderr).toBe('No resources found.\n');
    expect(sb.on('old', ['get', 'rs', '-o', 'name']).stdout).toMatch(/^replicaset\.extensions\/d-[a-z0-9]+\n$/);
  });

  it('deletes the ReplicaSet with the default cascade', () => {
    const r = sb.on('old', ['run', '-iq', '--rm', 'e', '--image=busybox', '--', 'sh', '-c', 'sleep 1; echo hi']);
    expect(r.stdout).toBe('hi\n');
    expect(sb.on('old', ['get', 'rs', '-l', 'run=e']).stderr).toBe('No resources found.\n');
  });
});
