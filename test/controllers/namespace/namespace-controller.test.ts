import { afterEach, describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import type { Cluster } from '../../../src/engine/cluster.js';
import { deleteObject } from '../../../src/engine/delete.js';
import { ApiError } from '../../../src/api/errors.js';
import { advance, newCluster, START } from '../helpers.js';
import { setNodeHealth } from '../../../src/commands/node/health.js';

const at = (ms: number) => new Date(START + ms).toISOString().replace('.000Z', 'Z');

function namespace(name: string, finalizers?: string[]): KObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, ...(finalizers ? { spec: { finalizers } } : {}) };
}

function deployment(name: string, namespace: string, replicas: number, image = 'nginx:1.27'): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } } },
  };
}

/** Builds a busybox pod that ignores SIGTERM, so it lasts its whole grace period. */
function sleeper(name: string, namespace: string, grace = 30): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: { terminationGracePeriodSeconds: grace, containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
  };
}

function configMap(name: string, namespace: string, finalizers?: string[]): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...(finalizers ? { finalizers } : {}) } };
}

function create(c: Cluster, resource: string, obj: KObject): KObject {
  const created = c.store.tx(() => c.store.create(resource, obj));
  c.settle();
  return created;
}

function deleteNamespace(c: Cluster, name: string): void {
  c.store.tx(() => deleteObject(c.store, 'namespaces', '', name));
  c.settle();
}

/** `type status reason message` of each condition, in order. */
function conditions(ns: KObject | undefined): string[] {
  return (ns?.status?.conditions ?? []).map((c: any) => `${c.type} ${c.status} ${c.reason} ${c.message}`);
}

/** Names of every namespaced object of the given resources in `namespace`. */
function contents(c: Cluster, namespace: string, resources = ['pods', 'replicasets', 'deployments', 'configmaps', 'events']): string[] {
  return resources.flatMap((r) => c.store.list(r, namespace).map((o) => `${r}/${o.metadata.name}`));
}

describe('namespace controller', () => {
  let c: Cluster;
  afterEach(() => c?.store.db.close());

  it('empties and removes a terminating namespace', () => {
    c = newCluster();
    create(c, 'namespaces', namespace('shop'));
    create(c, 'pods', sleeper('worker', 'shop'));
    create(c, 'deployments', deployment('web', 'shop', 2));
    create(c, 'configmaps', configMap('settings', 'shop'));
    advance(c, 60_000);
    // Three pods, the ReplicaSet, the Deployment, `settings` and the controller manager's `kube-root-ca.crt`.
    expect(contents(c, 'shop', ['pods', 'replicasets', 'deployments', 'configmaps']).length).toBe(7);

    deleteNamespace(c, 'shop');
    const ns = c.store.get('namespaces', '', 'shop')!;
    expect(ns.metadata.deletionTimestamp).toBe(at(60_000));
    expect(ns.status.phase).toBe('Terminating');
    expect(ns.spec.finalizers).toEqual(['kubernetes']);
    expect(contents(c, 'shop', ['replicasets', 'deployments', 'configmaps', 'events'])).toEqual([]);
    expect(c.store.get('pods', 'shop', 'worker')?.metadata.deletionTimestamp).toBe(at(90_000));
    expect(conditions(ns)).toEqual([
      'NamespaceDeletionDiscoveryFailure False ResourcesDiscovered All resources successfully discovered',
      'NamespaceDeletionGroupVersionParsingFailure False ParsedGroupVersions All legacy kube types successfully parsed',
      'NamespaceDeletionContentFailure False ContentDeleted All content successfully deleted, may be waiting on finalization',
      'NamespaceContentRemaining True SomeResourcesRemain Some resources are remaining: pods. has 3 resource instances',
      'NamespaceFinalizersRemaining False ContentHasNoFinalizers All content-preserving finalizers finished',
    ]);

    advance(c, 29_000);
    expect(c.store.get('namespaces', '', 'shop')?.status.phase).toBe('Terminating');
    advance(c, 1_000);
    expect(contents(c, 'shop')).toEqual([]);
    expect(c.store.get('namespaces', '', 'shop')).toBeUndefined();
  });

  it('reports a pod left after its grace period as a content failure', () => {
    c = newCluster();
    create(c, 'namespaces', namespace('stuck'));
    create(c, 'pods', sleeper('worker', 'stuck', 10));
    advance(c, 30_000);
    setNodeHealth(c, c.store.get('pods', 'stuck', 'worker')!.spec.nodeName, false);
    deleteNamespace(c, 'stuck');

    advance(c, 10_000);
    expect(conditions(c.store.get('namespaces', '', 'stuck'))[2]).toBe(
      'NamespaceDeletionContentFailure False ContentDeleted All content successfully deleted, may be waiting on finalization',
    );
    advance(c, 1_000);
    const ns = c.store.get('namespaces', '', 'stuck')!;
    expect(conditions(ns)[2]).toBe(
      'NamespaceDeletionContentFailure True ContentDeletionFailed Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: stuck for gvr: /v1, Resource=pods',
    );
    expect(ns.status.conditions[2].lastTransitionTime).toBe(at(41_000));
  });

  it('removes an empty namespace in the same settle', () => {
    c = newCluster();
    create(c, 'namespaces', namespace('empty'));
    deleteNamespace(c, 'empty');
    expect(c.store.get('namespaces', '', 'empty')).toBeUndefined();
  });

  it('waits for objects held by finalizers and names them in the conditions', () => {
    c = newCluster();
    create(c, 'namespaces', namespace('held'));
    create(c, 'configmaps', configMap('a', 'held', ['example.com/keep']));
    create(c, 'configmaps', configMap('b', 'held', ['example.com/keep', 'example.com/audit']));
    deleteNamespace(c, 'held');
    expect(conditions(c.store.get('namespaces', '', 'held')).slice(3)).toEqual([
      'NamespaceContentRemaining True SomeResourcesRemain Some resources are remaining: configmaps. has 2 resource instances',
      'NamespaceFinalizersRemaining True SomeFinalizersRemain Some content in the namespace has finalizers remaining: example.com/audit in 1 resource instances, example.com/keep in 2 resource instances',
    ]);

    // Dropping one finalizer of b updates the counts, and dropping the last ones releases the namespace.
    const release = (name: string, finalizers: string[]) => {
      const cm = c.store.get('configmaps', 'held', name)!;
      c.store.tx(() => c.store.update('configmaps', { ...cm, metadata: { ...cm.metadata, finalizers } }));
      c.settle();
    };
    release('b', ['example.com/keep']);
    expect(conditions(c.store.get('namespaces', '', 'held')).slice(4)).toEqual([
      'NamespaceFinalizersRemaining True SomeFinalizersRemain Some content in the namespace has finalizers remaining: example.com/keep in 2 resource instances',
    ]);
    release('a', []);
    expect(c.store.get('configmaps', 'held', 'a')).toBeUndefined();
    expect(c.store.get('namespaces', '', 'held')?.status.phase).toBe('Terminating');
    release('b', []);
    expect(c.store.get('namespaces', '', 'held')).toBeUndefined();
  });

  it('keeps a namespace with another spec finalizer, without the kubernetes one', () => {
    c = newCluster();
    create(c, 'namespaces', namespace('other', ['example.com/x']));
    deleteNamespace(c, 'other');
    const ns = c.store.get('namespaces', '', 'other')!;
    expect(ns.spec.finalizers).toEqual(['example.com/x']);
    expect(conditions(ns)[3]).toBe('NamespaceContentRemaining False ContentRemoved All content successfully removed');
  });

  it('rejects new content in a terminating namespace and stores nothing', () => {
    c = newCluster();
    create(c, 'namespaces', namespace('going'));
    create(c, 'pods', sleeper('worker', 'going'));
    advance(c, 10_000);
    deleteNamespace(c, 'going');
    const before = c.store.get('namespaces', '', 'going')!.metadata.resourceVersion;
    let err: unknown;
    try {
      c.store.tx(() => c.store.create('configmaps', configMap('late', 'going')));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).reason).toBe('Forbidden');
    expect((err as ApiError).message).toBe('configmaps "late" is forbidden: unable to create new content in namespace going because it is being terminated');
    expect(c.store.get('configmaps', 'going', 'late')).toBeUndefined();
    expect(c.store.get('namespaces', '', 'going')!.metadata.resourceVersion).toBe(before);
  });

  it('rejects deleting the initial namespaces but not kube-node-lease', () => {
    c = newCluster();
    for (const name of ['default', 'kube-system', 'kube-public']) {
      expect(() => c.store.tx(() => deleteObject(c.store, 'namespaces', '', name))).toThrow(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
      expect(c.store.get('namespaces', '', name)?.metadata.deletionTimestamp).toBeUndefined();
    }
    deleteNamespace(c, 'kube-node-lease');
    expect(c.store.get('namespaces', '', 'kube-node-lease')).toBeUndefined();
  });

  it('leaves other namespaces alone', () => {
    c = newCluster();
    create(c, 'namespaces', namespace('keep'));
    create(c, 'namespaces', namespace('drop'));
    create(c, 'configmaps', configMap('settings', 'keep'));
    create(c, 'configmaps', configMap('settings', 'drop'));
    deleteNamespace(c, 'drop');
    expect(contents(c, 'keep', ['configmaps'])).toEqual(['configmaps/kube-root-ca.crt', 'configmaps/settings']);
    expect(c.store.get('namespaces', '', 'keep')?.status.phase).toBe('Active');
  });
});
