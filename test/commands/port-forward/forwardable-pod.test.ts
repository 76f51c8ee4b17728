import { compareMostActive } from '../../../src/commands/shared/active-pods.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { findResource } from '../../../src/api/registry.js';
import { findForwardablePod, findForwardTarget } from '../../../src/commands/port-forward/forwardable-pod.js';
import { createObject, newCluster, newPod } from '../../helpers/cluster.js';

/** Builds a pod with the fields ActivePods compares, by default bound, running and ready. */
function podState(name: string, opts: { node?: string; phase?: string; ready?: boolean; readySince?: string; restarts?: number; created?: string; deleting?: string } = {}): KObject {
  const ready = opts.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: opts.created ?? '2022-05-31T09:00:00Z', deletionTimestamp: opts.deleting },
    spec: { nodeName: opts.node ?? 'k8s-node01', containers: [{ name: 'main', image: 'nginx' }] },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: opts.readySince ?? '2022-05-31T09:01:00Z' }],
      containerStatuses: [{ name: 'main', restartCount: opts.restarts ?? 0 }],
    },
  };
}

function firstOf(...pods: KObject[]): string {
  return [...pods].sort(compareMostActive)[0].metadata.name;
}

describe('compareMostActive', () => {
  const cases: [string, KObject, KObject][] = [
    ['a bound pod over an unbound one', podState('bound'), podState('unbound', { node: '' })],
    ['a running pod over a pending one', podState('running'), podState('pending', { phase: 'Pending', ready: false })],
    ['a ready pod over a not-ready one', podState('ready'), podState('unready', { ready: false })],
    ['a pod not being deleted over a terminating one', podState('staying'), podState('leaving', { deleting: '2022-05-31T09:05:00Z' })],
    ['the pod ready for longer', podState('early', { readySince: '2022-05-31T09:01:00Z' }), podState('late', { readySince: '2022-05-31T09:02:00Z' })],
    ['the pod with fewer restarts', podState('steady'), podState('flaky', { restarts: 3 })],
    ['the older pod', podState('old', { created: '2022-05-31T09:00:00Z' }), podState('new', { created: '2022-05-31T09:00:30Z' })],
  ];
  for (const [name, winner, loser] of cases) {
    it(`picks ${name}`, () => {
      expect(firstOf(loser, winner)).toBe(winner.metadata.name);
      expect(firstOf(winner, loser)).toBe(winner.metadata.name);
    });
  }
});

describe('findForwardTarget', () => {
  const cluster = newCluster();
  afterAll(() => cluster.store.db.close());

  it('reads a bare name as a pod', () => {
    createObject(cluster, 'pods', newPod('web'));
    expect(findForwardTarget(cluster, 'web', 'default').info.kind).toBe('Pod');
  });

  it('reports a missing deployment with its group', () => {
    expect(() => findForwardTarget(cluster, 'deploy/none', 'default')).toThrow('deployments.apps "none" not found');
  });

  it('rejects two slashes', () => {
    expect(() => findForwardTarget(cluster, 'a/b/c', 'default')).toThrow('arguments in resource/name form may not have more than one slash');
  });

  it('rejects an empty name', () => {
    expect(() => findForwardTarget(cluster, 'pod/', 'default')).toThrow('arguments in resource/name form must have a single resource and name');
  });

  it('rejects an unknown type', () => {
    expect(() => findForwardTarget(cluster, 'foo/x', 'default')).toThrow('the server doesn\'t have a resource type "foo"');
  });
});

describe('findForwardablePod', () => {
  const cluster = newCluster();
  afterAll(() => cluster.store.db.close());

  it('times out when the selector matches no pod', async () => {
    const svc = createObject(cluster, 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'empty', namespace: 'default' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
    const start = cluster.clockNow();
    await expect(findForwardablePod(cluster, { info: findResource('services')!, obj: svc }, 5000)).rejects.toThrow('timed out waiting for the condition');
    // On a manual clock the wait moves the clock to the deadline.
    expect(cluster.clockNow() - start).toBe(5000);
  });
});
