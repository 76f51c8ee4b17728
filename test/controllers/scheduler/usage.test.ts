import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import type { Store } from '../../../src/store/store.js';
import { readUsage, trackNodeUsage } from '../../../src/controllers/scheduler/usage.js';
import { copyForWrite } from '../../../src/controllers/write-copy.js';
import { StoreFixture, testPod } from '../../helpers/store-fixture.js';

let fixture: StoreFixture;
let store: Store;

beforeEach(() => {
  fixture = new StoreFixture();
  store = fixture.open();
  store.hooks.push(trackNodeUsage(store));
});

afterEach(() => fixture.dispose());

/** Builds a pod on `node` that requests 100m CPU and 64Mi of memory. */
function requestingPod(name: string, node: string): KObject {
  const pod = testPod(name, undefined, node);
  pod.spec.containers[0].resources = { requests: { cpu: '100m', memory: '64Mi' } };
  return pod;
}

/** Writes a new status phase, keeping the stored spec object as this project's kubelet does. */
function setPhase(name: string, phase: string): void {
  store.tx(() => {
    const pod = copyForWrite(store.get('pods', 'default', name, { shared: true })!, ['status']);
    pod.status = { ...pod.status, phase };
    store.update('pods', pod, { owned: true });
  });
}

/** Reads a node's counters in a transaction. */
function usage(node: string) {
  return store.tx(() => ({ ...readUsage(store, node) }));
}

describe('node usage counters', () => {
  it('counts bound pod through status updates', () => {
    store.create('pods', requestingPod('a', 'n1'));
    setPhase('a', 'Running');
    expect(usage('n1')).toEqual({ pods: 1, cpu: 100, memory: 64 * 2 ** 20 });
  });

  it('drops finished pod', () => {
    store.create('pods', requestingPod('a', 'n1'));
    store.create('pods', requestingPod('b', 'n1'));
    setPhase('a', 'Succeeded');
    expect(usage('n1')).toEqual({ pods: 1, cpu: 100, memory: 64 * 2 ** 20 });
  });

  it('drops a removed pod', () => {
    store.create('pods', requestingPod('a', 'n1'));
    store.remove('pods', 'default', 'a');
    expect(usage('n1')).toEqual({ pods: 0, cpu: 0, memory: 0 });
  });

  it('reads counters written earlier in the transaction', () => {
    const read = store.tx(() => {
      store.create('pods', requestingPod('a', 'n1'));
      store.create('pods', requestingPod('b', 'n1'));
      return { ...readUsage(store, 'n1') };
    });
    expect(read).toEqual({ pods: 2, cpu: 200, memory: 128 * 2 ** 20 });
  });

  it('stores counters as JSON text at commit', () => {
    store.tx(() => {
      store.create('pods', requestingPod('a', 'n1'));
      store.create('pods', requestingPod('b', 'n1'));
    });
    const row = store.db.prepare('SELECT value FROM meta WHERE key = ?').get('usage:n1') as { value: string };
    expect(row.value).toBe('{"pods":2,"cpu":200,"memory":134217728}');
  });

  it('restores counters a savepoint rolled back', () => {
    store.create('pods', requestingPod('a', 'n1'));
    const read = store.tx(() => {
      expect(() =>
        store.savepoint(() => {
          store.create('pods', requestingPod('b', 'n1'));
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      return { ...readUsage(store, 'n1') };
    });
    expect(read).toEqual({ pods: 1, cpu: 100, memory: 64 * 2 ** 20 });
  });

  it('reads counters another process changed', () => {
    store.create('pods', requestingPod('a', 'n1'));
    expect(usage('n1')).toEqual({ pods: 1, cpu: 100, memory: 64 * 2 ** 20 });
    // The other process writes the pod and its counters as its own hook would.
    const other = fixture.open();
    other.tx(() => {
      other.create('pods', requestingPod('b', 'n1'));
      other.setMeta('usage:n1', '{"pods":2,"cpu":200,"memory":134217728}');
    });
    other.db.close();
    expect(usage('n1')).toEqual({ pods: 2, cpu: 200, memory: 128 * 2 ** 20 });
  });
});
