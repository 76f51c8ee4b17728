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
