import { afterEach, describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/engine/cluster.js';
import { recordEvent } from '../../src/engine/events.js';
import { sortEventsAsListed } from '../../src/api/event-order.js';
import type { KObject } from '../../src/api/types.js';
import { newCluster } from '../helpers/cluster.js';

let cluster: Cluster;

afterEach(() => {
  cluster?.store.db.close();
});

function configMap(name: string): KObject {
  return cluster.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: {} });
}

function record(obj: KObject, reason: string): void {
  cluster.store.tx(() => recordEvent(cluster.store, obj, 'Normal', reason, `${reason} happened`, { component: 'kubelet', host: 'node1' }));
}

function listedReasons(): string[] {
  return sortEventsAsListed(cluster.store.list('events', 'default')).map((e) => `${e.involvedObject.name} ${e.reason}`);
}

describe('sortEventsAsListed', () => {
  it('lists one object\'s events in recording order', () => {
    cluster = newCluster();
    const web = configMap('web');
    for (const reason of ['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'Killing']) record(web, reason);
    expect(listedReasons()).toEqual(['web Scheduled', 'web Pulling', 'web Pulled', 'web Created', 'web Started', 'web Killing']);
  });

  it('orders objects by name with the dot, as the server does', () => {
    cluster = newCluster();
    const short = configMap('web');
    const long = configMap('web-1');
    record(short, 'First');
    record(long, 'Second');
    // "web-1.<hex>" sorts before "web.<hex>" because '-' comes before '.'.
    expect(listedReasons()).toEqual(['web-1 Second', 'web First']);
  });

  it('keeps the first position of a repeated event', () => {
    cluster = newCluster();
    const web = configMap('web');
    record(web, 'BackOff');
    record(web, 'Started');
    cluster.advanceClock(5_000);
    record(web, 'BackOff');
    expect(listedReasons()).toEqual(['web BackOff', 'web Started']);
  });

  it('sorts a hand-made event by its whole name', () => {
    const handMade = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' } });
    const recorded = { ...handMade('web.00ff'), _sim: 5 };
    expect(sortEventsAsListed([recorded, handMade('zzz'), handMade('abc')]).map((e) => e.metadata.name)).toEqual(['abc', 'web.00ff', 'zzz']);
  });
});
