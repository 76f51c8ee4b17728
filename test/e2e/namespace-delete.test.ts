/**
 * Deleting a namespace through the CLI: the namespace turns Terminating,
 * the namespace controller deletes its content, and the namespace goes once
 * its pods have terminated. Creates in it are rejected meanwhile, and the
 * initial namespaces cannot be deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sandbox } from '../helpers/cli.js';

const SLEEPER = ['--image=busybox:1.36', '--', 'sleep', '3600'];

describe('kubesim delete namespace', () => {
  const sb = new Sandbox();
  const on = (args: string[]) => sb.on('ns', args);
  beforeAll(() => {
    expect(sb.run(['cluster', 'create', 'ns', '--clock', 'manual', '--seed', '1']).code).toBe(0);
  });
  afterAll(() => sb.cleanup());

  /** Creates a namespace with a Deployment and a pod that ignores SIGTERM, and lets them run for a minute. */
  function populate(ns: string): void {
    expect(on(['create', 'namespace', ns]).code).toBe(0);
    expect(on(['-n', ns, 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2']).code).toBe(0);
    expect(on(['-n', ns, 'run', 'sleeper', ...SLEEPER]).code).toBe(0);
    expect(on(['-n', ns, 'create', 'configmap', 'settings']).code).toBe(0);
    on(['clock', 'advance', '1m']);
  }

  it('shows Terminating until the pods are gone', () => {
    populate('shop');
    expect(on(['delete', 'namespace', 'shop', '--wait=false']).stdout).toBe('namespace "shop" deleted\n');

    expect(on(['get', 'namespace', 'shop']).stdout).toBe('NAME   STATUS        AGE\nshop   Terminating   60s\n');
    const pods = on(['-n', 'shop', 'get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,DELETING:.metadata.deletionTimestamp']);
    expect(pods.stdout.split('\n').filter((l) => l.startsWith('sleeper'))).toHaveLength(1);
    expect(on(['-n', 'shop', 'get', 'deployments,replicasets,configmaps']).stderr).toBe('No resources found in shop namespace.\n');

    on(['clock', 'advance', '29s']);
    expect(on(['get', 'namespace', 'shop', '-o', 'jsonpath={.status.phase}']).stdout).toBe('Terminating');
    on(['clock', 'advance', '1s']);
    const removed = on(['get', 'namespace', 'shop']);
    expect(removed.stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n');
    expect(on(['-n', 'shop', 'get', 'all']).stderr).toBe('No resources found in shop namespace.\n');
  });

  it('reports the content left in the namespace conditions', () => {
    populate('cond');
    on(['delete', 'namespace', 'cond', '--wait=false']);
    const r = on(['get', 'namespace', 'cond', '-o', 'jsonpath={range .status.conditions[*]}{.type} {.status} {.reason}: {.message}{"\\n"}{end}']);
    expect(r.stdout).toBe(
      'NamespaceDeletionDiscoveryFailure False ResourcesDiscovered: All resources successfully discovered\n' +
        'NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions: All legacy kube types successfully parsed\n' +
        'NamespaceDeletionContentFailure False ContentDeleted: All content successfully deleted, may be waiting on finalization\n' +
        'NamespaceContentRemaining True SomeResourcesRemain: Some resources are remaining: pods. has 3 resource instances\n' +
        'NamespaceFinalizersRemaining False ContentHasNoFinalizers: All content-preserving finalizers finished\n',
    );
    on(['clock', 'advance', '30s']);
  });

  it('waits, moving a manual clock', () => {
    populate('wait');
    const before = Date.parse(on(['clock', 'show']).stdout.split(' ')[0]);
    const r = on(['delete', 'namespace', 'wait']);
    expect(r.stdout).toBe('namespace "wait" deleted\n');
    expect(r.code).toBe(0);
    expect(Date.parse(on(['clock', 'show']).stdout.split(' ')[0]) - before).toBe(30_000);
    expect(on(['get', 'namespace', 'wait']).stderr).toBe('Error from server (NotFound): namespaces "wait" not found\n');
  });

  it('removes an empty namespace at once', () => {
    on(['create', 'namespace', 'empty']);
    expect(on(['delete', 'namespace', 'empty', '--wait=false']).stdout).toBe('namespace "empty" deleted\n');
    expect(on(['get', 'namespace', 'empty']).stderr).toBe('Error from server (NotFound): namespaces "empty" not found\n');
  });

  it('rejects creates in a terminating namespace', () => {
    populate('closing');
    on(['delete', 'namespace', 'closing', '--wait=false']);
    const file = join(sb.home, 'pod.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: closing\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    const before = sb.dump('ns');

    const forbidden = (object: string) => `${object} is forbidden: unable to create new content in namespace closing because it is being terminated\n`;
    const create = on(['create', '-f', file]);
    expect(create.stderr).toBe(`Error from server (Forbidden): error when creating "${file}": ${forbidden('pods "p"')}`);
    expect(create.code).toBe(1);
    const apply = on(['apply', '-f', file]);
    expect(apply.stderr).toBe(`Error from server (Forbidden): error when creating "${file}": ${forbidden('pods "p"')}`);
    expect(apply.code).toBe(1);
    const run = on(['-n', 'closing', 'run', 'late', '--image=nginx']);
    expect(run.stderr).toBe(`Error from server (Forbidden): ${forbidden('pods "late"')}`);
    expect(run.code).toBe(1);
    const deploy = on(['-n', 'closing', 'create', 'deployment', 'late', '--image=nginx']);
    expect(deploy.stderr).toBe(`error: failed to create deployment: ${forbidden('deployments.apps "late"')}`);

    expect(sb.dump('ns')).toBe(before);
    on(['clock', 'advance', '30s']);
  });

  it('rejects deleting the initial namespaces', () => {
    const before = sb.dump('ns');
    const r = on(['delete', 'namespace', 'default', 'kube-system', 'kube-public']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n' +
        'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n' +
        'Error from server (Forbidden): namespaces "kube-public" is forbidden: this namespace may not be deleted\n',
    );
    expect(r.code).toBe(1);
    expect(sb.dump('ns')).toBe(before);
  });
});
