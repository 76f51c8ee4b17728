/**
 * rollout subcommands given a type without names act on every object of that
 * type in the namespace, as kubectl's builder resolves `deployment` alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const sb = new Sandbox();

beforeAll(() => {
  expect(sb.run(['cluster', 'create', 'r', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  sb.on('r', ['create', 'namespace', 'empty']);
  sb.on('r', ['create', 'deployment', 'a', '--image=nginx:1.27']);
  sb.on('r', ['create', 'deployment', 'b', '--image=nginx:1.27']);
  sb.on('r', ['clock', 'advance', '1m']);
});

afterAll(() => sb.cleanup());

describe('rollout with a bare type', () => {
  it('shows the history of every Deployment', () => {
    const r = sb.on('r', ['rollout', 'history', 'deployment']);
    expect(r.stdout).toBe('deployment.apps/a \nREVISION  CHANGE-CAUSE\n1         <none>\n\ndeployment.apps/b \nREVISION  CHANGE-CAUSE\n1         <none>\n\n');
    expect(r.code).toBe(0);
  });

  it('reports the status of every Deployment', () => {
    const r = sb.on('r', ['rollout', 'status', 'deployment']);
    expect(r.stdout).toBe('deployment "a" successfully rolled out\ndeployment "b" successfully rolled out\n');
    expect(r.code).toBe(0);
  });

  it('pauses and resumes every Deployment', () => {
    expect(sb.on('r', ['rollout', 'pause', 'deployment']).stdout).toBe('deployment.apps/a paused\ndeployment.apps/b paused\n');
    expect(sb.on('r', ['rollout', 'resume', 'deployment']).stdout).toBe('deployment.apps/a resumed\ndeployment.apps/b resumed\n');
  });

  it('finds nothing in an empty namespace', () => {
    for (const verb of ['status', 'pause', 'resume', 'restart']) {
      const r = sb.on('r', ['-n', 'empty', 'rollout', verb, 'deployment']);
      expect(r.stderr).toBe('No resources found in empty namespace.\n');
      expect(r.code).toBe(0);
    }
    const history = sb.on('r', ['-n', 'empty', 'rollout', 'history', 'deployment']);
    expect(history.stdout + history.stderr).toBe('');
    expect(history.code).toBe(0);
  });
});
