/**
 * `create <generator>` on a name that already exists. Each generator of
 * kubectl v1.32 (pkg/cmd/create) wraps the server's AlreadyExists error in
 * its own words, or returns it unwrapped, and exits 1. The expected strings
 * were printed by kubectl v1.32 against a loopback server that replies to every
 * create with AlreadyExists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sandbox } from '../helpers/cli.js';

const sb = new Sandbox();

/** Command lines, each creating an object named `x`, and the error kubectl prints when `x` exists. */
const CASES: [string, string[], string][] = [
  ['deployment', ['create', 'deployment', 'x', '--image=nginx'], 'error: failed to create deployment: deployments.apps "x" already exists\n'],
  ['deploy alias', ['create', 'deploy', 'x', '--image=nginx'], 'error: failed to create deployment: deployments.apps "x" already exists\n'],
  ['namespace', ['create', 'namespace', 'x'], 'Error from server (AlreadyExists): namespaces "x" already exists\n'],
  ['configmap', ['create', 'configmap', 'x', '--from-literal=a=b'], 'error: failed to create configmap: configmaps "x" already exists\n'],
  ['secret generic', ['create', 'secret', 'generic', 'x', '--from-literal=a=b'], 'error: failed to create secret secrets "x" already exists\n'],
  ['job', ['create', 'job', 'x', '--image=busybox'], 'error: failed to create job: jobs.batch "x" already exists\n'],
  ['cronjob', ['create', 'cronjob', 'x', '--image=busybox', '--schedule=* * * * *'], 'error: failed to create cronjob: cronjobs.batch "x" already exists\n'],
  ['service clusterip', ['create', 'service', 'clusterip', 'x', '--tcp=80:80'], 'error: failed to create ClusterIP service: services "x" already exists\n'],
  ['service nodeport', ['create', 'service', 'nodeport', 'x', '--tcp=80:80'], 'error: failed to create NodePort service: services "x" already exists\n'],
  ['server dry run', ['create', 'deployment', 'x', '--image=nginx', '--dry-run=server'], 'error: failed to create deployment: deployments.apps "x" already exists\n'],
];

beforeAll(() => {
  expect(sb.run(['cluster', 'create', 'c', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  for (const args of [
    ['create', 'deployment', 'x', '--image=nginx'],
    ['create', 'namespace', 'x'],
    ['create', 'configmap', 'x'],
    ['create', 'secret', 'generic', 'x'],
    ['create', 'job', 'x', '--image=busybox'],
    ['create', 'cronjob', 'x', '--image=busybox', '--schedule=* * * * *'],
    ['create', 'service', 'clusterip', 'x', '--tcp=80:80'],
  ]) {
    expect(sb.on('c', args).code).toBe(0);
  }
});

afterAll(() => sb.cleanup());

describe('create generator on an existing name', () => {
  it.each(CASES)('%s', (_name, args, stderr) => {
    const before = sb.dump('c');
    const r = sb.on('c', args);
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
    expect(sb.dump('c')).toBe(before);
  });
});
