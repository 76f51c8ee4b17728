import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

describe('delete --dry-run', () => {
  const sb = new Sandbox();
  const k = (args: string[]) => sb.on('d', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'd', '--clock', 'manual', '--seed', '1']).code).toBe(0);
    expect(k(['create', 'deployment', 'web', '--image=nginx', '--replicas=2']).code).toBe(0);
    expect(k(['clock', 'advance', '1m']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  const state = () => k(['get', 'deploy,rs,pods', '-o', 'yaml']).stdout;

  it('prints what a client dry run would delete, without asking whether it exists', () => {
    const before = state();
    const pods = k(['get', 'pods', '-o', 'name']).stdout.trim().split('\n');
    const r = k(['delete', pods[0], 'pod/ghost', '--dry-run=client']);
    expect(r.stdout).toBe(`pod "${pods[0].slice(4)}" deleted (dry run)\npod "ghost" deleted (dry run)\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(state()).toBe(before);
  });

  it('lists the objects a selector matches in a client dry run', () => {
    const before = state();
    const r = k(['delete', 'pods', '-l', 'app=web', '--dry-run']);
    expect(r.stderr).toMatch(/^W\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ helpers\.go:702\] --dry-run is deprecated and can be replaced with --dry-run=client\.\n$/);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    for (const line of r.stdout.trim().split('\n')) expect(line).toMatch(/^pod "web-[a-z0-9]+-[a-z0-9]{5}" deleted \(dry run\)$/);
    expect(state()).toBe(before);
  });

  it('runs a server dry run through the server checks and stores nothing', () => {
    const before = state();
    const ok = k(['delete', 'deployment', 'web', '--dry-run=server']);
    expect(ok.stdout).toBe('deployment.apps "web" deleted (server dry run)\n');
    expect(ok.code).toBe(0);
    const named = k(['delete', 'deployment', 'web', '--dry-run=server', '-o', 'name']);
    expect(named.stdout).toBe('deployment.apps/web\n');
    const missing = k(['delete', 'pod', 'ghost', '--dry-run=server']);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('Error from server (NotFound): pods "ghost" not found\n');
    expect(missing.code).toBe(1);
    const immortal = k(['delete', 'namespace', 'default', '--dry-run=server']);
    expect(immortal.stderr).toBe('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n');
    expect(immortal.code).toBe(1);
    expect(state()).toBe(before);
  });

  it('rejects an unknown dry-run value', () => {
    const r = k(['delete', 'pod', 'ghost', '--dry-run=maybe']);
    expect(r.stderr).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
    expect(r.code).toBe(1);
  });
});

describe('delete waits for finalizers', () => {
  const sb = new Sandbox();
  const k = (args: string[]) => sb.on('f', args);
  const clock = () => k(['clock', 'show']).stdout;
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'f', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  it('times out on a pod a finalizer keeps', () => {
    expect(k(['run', 'held', '--image=nginx']).code).toBe(0);
    expect(k(['clock', 'advance', '30s']).code).toBe(0);
    expect(k(['patch', 'pod', 'held', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}']).code).toBe(0);
    const r = k(['delete', 'pod', 'held']);
    expect(r.stdout).toBe('pod "held" deleted\n');
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/held\n');
    expect(r.code).toBe(1);
    expect(k(['get', 'pod', 'held', '-o', 'jsonpath={.metadata.deletionGracePeriodSeconds}']).stdout).toBe('0');
    // nginx exits 0 on SIGTERM, so the kubelet reports the terminal pod as Succeeded.
    expect(k(['get', 'pod', 'held', '-o', 'jsonpath={.status.phase} {.status.containerStatuses[0].state.terminated.exitCode}']).stdout).toBe('Succeeded 0');
    expect(k(['get', 'pod', 'held', '--no-headers']).stdout).toMatch(/^held\s+0\/1\s+Completed\s/);
    expect(k(['describe', 'pod', 'held']).stdout).toMatch(/\nStatus:\s+Succeeded\n/);
  });

  it('reports a killed held pod as Failed', () => {
    expect(k(['run', 'sleeper', '--image=busybox', '--', 'sleep', '3600']).code).toBe(0);
    expect(k(['clock', 'advance', '30s']).code).toBe(0);
    expect(k(['patch', 'pod', 'sleeper', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}']).code).toBe(0);
    expect(k(['delete', 'pod', 'sleeper', '--wait=false']).code).toBe(0);
    expect(k(['clock', 'advance', '10s']).code).toBe(0);
    // kubectl prints the time since the deletion timestamp, which lies ahead during the grace period.
    expect(k(['describe', 'pod', 'sleeper']).stdout).toContain('\nStatus:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n');
    expect(k(['get', 'pod', 'sleeper', '--no-headers']).stdout).toMatch(/^sleeper\s+1\/1\s+Terminating\s/);
    expect(k(['clock', 'advance', '30s']).code).toBe(0);
    expect(k(['get', 'pod', 'sleeper', '-o', 'jsonpath={.status.phase} {.status.containerStatuses[0].state.terminated.exitCode}']).stdout).toBe('Failed 137');
    expect(k(['get', 'pod', 'sleeper', '--no-headers']).stdout).toMatch(/^sleeper\s+0\/1\s+Error\s/);
    expect(k(['patch', 'pod', 'sleeper', '--type=json', '-p', '[{"op":"remove","path":"/metadata/finalizers"}]']).code).toBe(0);
  });

  it('moves a manual clock by --timeout before it gives up', () => {
    const start = Date.parse(clock().split(' ')[0]);
    const r = k(['delete', 'pod', 'held', '--timeout=20s']);
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/held\n');
    expect(r.code).toBe(1);
    expect(Date.parse(clock().split(' ')[0]) - start).toBe(20_000);
  });

  it('refuses a new finalizer on a pod that is being deleted', () => {
    const r = k(['patch', 'pod', 'held', '--type=json', '-p', '[{"op":"add","path":"/metadata/finalizers/-","value":"example.com/another"}]']);
    expect(r.stderr).toBe('The Pod "held" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/another"}\n');
    expect(r.code).toBe(1);
    expect(k(['get', 'pod', 'held', '-o', 'jsonpath={.metadata.finalizers}']).stdout).toBe('["example.com/hold"]');
  });

  it('removes the pod once its last finalizer is dropped', () => {
    expect(k(['patch', 'pod', 'held', '--type=json', '-p', '[{"op":"remove","path":"/metadata/finalizers"}]']).code).toBe(0);
    const r = k(['get', 'pod', 'held']);
    expect(r.stderr).toBe('Error from server (NotFound): pods "held" not found\n');
  });

  it('keeps a force-deleted pod that a finalizer holds', () => {
    expect(k(['run', 'forced', '--image=nginx']).code).toBe(0);
    expect(k(['patch', 'pod', 'forced', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}']).code).toBe(0);
    const r = k(['delete', 'pod', 'forced', '--force', '--grace-period=0']);
    expect(r.stdout).toBe('pod "forced" force deleted\n');
    expect(r.code).toBe(0);
    expect(k(['get', 'pod', 'forced', '-o', 'jsonpath={.metadata.finalizers}']).stdout).toBe('["example.com/hold"]');
  });

  it('times out on a namespace whose content a finalizer holds', () => {
    expect(k(['create', 'namespace', 'stuck']).code).toBe(0);
    expect(k(['create', 'configmap', 'c', '-n', 'stuck']).code).toBe(0);
    expect(k(['patch', 'configmap', 'c', '-n', 'stuck', '-p', '{"metadata":{"finalizers":["example.com/hold"]}}']).code).toBe(0);
    const r = k(['delete', 'namespace', 'stuck']);
    expect(r.stdout).toBe('namespace "stuck" deleted\n');
    expect(r.stderr).toBe('error: timed out waiting for the condition on namespaces/stuck\n');
    expect(r.code).toBe(1);
    expect(k(['get', 'namespace', 'stuck', '--no-headers']).stdout).toMatch(/^stuck\s+Terminating\s/);
  });
});
