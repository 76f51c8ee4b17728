/**
 * The `Events:` section of describe: the object's events sorted by time,
 * with `<last> (xN over <first>)` ages for repeated ones.
 */
import type { KObject } from '../../api/types.js';
import { translateTimestampSince } from '../duration.js';
import type { DescribeWriter } from './writer.js';

/**
 * kubectl sorts by last timestamp; its sort keeps the API's list order (event
 * names, which carry the first occurrence's time in nanoseconds) for equal
 * timestamps. Timestamps here have whole seconds, so equal ones fall back to
 * the first timestamp and then the resourceVersion, which follows the order
 * the kubelet recorded them in within a second.
 */
function byTimeThenCreation(a: KObject, b: KObject): number {
  const last = String(a.lastTimestamp ?? a.firstTimestamp).localeCompare(String(b.lastTimestamp ?? b.firstTimestamp));
  if (last !== 0) return last;
  const first = String(a.firstTimestamp ?? '').localeCompare(String(b.firstTimestamp ?? ''));
  if (first !== 0) return first;
  return Number(a.metadata?.resourceVersion ?? 0) - Number(b.metadata?.resourceVersion ?? 0);
}

export function writeEvents(w: DescribeWriter, events: KObject[], now: number, version: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  const sorted = [...events].sort(byTimeThenCreation);
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
