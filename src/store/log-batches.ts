/**
 * Container logs in SQLite, one row per append batch. A container start
 * writes all its planned lines in one call, so a pod costs one row instead of
 * one per line. A row contains the lines as a JSON array of [ts, stream, line].
 * Its first_ts and last_ts columns bound those timestamps, so readers skip
 * rows whose lines are all later (or all earlier) than the time they ask about.
 */
import type { Prepare } from './db.js';

/** One log line; it is visible once simulated time reaches `ts` (ms). */
export interface LogLine {
  ts: number;
  stream: string;
  line: string;
}


type Entry = [ts: number, stream: string, line: string];

/** The statement that stores one append (its first argument is the pod's uid). */
export const APPEND_LOG_SQL = 'INSERT INTO logs(pod_uid, container, attempt, first_ts, last_ts, lines) VALUES (?, ?, ?, ?, ?, ?)';

/** Stores the lines of one append as one row. */
export function appendLogBatch(prepare: Prepare, podUid: string, container: string, attempt: number, lines: LogLine[]): void {
  if (lines.length === 0) return;
  const entries: Entry[] = new Array(lines.length);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const input = lines[i];
    const ts = Math.floor(input.ts);
    if (ts < first) first = ts;
    if (ts > last) last = ts;
    entries[i] = [ts, input.stream, input.line];
  }
  prepare(APPEND_LOG_SQL).run(
    podUid,
    container,
    attempt,
    first,
    last,
    JSON.stringify(entries),
  );
}

/**
 * Reads the lines of one container attempt with timestamps up to `until`,
 * ordered by timestamp and then by append order (the order the former
 * one-row-per-line table gave with ORDER BY ts, id).
 */
export function readLogBatches(prepare: Prepare, podUid: string, container: string, attempt: number, until: number): LogLine[] {
  const rows = prepare('SELECT lines FROM logs WHERE pod_uid = ? AND container = ? AND attempt = ? AND first_ts <= ? ORDER BY id').all(
    podUid,
    container,
    attempt,
    until,
  ) as { lines: string }[];
  const out: LogLine[] = [];
  let sorted = true;
  for (const row of rows) {
    for (const [ts, stream, line] of JSON.parse(row.lines) as Entry[]) {
      if (ts > until) continue;
      if (out.length > 0 && ts < out[out.length - 1].ts) sorted = false;
      out.push({ ts, stream, line });
    }
  }
  // Array.prototype.sort is stable: equal timestamps keep their append order.
  if (!sorted) out.sort((a, b) => a.ts - b.ts);
  return out;
}

/** Deletes the lines of one container attempt timed after `after`. Rows with some earlier lines are rewritten without the later ones. */
export function truncateLogBatches(prepare: Prepare, podUid: string, container: string, attempt: number, after: number): void {
  const rows = prepare('SELECT id, first_ts, lines FROM logs WHERE pod_uid = ? AND container = ? AND attempt = ? AND last_ts > ?').all(
    podUid,
    container,
    attempt,
    after,
  ) as { id: number; first_ts: number; lines: string }[];
  for (const row of rows) {
    if (row.first_ts > after) {
      prepare('DELETE FROM logs WHERE id = ?').run(row.id);
      continue;
    }
    const remaining = (JSON.parse(row.lines) as Entry[]).filter((entry) => entry[0] <= after);
    const last = remaining.reduce((max, entry) => Math.max(max, entry[0]), row.first_ts);
    prepare('UPDATE logs SET last_ts = ?, lines = ? WHERE id = ?').run(last, JSON.stringify(remaining), row.id);
  }
}

/** Finds the earliest line timestamp of one container attempt after `after` (undefined when there is none). */
export function nextLogBatchTime(prepare: Prepare, podUid: string, container: string, attempt: number, after: number): number | undefined {
  const rows = prepare('SELECT lines FROM logs WHERE pod_uid = ? AND container = ? AND attempt = ? AND last_ts > ?').all(
    podUid,
    container,
    attempt,
    after,
  ) as { lines: string }[];
  let next: number | undefined;
  for (const row of rows) {
    for (const [ts] of JSON.parse(row.lines) as Entry[]) {
      if (ts > after && (next === undefined || ts < next)) next = ts;
    }
  }
  return next;
}
