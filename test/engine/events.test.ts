import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Cluster } from '../../src/engine/cluster.js';
import { createCluster } from '../../src/engine/open.js';
import { recordEvent } from '../../src/engine/events.js';
import type { KObject } from '../../src/api/types.js';
import { START, newCluster } from '../helpers/cluster.js';

const SOURCE = { component: 'replicaset-controller' };

let cluster: Cluster;

afterEach(() => {
  cluster?.store.db.close();
});

/** Creates an object for events to be about; a ConfigMap has no controller that records events of its own. */
function newInvolvedObject(c: Cluster): KObject {
  return c.store.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-5d8f', namespace: 'default' }, data: {} });
}

function record(obj: KObject, reason: string, message: string, source = SOURCE, type: 'Normal' | 'Warning' = 'Normal'): void {
  cluster.store.tx(() => recordEvent(cluster.store, obj, type, reason, message, source));
}

function eventsAbout(obj: KObject): KObject[] {
  return cluster.store.list('events', 'default').filter((e) => e.involvedObject.uid === obj.metadata.uid);
}

function messages(obj: KObject): string[] {
  return eventsAbout(obj)
    .map((e) => `${e.message} x${e.count}`)
    .sort();
}

describe('recordEvent with the legacy recorder', () => {
  it('counts an identical event into the stored one', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    record(obj, 'SuccessfulCreate', 'Created pod: web-5d8f-a');
    cluster.advanceClock(5000);
    cluster.settle();
    record(obj, 'SuccessfulCreate', 'Created pod: web-5d8f-a');

    const events = eventsAbout(obj);
    expect(events).toHaveLength(1);
    expect(events[0].count).toBe(2);
    expect(events[0].firstTimestamp).toBe('2022-05-31T07:00:00Z');
    expect(events[0].lastTimestamp).toBe('2022-05-31T07:00:05Z');
  });

  it('keeps nine similar events apart', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 9; i++) record(obj, 'SuccessfulCreate', `Created pod: web-5d8f-${i}`);

    expect(eventsAbout(obj)).toHaveLength(9);
  });

  it('combines the 10th similar event', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 10; i++) record(obj, 'SuccessfulCreate', `Created pod: web-5d8f-${i}`);

    const events = eventsAbout(obj);
    expect(events).toHaveLength(10);
    const combined = events.filter((e) => e.message.startsWith('(combined'));
    expect(combined.map((e) => e.message)).toEqual(['(combined from similar events): Created pod: web-5d8f-10']);
    expect(combined[0].count).toBe(1);
    expect(combined[0].reportingComponent).toBe('');
    expect(combined[0].source).toEqual({ component: 'replicaset-controller' });
  });

  it('counts later similar events into the combined one', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 12; i++) record(obj, 'SuccessfulCreate', `Created pod: web-5d8f-${i}`);

    expect(eventsAbout(obj)).toHaveLength(10);
    expect(messages(obj)).toContain('(combined from similar events): Created pod: web-5d8f-12 x3');
  });

  it('starts a new aggregation window after 10 quiet minutes', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 9; i++) record(obj, 'SuccessfulCreate', `Created pod: web-5d8f-${i}`);
    cluster.advanceClock(600_001);
    cluster.settle();
    record(obj, 'SuccessfulCreate', 'Created pod: web-5d8f-10');

    expect(eventsAbout(obj).filter((e) => e.message.startsWith('(combined'))).toHaveLength(0);
    expect(eventsAbout(obj)).toHaveLength(10);
  });

  it('keeps similar events of another reason apart', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 9; i++) record(obj, 'SuccessfulCreate', `Created pod: web-5d8f-${i}`);
    record(obj, 'SuccessfulDelete', 'Deleted pod: web-5d8f-1');

    expect(eventsAbout(obj).filter((e) => e.message.startsWith('(combined'))).toHaveLength(0);
  });

  it('drops the 26th event of a burst as spam', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 26; i++) record(obj, `Reason${i}`, 'one message');

    const reasons = eventsAbout(obj).map((e) => e.reason);
    expect(reasons).toHaveLength(25);
    expect(reasons).not.toContain('Reason26');
  });

  it('accepts one more event after 300 s of refill', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 26; i++) record(obj, `Reason${i}`, 'one message');
    cluster.advanceClock(299_000);
    cluster.settle();
    record(obj, 'Reason27', 'one message');
    expect(eventsAbout(obj).map((e) => e.reason)).not.toContain('Reason27');

    cluster.advanceClock(1_000);
    cluster.settle();
    record(obj, 'Reason28', 'one message');
    expect(eventsAbout(obj).map((e) => e.reason)).toContain('Reason28');
  });

  it('counts dropped repeats into the next accepted write', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 30; i++) record(obj, 'BackOff', 'Back-off restarting failed container');
    expect(eventsAbout(obj)[0].count).toBe(25);

    cluster.advanceClock(300_000);
    cluster.settle();
    record(obj, 'BackOff', 'Back-off restarting failed container');
    expect(eventsAbout(obj)[0].count).toBe(31);
  });

  it('keeps a separate bucket per event type', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 26; i++) record(obj, `Reason${i}`, 'one message');
    record(obj, 'FailedCreate', 'Error creating: quota exceeded', SOURCE, 'Warning');

    expect(eventsAbout(obj).map((e) => e.reason)).toContain('FailedCreate');
  });

  it('keeps the spam filter state across processes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kubesim-unit-')), 'state.db');
    const first = createCluster('test', { clock: 'manual', seed: 1, startTime: START }, file);
    cluster = first;
    const obj = newInvolvedObject(first);
    for (let i = 1; i <= 25; i++) record(obj, `Reason${i}`, 'one message');
    first.store.db.close();

    cluster = new Cluster('test', file);
    record(obj, 'Reason26', 'one message');
    expect(eventsAbout(obj)).toHaveLength(25);
  });
});

describe('recordEvent with the events.k8s.io recorder', () => {
  const SCHEDULER = { component: 'default-scheduler' };

  it('joins a repeat with another message into the series', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    record(obj, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu.', SCHEDULER, 'Warning');
    cluster.advanceClock(60_000);
    cluster.settle();
    record(obj, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient memory.', SCHEDULER, 'Warning');

    expect(messages(obj)).toEqual(['0/3 nodes are available: 3 Insufficient cpu. x2']);
  });

  it('starts a new event 6 minutes after the last repeat', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    record(obj, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu.', SCHEDULER, 'Warning');
    cluster.advanceClock(360_001);
    cluster.settle();
    record(obj, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu.', SCHEDULER, 'Warning');

    expect(eventsAbout(obj)).toHaveLength(2);
  });

  it('joins repeats to the restarted series', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    record(obj, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu.', SCHEDULER, 'Warning');
    cluster.advanceClock(420_000);
    cluster.settle();
    record(obj, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient memory.', SCHEDULER, 'Warning');
    cluster.advanceClock(60_000);
    cluster.settle();
    record(obj, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient pods.', SCHEDULER, 'Warning');

    expect(messages(obj)).toEqual(['0/3 nodes are available: 3 Insufficient cpu. x1', '0/3 nodes are available: 3 Insufficient memory. x2']);
  });

  it('never drops scheduler events as spam', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 30; i++) record(obj, `Reason${i}`, 'one message', SCHEDULER);

    expect(eventsAbout(obj)).toHaveLength(30);
  });

  it('uses the legacy recorder for the 1.15 scheduler', () => {
    cluster = newCluster({ kubernetesVersion: '1.15' });
    const obj = newInvolvedObject(cluster);
    record(obj, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu.', SCHEDULER, 'Warning');
    record(obj, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient memory.', SCHEDULER, 'Warning');

    expect(eventsAbout(obj)).toHaveLength(2);
  });
});

describe('recordEvent about an object created in the same transaction', () => {
  it('counts a repeat into the event written earlier in the transaction', () => {
    cluster = newCluster();
    const obj = cluster.store.tx(() => {
      const created = newInvolvedObject(cluster);
      recordEvent(cluster.store, created, 'Normal', 'Pulling', 'Pulling image "busybox"', SOURCE);
      recordEvent(cluster.store, created, 'Normal', 'Pulling', 'Pulling image "busybox"', SOURCE);
      return created;
    });

    expect(messages(obj)).toEqual(['Pulling image "busybox" x2']);
  });

  it('counts a repeat into an event that reached SQLite before the commit', () => {
    cluster = newCluster();
    const obj = cluster.store.tx(() => {
      const created = newInvolvedObject(cluster);
      recordEvent(cluster.store, created, 'Normal', 'Pulling', 'Pulling image "busybox"', SOURCE);
      // Counting runs SQL over the objects table, which sends the pending event first.
      expect(cluster.store.count('events')).toBe(1);
      recordEvent(cluster.store, created, 'Normal', 'Pulling', 'Pulling image "busybox"', SOURCE);
      return created;
    });

    expect(messages(obj)).toEqual(['Pulling image "busybox" x2']);
  });

  it('joins a repeat into the series started earlier in the transaction', () => {
    cluster = newCluster();
    const scheduler = { component: 'default-scheduler' };
    const obj = cluster.store.tx(() => {
      const created = newInvolvedObject(cluster);
      recordEvent(cluster.store, created, 'Warning', 'FailedScheduling', '0/3 nodes are available.', scheduler);
      recordEvent(cluster.store, created, 'Warning', 'FailedScheduling', '0/2 nodes are available.', scheduler);
      return created;
    });

    expect(messages(obj)).toEqual(['0/3 nodes are available. x2']);
  });

  it('keeps the aggregator state a rolled-back savepoint saw', () => {
    cluster = newCluster();
    const obj = cluster.store.tx(() => {
      const created = newInvolvedObject(cluster);
      for (let i = 1; i <= 9; i++) recordEvent(cluster.store, created, 'Normal', 'SuccessfulCreate', `Created pod: web-5d8f-${i}`, SOURCE);
      expect(() =>
        cluster.store.savepoint(() => {
          recordEvent(cluster.store, created, 'Normal', 'SuccessfulCreate', 'Created pod: web-5d8f-undone', SOURCE);
          throw new Error('reconcile failed');
        }),
      ).toThrow('reconcile failed');
      recordEvent(cluster.store, created, 'Normal', 'SuccessfulCreate', 'Created pod: web-5d8f-10', SOURCE);
      return created;
    });

    expect(messages(obj)).toContain('(combined from similar events): Created pod: web-5d8f-10 x1');
    expect(messages(obj)).not.toContain('(combined from similar events): Created pod: web-5d8f-undone x1');
  });

  it('drops the 26th event of a burst as spam', () => {
    cluster = newCluster();
    const obj = cluster.store.tx(() => {
      const created = newInvolvedObject(cluster);
      for (let i = 1; i <= 26; i++) recordEvent(cluster.store, created, 'Normal', `Reason${i}`, 'one message', SOURCE);
      return created;
    });

    expect(eventsAbout(obj).map((e) => e.reason)).not.toContain('Reason26');
  });
});

describe('event names', () => {
  function nameOf(obj: KObject, message: string): string | undefined {
    return eventsAbout(obj).find((e) => e.message === message)?.metadata.name;
  }

  it('keep the hashes earlier releases stored', () => {
    cluster = newCluster();
    const obj = newInvolvedObject(cluster);
    for (let i = 1; i <= 10; i++) record(obj, 'SuccessfulCreate', `Created pod: web-5d8f-${i}`);
    // A series' name hashes the object's resourceVersion too: pin the one the stored hash was made with.
    const atVersion9 = { ...obj, metadata: { ...obj.metadata, resourceVersion: '9' } };
    record(atVersion9, 'FailedScheduling', '0/3 nodes are available: 3 Insufficient cpu.', { component: 'default-scheduler' }, 'Warning');

    expect(nameOf(obj, 'Created pod: web-5d8f-1')).toBe('web-5d8f.1022706e0f1ca1cc');
    expect(nameOf(obj, '(combined from similar events): Created pod: web-5d8f-10')).toBe('web-5d8f.e1536587675630f7');
    expect(nameOf(obj, '0/3 nodes are available: 3 Insufficient cpu.')).toBe('web-5d8f.d2e8e1b44b0b6d9a');
  });
});
