import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const BIN = join(__dirname, '..', '..', 'bin', 'kubesim');

describe('delete with missing names', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'd', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  /** Runs kubesim with stdout and stderr written to one file, as a terminal shows them. */
  function runInterleaved(args: string[]): { output: string; code: number } {
    const path = join(sb.home, 'interleaved.txt');
    const fd = openSync(path, 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, '--cluster', 'd', ...args], {
        env: { ...process.env, KUBESIM_HOME: sb.home, KUBESIM_DEBUG: '' },
        stdio: ['ignore', fd, fd],
        cwd: sb.home,
      });
      return { output: readFileSync(path, 'utf8'), code: r.status ?? -1 };
    } finally {
      closeSync(fd);
    }
  }

  it('deletes the found names and prints errors last', () => {
    expect(sb.on('d', ['create', 'deployment', 'a1', '--image=nginx']).code).toBe(0);
    const r = runInterleaved(['delete', 'deploy', 'ghost1', 'a1', 'ghost2']);
    expect(r.output).toBe(
      'deployment.apps "a1" deleted\n' +
        'Error from server (NotFound): deployments.apps "ghost1" not found\n' +
        'Error from server (NotFound): deployments.apps "ghost2" not found\n',
    );
    expect(r.code).toBe(1);
    expect(sb.on('d', ['get', 'deploy', 'a1']).code).toBe(1);
  });

  it('keeps stdout to the deleted objects', () => {
    expect(sb.on('d', ['create', 'deployment', 'b1', '--image=nginx']).code).toBe(0);
    const r = sb.on('d', ['delete', 'deploy', 'b1', 'ghost']);
    expect(r.stdout).toBe('deployment.apps "b1" deleted\n');
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "ghost" not found\n');
  });

  it('returns without waiting when a name is missing', () => {
    expect(sb.on('d', ['run', 'p', '--image=nginx']).code).toBe(0);
    sb.on('d', ['clock', 'advance', '1m']);
    expect(sb.on('d', ['delete', 'pod', 'p', 'ghost']).code).toBe(1);
    expect(sb.on('d', ['get', 'pod', 'p']).stdout).toBe('NAME   READY   STATUS        RESTARTS   AGE\np      1/1     Terminating   0          60s\n');
  });

  it('exits 0 for missing names with --ignore-not-found', () => {
    const r = sb.on('d', ['delete', 'deploy', 'ghost', '--ignore-not-found']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
