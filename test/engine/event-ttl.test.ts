import { afterEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/engine/cluster.js';
import { recordEvent } from '../../src/engine/events.js';
import { eventExpiry, expireEvents } from '../../src/engine/event-ttl.js';
import type { KObject } from '../../src/api/types.js';
import { CONTROLLERS } from '../../src/controllers/index.js';
import { START, advance, newCluster } from '../helpers/cluster.js';

const MINUTE = 60_000;
const SOURCE = { component: 'deployment-controller' };

let cluster: Cluster;

afterEach(() => {
  cluster?.store.db.close();
});

function newObject(name: string): KObject {
  return cluster.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: {} });
}

function record(obj: KObject, message: string): void {
  cluster.store.tx(() => recordEvent(cluster.store, obj, 'Normal', 'ScalingReplicaSet', message, SOURCE));
}

function eventCount(obj: KObject): number {
  return cluster.store.list('events', 'default').filter((e) => e.involvedObject.uid === obj.metadata.uid).length;
}

describe('eventExpiry', () => {
  it('rounds one hour after the write up to a whole minute', () => {
    expect(new Date(eventExpiry(Date.parse('2022-05-31T07:00:30Z'))).toISOString()).toBe('2022-05-31T08:01:00.000Z');
  });

  it('keeps an exact minute', () => {
    expect(new Date(eventExpiry(Date.parse('2022-05-31T07:00:00Z'))).toISOString()).toBe('2022-05-31T08:00:00.000Z');
  });
});

describe('event TTL', () => {
  it('deletes an event at its expiry during clock advance', () => {
    cluster = newCluster();
    advance(cluster, 30_000);
    const d = newObject('web');
    record(d, 'Scaled up replica set web-5d8f from 0 to 3');

    advance(cluster, 60 * MINUTE - 1_000);
    expect(eventCount(d)).toBe(1);
    advance(cluster, 1_000);
    expect(eventCount(d)).toBe(1);
    advance(cluster, 29_000);
    expect(eventCount(d)).toBe(1);
    advance(cluster, 1_000);
    expect(eventCount(d)).toBe(0);
  });

  it('keeps an event that a repeat refreshed', () => {
    cluster = newCluster();
    const d = newObject('web');
    record(d, 'Scaled up replica set web-5d8f from 0 to 3');
    advance(cluster, 50 * MINUTE);
    record(d, 'Scaled up replica set web-5d8f from 0 to 3');

    advance(cluster, 20 * MINUTE);
    expect(eventCount(d)).toBe(1);
    advance(cluster, 40 * MINUTE);
    expect(eventCount(d)).toBe(0);
  });

  it('keeps an event another write refreshed', () => {
    // kube-apiserver attaches a new --event-ttl lease at every write of an Event (its events registry's TTLFunc
    // returns the TTL for creates and updates alike), whatever the Event's timestamps contain.
    cluster = newCluster();
    const d = newObject('web');
    record(d, 'Scaled up replica set web-5d8f from 0 to 3');
    advance(cluster, 50 * MINUTE);
    const event = cluster.store.list('events', 'default')[0];
    cluster.store.tx(() => cluster.store.update('events', { ...event, metadata: { ...event.metadata, labels: { seen: 'yes' } } }));

    advance(cluster, 20 * MINUTE);
    expect(eventCount(d)).toBe(1);
    advance(cluster, 40 * MINUTE);
    expect(eventCount(d)).toBe(0);
  });

  it('expires events written at different times in turn', () => {
    cluster = newCluster();
    const d = newObject('web');
    record(d, 'Scaled up replica set web-5d8f from 0 to 3');
    advance(cluster, 30 * MINUTE);
    record(d, 'Scaled up replica set web-7c6e from 0 to 3');

    advance(cluster, 31 * MINUTE);
    expect(eventCount(d)).toBe(1);
    advance(cluster, 30 * MINUTE);
    expect(eventCount(d)).toBe(0);
  });

  it('expires events on a command that settles after the wall clock moved', () => {
    cluster = newCluster();
    const d = newObject('web');
    record(d, 'Scaled up replica set web-5d8f from 0 to 3');

    cluster.settle(START + 2 * 60 * MINUTE);
    expect(eventCount(d)).toBe(0);
  });

  it('deletes at most a batch and asks to run again', () => {
    cluster = newCluster();
    const d = newObject('web');
    for (let i = 0; i < 5; i++) record(d, `Scaled up replica set web-${i} from 0 to 3`);
    const now = START + 61 * MINUTE;

    const swept = cluster.store.tx(() => expireEvents(cluster.store, now, 2));
    expect(swept).toEqual({ deleted: 2, next: now });
    expect(eventCount(d)).toBe(3);
  });

  it('deletes only the events past the TTL', () => {
    cluster = newCluster();
    const d = newObject('web');
    const early = newObject('early');
    record(early, 'Scaled up replica set early-1 from 0 to 1');
    record(d, 'Scaled up replica set web-1 from 0 to 3');
    advance(cluster, 30_000);
    record(d, 'Scaled up replica set web-2 from 0 to 3');
    advance(cluster, 60_000);
    record(d, 'Scaled up replica set web-3 from 0 to 3');
    advance(cluster, 10 * MINUTE);
    record(early, 'Scaled up replica set early-1 from 0 to 1');
    const rvBefore = Number(cluster.store.getMeta('rv'));

    // At 1h01m the events last written at 0 s and 30 s are due.
    // The one written at 90 s and the refreshed one are not.
    const swept = cluster.store.tx(() => expireEvents(cluster.store, START + 61 * MINUTE));
    const left = cluster.store.list('events', 'default').map((e) => `${e.involvedObject.name}: ${e.message}`);

    expect(swept).toEqual({ deleted: 2, next: START + 62 * MINUTE });
    expect(left.sort()).toEqual(['early: Scaled up replica set early-1 from 0 to 1', 'web: Scaled up replica set web-3 from 0 to 3']);
    expect(Number(cluster.store.getMeta('rv'))).toBe(rvBefore + 2);
    expect(cluster.store.get('configmaps', 'default', 'web')).toBeDefined();
  });

  it('sweeps events that no controller watches', () => {
    // The sweep deletes events without running the write hooks that queue controllers.
    expect(CONTROLLERS.filter((c) => 'events' in c.watches).map((c) => c.name)).toEqual([]);
  });

  it('searches the last-write index', () => {
    cluster = newCluster();
    const plan = cluster.store
      .prepared("EXPLAIN QUERY PLAN SELECT name FROM objects INDEXED BY objects_event_last_write WHERE resource = 'events' AND last_write <= ?")
      .all(Date.parse('2022-05-31T07:00:00Z')) as { detail: string }[];

    expect(plan.map((p) => p.detail)).toEqual(['SEARCH objects USING INDEX objects_event_last_write (last_write<?)']);
  });
});

describe('events that expire in the transaction that wrote them', () => {
  /** Counts the event rows SQLite inserts from now on, through a temporary trigger. */
  function countEventInserts(): () => number {
    const db = cluster.store.db;
    db.exec(`CREATE TEMP TABLE event_inserts (n INTEGER);
      CREATE TEMP TRIGGER count_event_inserts AFTER INSERT ON objects WHEN new.resource = 'events' BEGIN INSERT INTO event_inserts VALUES (1); END;`);
    return () => (db.prepare('SELECT count(*) AS n FROM temp.event_inserts').get() as { n: number }).n;
  }

  it('drops them before they reach SQLite', () => {
    cluster = newCluster();
    const d = newObject('web');
    const inserts = countEventInserts();
    const rvBefore = Number(cluster.store.getMeta('rv'));

    const swept = cluster.store.tx(() => {
      recordEvent(cluster.store, d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-1 from 0 to 3', SOURCE);
      recordEvent(cluster.store, d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-2 from 0 to 3', SOURCE);
      return expireEvents(cluster.store, START + 61 * MINUTE);
    });

    expect(swept).toEqual({ deleted: 2, next: undefined });
    expect(eventCount(d)).toBe(0);
    expect(inserts()).toBe(0);
    // Two creates and two deletions, as if the rows had been stored and swept.
    expect(Number(cluster.store.getMeta('rv'))).toBe(rvBefore + 4);
  });

  it('stores the ones not yet due and wakes for the earliest', () => {
    cluster = newCluster();
    const d = newObject('web');
    const inserts = countEventInserts();

    const swept = cluster.store.tx(() => {
      recordEvent(cluster.store, d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-1 from 0 to 3', SOURCE);
      cluster.store.now = () => START + 5 * MINUTE;
      recordEvent(cluster.store, d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-2 from 0 to 3', SOURCE);
      return expireEvents(cluster.store, START + 61 * MINUTE);
    });

    expect(swept).toEqual({ deleted: 1, next: START + 65 * MINUTE });
    expect(cluster.store.list('events', 'default').map((e) => e.message)).toEqual(['Scaled up replica set web-2 from 0 to 3']);
    expect(inserts()).toBe(1);
  });

  it('keeps a stored event that the transaction refreshed', () => {
    cluster = newCluster();
    const d = newObject('web');
    record(d, 'Scaled up replica set web-1 from 0 to 3');

    const swept = cluster.store.tx(() => {
      cluster.store.now = () => START + 30 * MINUTE;
      recordEvent(cluster.store, d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-1 from 0 to 3', SOURCE);
      return expireEvents(cluster.store, START + 61 * MINUTE);
    });

    expect(swept).toEqual({ deleted: 0, next: START + 90 * MINUTE });
    expect(cluster.store.list('events', 'default').map((e) => e.count)).toEqual([2]);
  });

  it('takes stored and new events within one batch', () => {
    cluster = newCluster();
    const d = newObject('web');
    record(d, 'Scaled up replica set web-1 from 0 to 3');
    record(d, 'Scaled up replica set web-2 from 0 to 3');

    const swept = cluster.store.tx(() => {
      recordEvent(cluster.store, d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-3 from 0 to 3', SOURCE);
      recordEvent(cluster.store, d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-4 from 0 to 3', SOURCE);
      return expireEvents(cluster.store, START + 61 * MINUTE, 3);
    });

    expect(swept).toEqual({ deleted: 3, next: START + 61 * MINUTE });
    expect(cluster.store.list('events', 'default').map((e) => e.message)).toEqual(['Scaled up replica set web-4 from 0 to 3']);
  });

  it('brings the dropped events back when a savepoint rolls back', () => {
    cluster = newCluster();
    const d = newObject('web');

    cluster.store.tx(() => {
      recordEvent(cluster.store, d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-1 from 0 to 3', SOURCE);
      expect(() =>
        cluster.store.savepoint(() => {
          expireEvents(cluster.store, START + 61 * MINUTE);
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');
    });

    expect(eventCount(d)).toBe(1);
  });

  it('expires the events of a long catch-up without storing them', () => {
    cluster = newCluster();
    const inserts = countEventInserts();
    cluster.store.tx(() => {
      for (let minute = 0; minute < 90; minute++) {
        cluster.store.now = () => START + minute * MINUTE;
        // One object per minute, so the correlator does not combine the events.
        const obj = newObject(`web-${minute}`);
        recordEvent(cluster.store, obj, 'Normal', 'ScalingReplicaSet', `Scaled up replica set web-${minute} from 0 to 3`, SOURCE);
        expireEvents(cluster.store, START + minute * MINUTE);
      }
    });

    // Written at minutes 0 to 89, swept last at 89 (cut-off 29): those of minutes 30 to 89 are left.
    expect(cluster.store.list('events', 'default').length).toBe(60);
    expect(inserts()).toBe(60);
  });

  it('sweeps an event sent to SQLite after the last sweep', () => {
    cluster = newCluster();
    const d = newObject('web');

    const swept = cluster.store.tx(() => {
      recordEvent(cluster.store, d, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-1 from 0 to 3', SOURCE);
      expect(expireEvents(cluster.store, START + MINUTE)).toEqual({ deleted: 0, next: START + 60 * MINUTE });
      // A query over every object sends the pending event to SQLite.
      cluster.store.prepared('SELECT count(*) AS n FROM objects').get();
      return expireEvents(cluster.store, START + 61 * MINUTE);
    });

    expect(swept).toEqual({ deleted: 1, next: undefined });
    expect(eventCount(d)).toBe(0);
  });

  it('sweeps again a stored event a rolled-back sweep deleted', () => {
    cluster = newCluster();
    const d = newObject('web');
    record(d, 'Scaled up replica set web-1 from 0 to 3');

    const swept = cluster.store.tx(() => {
      expect(() =>
        cluster.store.savepoint(() => {
          expireEvents(cluster.store, START + 61 * MINUTE);
          throw new Error('rolled back');
        }),
      ).toThrow('rolled back');
      return expireEvents(cluster.store, START + 61 * MINUTE);
    });

    expect(swept).toEqual({ deleted: 1, next: undefined });
    expect(eventCount(d)).toBe(0);
  });
});
