/**
 * Stores on one temporary SQLite file for store-level tests. Each store
 * opened here acts as one process. Their uids and name suffixes come from one
 * shared counter, as the processes of a cluster share its rngCounter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openDatabase } from '../../src/store/db.js';
import { Store } from '../../src/store/store.js';
import type { KObject } from '../../src/api/types.js';

export class StoreFixture {
  private readonly dir = mkdtempSync(join(tmpdir(), 'kubesim-store-'));
  private readonly opened: Store[] = [];
  private counter = 0;

  /** Opens a store on the fixture's file, as another process would (its caches start empty). */
  open(): Store {
    const store = new Store(openDatabase(join(this.dir, 'state.db')), () => Date.UTC(2024, 0, 1));
    store.newUid = () => `uid-${++this.counter}`;
    store.randomSuffix = () => `s${++this.counter}`;
    this.opened.push(store);
    return store;
  }

  /** Closes every store still open and deletes the file. */
  dispose(): void {
    for (const store of this.opened) if (store.db.open) store.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Returns an empty ConfigMap in namespace default. */
export function testConfigMap(name: string): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: {} } as KObject;
}

/** Builds a pod in `default`, optionally controlled by a ReplicaSet with uid `owner` and bound to `node`. */
export function testPod(name: string, owner?: string, node?: string): KObject {
  const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as KObject;
  if (owner) pod.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: owner, controller: true }];
  if (node) pod.spec.nodeName = node;
  return pod;
}
