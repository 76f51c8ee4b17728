import { afterEach, describe, expect, it } from 'vitest';
import { eventMayExist, recordMayExist, recordWritten } from '../../src/engine/event-keys.js';
import type { Store } from '../../src/store/store.js';
import type { KObject } from '../../src/api/types.js';
import { StoreFixture } from '../helpers/store-fixture.js';

let fixture: StoreFixture;

afterEach(() => fixture?.dispose());

function event(name: string): KObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, reason: 'Pulled' } as KObject;
}

/** Makes enough lookups of absent names that the summary loads. */
function warmUp(store: Store): void {
  for (let i = 0; i < 300; i++) eventMayExist(store, 'default', `warm-up-${i}`);
  for (let i = 0; i < 300; i++) recordMayExist(store, `eventState/warm-up-${i}`);
}

describe('event key summaries', () => {
  it('rules out an event never stored', () => {
    fixture = new StoreFixture();
    const store = fixture.open();
    store.create('events', event('stored'));

    const [stored, absent] = store.tx(() => {
      warmUp(store);
      return [eventMayExist(store, 'default', 'stored'), eventMayExist(store, 'default', 'absent')];
    });

    expect(stored).toBe(true);
    expect(absent).toBe(false);
  });

  it('rules out recorder event names', () => {
    fixture = new StoreFixture();
    const store = fixture.open();
    store.create('events', event('web-1.0123456789abcdef'));

    const [stored, absent] = store.tx(() => {
      warmUp(store);
      return [eventMayExist(store, 'default', 'web-1.0123456789abcdef'), eventMayExist(store, 'default', 'web-1.0123456789abcdee')];
    });

    expect(stored).toBe(true);
    expect(absent).toBe(false);
  });

  it('creates an event ruled out', () => {
    fixture = new StoreFixture();
    const store = fixture.open();

    store.tx(() => {
      warmUp(store);
      expect(eventMayExist(store, 'default', 'new')).toBe(false);
      expect(store.get('events', 'default', 'new')).toBeUndefined();
      store.create('events', event('new'));
    });

    expect(store.get('events', 'default', 'new')?.metadata.name).toBe('new');
  });

  it('adds events created afterwards', () => {
    fixture = new StoreFixture();
    const store = fixture.open();
    store.tx(() => warmUp(store));
    store.create('events', event('later'));

    expect(store.tx(() => eventMayExist(store, 'default', 'later'))).toBe(true);
  });

  it('sees another process\'s events', () => {
    fixture = new StoreFixture();
    const store = fixture.open();
    store.tx(() => warmUp(store));
    fixture.open().create('events', event('elsewhere'));

    expect(store.tx(() => eventMayExist(store, 'default', 'elsewhere'))).toBe(true);
  });

  it('keeps records written before loading', () => {
    fixture = new StoreFixture();
    const store = fixture.open();

    const seen = store.tx(() => {
      recordWritten(store, 'eventState/record:a');
      warmUp(store);
      return [recordMayExist(store, 'eventState/record:a'), recordMayExist(store, 'eventState/record:b')];
    });

    expect(seen).toEqual([true, false]);
  });

  it('sees another process\'s records', () => {
    fixture = new StoreFixture();
    const store = fixture.open();
    store.tx(() => warmUp(store));
    fixture.open().setMeta('eventState/record:c', '1|{}');

    expect(store.tx(() => recordMayExist(store, 'eventState/record:c'))).toBe(true);
  });
});
