/**
 * A throwaway cluster for controller tests: manual clock, seed 1, a fixed
 * start time, stored in a temporary directory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCluster } from '../../src/engine/open.js';
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

export const START = Date.parse('2026-01-01T00:00:00Z');

export function newCluster(): Cluster {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-ctl-'));
  return createCluster('t', { clock: 'manual', seed: 1, startTime: START }, join(dir, 't.db'));
}

/** Creates an object and settles the cluster. */
export function create(cluster: Cluster, resource: string, obj: KObject): KObject {
  const out = cluster.store.tx(() => cluster.store.create(resource, obj));
  cluster.settle();
  return out;
}

/** Replaces an object (read-modify-write) and settles. */
export function modify(cluster: Cluster, resource: string, ns: string, name: string, fn: (o: KObject) => void): void {
  cluster.store.tx(() => {
    const o = cluster.store.get(resource, ns, name)!;
    fn(o);
    cluster.store.update(resource, o);
  });
  cluster.settle();
}

/** Moves the manual clock forward and settles. */
export function advance(cluster: Cluster, ms: number): void {
  cluster.advanceClock(ms);
  cluster.settle();
}

/** `name@node` for each pod, sorted, optionally only active ones. */
export function podsOnNodes(cluster: Cluster, ns = 'default'): string[] {
  return cluster.store
    .list('pods', ns)
    .filter((p) => !p.metadata.deletionTimestamp)
    .map((p) => `${p.metadata.name}@${p.spec.nodeName ?? '-'}`)
    .sort();
}
