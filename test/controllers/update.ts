/**
 * Read-modify-write of a stored object in controller tests, settling after.
 */
import type { Cluster } from '../../src/engine/cluster.js';
import type { KObject } from '../../src/api/types.js';

export function modify(cluster: Cluster, resource: string, ns: string, name: string, fn: (o: KObject) => void): void {
  cluster.store.tx(() => {
    const o = cluster.store.get(resource, ns, name)!;
    fn(o);
    cluster.store.update(resource, o);
  });
  cluster.settle();
}
