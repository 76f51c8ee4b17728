/**
 * In-process clusters for controller tests: a manual clock in a temporary
 * folder, and small object builders.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from '../../src/engine/open.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

export const START = Date.UTC(2022, 4, 31, 7, 0, 0);

export function newCluster(opts: Parameters<typeof createCluster>[1] = {}): Cluster {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-unit-'));
  return createCluster('test', { clock: 'manual', seed: 1, startTime: START, ...opts }, join(dir, 'state.db'));
}

/** Advances the manual clock by `ms` and settles. */
export function advance(cluster: Cluster, ms: number): void {
  cluster.advanceClock(ms);
  cluster.settle();
}

export function newPod(name: string, image = 'hub.atguigu.com/library/myapp:v1', extra: any = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { containers: [{ name: 'main', image, ...(extra.container ?? {}) }], ...(extra.spec ?? {}) },
  };
}

export function createObject(cluster: Cluster, resource: string, obj: KObject): KObject {
  const created = cluster.store.create(resource, obj);
  cluster.settle();
  return created;
}
