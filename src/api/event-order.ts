/**
 * The order in which the API server lists events. It lists objects by name,
 * and client-go names an event `<object>.<hex of its creation time in
 * nanoseconds>`, so a list shows each object's events oldest first. kubesim
 * names events by a hash of their correlation key (src/engine/events.ts), so
 * that a later command finds them. It keeps the creation time in the event's
 * hidden `_sim` field instead, and listing events sorts by that key.
 */
import type { KObject } from './types.js';

/** Recorder calls in this process, which order the events of one simulated millisecond. */
let recorded = 0;

/**
 * Returns the value for a new event's `_sim` field: the simulated time (ms)
 * the event object is created at, times 1000, plus a count of this process's
 * events, so events of one millisecond keep the order they were recorded in.
 */
export function eventOrderKey(createdMs: number): number {
  recorded = (recorded + 1) % 1000;
  return createdMs * 1000 + recorded;
}

/** Sorts events in place the way the API server lists them: by namespace, then by their real-style name. */
export function sortEventsAsListed(events: KObject[]): KObject[] {
  const keys = new Map<KObject, { namespace: string; prefix: string; order: number }>();
  for (const e of events) {
    const name = e.metadata.name ?? '';
    const order = typeof e._sim === 'number' ? e._sim : undefined;
    // An event kubesim did not record (created from a manifest) sorts by its whole name.
    const prefix = order === undefined ? name : name.slice(0, name.lastIndexOf('.') + 1);
    keys.set(e, { namespace: e.metadata.namespace ?? '', prefix, order: order ?? 0 });
  }
  return events.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return compare(ka.namespace, kb.namespace) || compare(ka.prefix, kb.prefix) || ka.order - kb.order || compare(a.metadata.name, b.metadata.name);
  });
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
