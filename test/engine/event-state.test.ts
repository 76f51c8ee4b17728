import { afterEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/engine/cluster.js';
import { deleteExpiredEventState, readEventState, writeEventState } from '../../src/engine/event-state.js';
import { START, newCluster } from '../helpers/cluster.js';

let cluster: Cluster;

afterEach(() => {
  cluster?.store.db.close();
});

function storedKeys(): string[] {
  const rows = cluster.store.prepared("SELECT key FROM meta WHERE key LIKE 'eventState/%' ORDER BY key").all() as { key: string }[];
  return rows.map((r) => r.key);
}

describe('event recorder state', () => {
  it('reads a record until it expires', () => {
    cluster = newCluster();
    cluster.store.tx(() => writeEventState(cluster.store, 'record:a', { tokens: 24 }, START + 1000));

    expect(readEventState(cluster.store, 'record:a', START + 999)).toEqual({ tokens: 24 });
    expect(readEventState(cluster.store, 'record:a', START + 1000)).toBeUndefined();
  });

  it('reads back a same-transaction write', () => {
    cluster = newCluster();
    const read = cluster.store.tx(() => {
      writeEventState(cluster.store, 'record:a', { tokens: 24, similar: { Pulled: { messages: ['m1'] } } }, START + 1000);
      return readEventState(cluster.store, 'record:a', START);
    });

    expect(read).toEqual({ tokens: 24, similar: { Pulled: { messages: ['m1'] } } });
  });

  it('rejects changes to a same-transaction read under tests', () => {
    cluster = newCluster();
    cluster.store.tx(() => {
      writeEventState(cluster.store, 'record:a', { tokens: 24 }, START + 1000);
      const state = readEventState<{ tokens: number }>(cluster.store, 'record:a', START)!;
      expect(() => {
        state.tokens = 3;
      }).toThrow(TypeError);
    });
  });

  it('reads the restored record after a rollback', () => {
    cluster = newCluster();
    const read = cluster.store.tx(() => {
      writeEventState(cluster.store, 'record:a', { tokens: 24 }, START + 1000);
      const state = readEventState<{ tokens: number }>(cluster.store, 'record:a', START)!;
      expect(() =>
        cluster.store.savepoint(() => {
          writeEventState(cluster.store, 'record:a', { ...state, tokens: 23 }, START + 1000);
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      return readEventState(cluster.store, 'record:a', START);
    });

    expect(read).toEqual({ tokens: 24 });
  });

  it('deletes only expired records on a scan', () => {
    cluster = newCluster();
    cluster.store.tx(() => {
      writeEventState(cluster.store, 'record:a', { tokens: 24 }, START + 1000);
      writeEventState(cluster.store, 'record:b', { tokens: 24 }, START + 3_600_000);
    });

    cluster.store.tx(() => deleteExpiredEventState(cluster.store, START + 2000));
    expect(storedKeys()).toEqual(['eventState/record:b']);
  });

  it('scans at most every 10 minutes', () => {
    cluster = newCluster();
    cluster.store.tx(() => deleteExpiredEventState(cluster.store, START));
    cluster.store.tx(() => writeEventState(cluster.store, 'record:a', { tokens: 24 }, START + 1000));

    cluster.store.tx(() => deleteExpiredEventState(cluster.store, START + 599_999));
    expect(storedKeys()).toEqual(['eventState/record:a']);
    cluster.store.tx(() => deleteExpiredEventState(cluster.store, START + 600_000));
    expect(storedKeys()).toEqual([]);
  });
});
