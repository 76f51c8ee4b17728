import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from '../../src/engine/cluster.js';
import { selfMapper, splitKey } from '../../src/engine/controller.js';
import type { KObject } from '../../src/api/types.js';

function newConfigMap(name: string): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } };
}

/** Builds a bare cluster (no admission, no built-in controllers) in a temporary folder. */
function newBareCluster(): Cluster {
  return new Cluster('test', join(mkdtempSync(join(tmpdir(), 'kubesim-unit-')), 'state.db'));
}

describe('cluster settle loop', () => {
  it('runs a key queued again while waiting once', () => {
    const cluster = newBareCluster();
    const seen: string[][] = [];
    cluster.register([
      {
        name: 'copier',
        watches: { configmaps: selfMapper },
        reconcile(ctx, key) {
          const [, name] = splitKey(key);
          if (name === 'a') ctx.store.create('configmaps', newConfigMap('b'));
        },
      },
      {
        name: 'lister',
        watches: { configmaps: () => 'default/*' },
        reconcile(ctx) {
          seen.push(ctx.store.list('configmaps', 'default').map((cm) => cm.metadata.name));
        },
      },
    ]);
    cluster.store.create('configmaps', newConfigMap('a'));

    cluster.settle(cluster.simNow);

    // The lister's key was still waiting when the copier created b, so one sync covers both writes.
    expect(seen).toEqual([['a', 'b']]);
  });
});
