import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const WARNING = (generator: string) =>
  `kubectl run --generator=${generator} is DEPRECATED and will be removed in a future version. Use kubectl run --generator=run-pod/v1 or kubectl create instead.\n`;

describe('kubectl run on a 1.15 cluster', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'old', '--kubernetes-version', '1.15', '--clock', 'manual', '--seed', '4']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('creates a Deployment labelled run=NAME by default', () => {
    const r = sb.on('old', ['run', 'nginx', '--image=nginx']);
    expect(r.stdout).toBe('deployment.apps/nginx created\n');
    expect(r.stderr).toBe(WARNING('deployment/apps.v1'));
    expect(sb.on('old', ['get', 'deploy', 'nginx', '-o', 'jsonpath={.spec.selector.matchLabels.run}']).stdout).toBe('nginx');
  });

  it('creates a Job for --restart=OnFailure', () => {
    const r = sb.on('old', ['run', 'once', '--image=busybox', '--restart=OnFailure', '--', 'echo', 'hi']);
    expect(r.stdout).toBe('job.batch/once created\n');
    expect(r.stderr).toBe(WARNING('job/v1'));
  });

  it('creates a Pod for --restart=Never without a warning', () => {
    const r = sb.on('old', ['run', 'bare', '--image=busybox', '--restart=Never']);
    expect(r.stdout).toBe('pod/bare created\n');
    expect(r.stderr).toBe('');
  });

  it('creates a Pod with --generator=run-pod/v1', () => {
    expect(sb.on('old', ['run', 'gen', '--image=nginx', '--generator=run-pod/v1']).stdout).toBe('pod/gen created\n');
  });
});

describe('kubectl run on a current cluster', () => {
  const sb = new Sandbox();
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'new', '--clock', 'manual', '--seed', '4']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('creates a Pod whatever the restart policy', () => {
    expect(sb.on('new', ['run', 'web', '--image=nginx']).stdout).toBe('pod/web created\n');
    expect(sb.on('new', ['run', 'once', '--image=busybox', '--restart=OnFailure']).stdout).toBe('pod/once created\n');
  });

  it('rejects --generator as kubectl 1.32 does', () => {
    const r = sb.on('new', ['run', 'gen', '--image=nginx', '--generator=run-pod/v1']);
    expect(r.stderr).toBe("Error: unknown flag: --generator\nSee 'kubectl run --help' for usage.\n");
    expect(r.code).toBe(1);
  });
});
