/**
 * The `Events:` section of describe: the object's events sorted by time,
 * with `<last> (xN over <first>)` ages for repeated ones.
 */
import type { KObject } from '../../api/types.js';
import { translateTimestampSince } from '../duration.js';
import type { DescribeWriter } from './writer.js';
import { sortEventsAsListed } from '../../api/event-order.js';

/**
 * Compares last timestamps, as kubectl's SortableEvents does. Go's sort.Sort
 * keeps the list order of equal ones in lists of up to 12 (insertion sort),
 * so the events are put in the API's list order first, and this sort is stable.
 */
function byLastTimestamp(a: KObject, b: KObject): number {
  return String(a.lastTimestamp ?? a.firstTimestamp).localeCompare(String(b.lastTimestamp ?? b.firstTimestamp));
}

export function writeEvents(w: DescribeWriter, events: KObject[], now: number, version: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const sorted = sortEventsAsListed([...events]).sort(byLastTimestamp);
  w.write(0, 'Events:\n');
  w.write(1, 'Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const last = translateTimestampSince(e.lastTimestamp ?? e.firstTimestamp, now);
    const age = (e.count ?? 1) > 1 ? `${last} (x${e.count} over ${translateTimestampSince(e.firstTimestamp, now)})` : last;
    const from = version < 118 && e.source?.host ? `${e.source.component}, ${e.source.host}` : e.source?.component ?? '';
    w.write(1, `${e.type}\t${e.reason}\t${age}\t${from}\t${String(e.message ?? '').trim()}\n`);
  }
}

/** Events whose involved object is `obj` (by uid, falling back to kind and name). */
export function eventsFor(all: KObject[], obj: KObject): KObject[] {
  return all.filter((e) => e.involvedObject?.uid === obj.metadata.uid || (e.involvedObject?.kind === obj.kind && e.involvedObject?.name === obj.metadata.name && !e.involvedObject?.uid));
}
