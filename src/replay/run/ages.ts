/**
 * Reads ages out of command output, so the replay can move the simulated
 * clock until its objects are as old as the transcript's.
 *
 * The rule: in a `get` table the youngest AGE counts (the newest object
 * shows how long ago the last change happened). In `describe` events the
 * oldest Age counts, because the first event dates the object itself.
 */
import { segmentOutput, splitCells } from '../table';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, y: 365 * 86_400_000 };

/** Parses a kubectl age (`20s`, `2m58s`, `5h4m`, `3d`) into milliseconds, or undefined. */
export function parseAge(text: string): number | undefined {
  if (!/^(?:\d+[smhdy])+$/.test(text)) return undefined;
  let ms = 0;
  for (const m of text.matchAll(/(\d+)([smhdy])/g)) ms += Number(m[1]) * UNIT_MS[m[2]];
  return ms;
}

/**
 * Returns the largest true age a printed age can stand for: kubectl drops
 * the smaller units, so `7h45m` means anything below `7h46m`.
 */
export function parseAgeUpper(text: string): number | undefined {
  const ms = parseAge(text);
  if (ms === undefined) return undefined;
  return ms + UNIT_MS[text[text.length - 1]] - 1000;
}

/** The age of an output that the clock follows, with the rule that picked it. */
export interface AgeMark {
  ms: number;
  mode: 'youngest' | 'oldest';
}

const EVENTS_HEADER = /^\s*Type\s+Reason\s+Age\s+From\s+Message\s*$/;

/** Finds the age that dates an output (see the module comment), or undefined when it shows none. */
export function ageMark(lines: readonly string[]): AgeMark | undefined {
  const events = eventAges(lines);
  if (events.length > 0) return { ms: Math.max(...events), mode: 'oldest' };
  const ages: number[] = [];
  for (const segment of segmentOutput(lines)) {
    if (segment.kind !== 'table') continue;
    const column = splitCells(segment.header).indexOf('AGE');
    if (column < 0) continue;
    for (const row of segment.rows) {
      const cells = splitCells(row);
      // Rows with a missing cell are shorter; count AGE from the end then.
      const header = splitCells(segment.header);
      const cell = cells.length === header.length ? cells[column] : cells[cells.length - (header.length - column)];
      const ms = cell === undefined ? undefined : parseAge(cell);
      if (ms !== undefined) ages.push(ms);
    }
  }
  return ages.length > 0 ? { ms: Math.min(...ages), mode: 'youngest' } : undefined;
}

/** Ages of `describe` events (the first age of `61s (x2 over 118s)` style cells). */
function eventAges(lines: readonly string[]): number[] {
  const start = lines.findIndex((l) => EVENTS_HEADER.test(l));
  if (start < 0) return [];
  const ages: number[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!/^\s+\S/.test(line)) break;
    const cells = splitCells(line);
    const over = /over (\S+)\)/.exec(cells[2] ?? '');
    const ms = parseAge(over ? over[1] : (cells[2] ?? '').split(' ')[0]);
    if (ms !== undefined) ages.push(ms);
  }
  return ages;
}

/** Cells of the table rows of an output, keyed by header name; one record per row. */
export function tableRecords(lines: readonly string[]): Array<Record<string, string>> {
  const records: Array<Record<string, string>> = [];
  for (const segment of segmentOutput(lines)) {
    if (segment.kind !== 'table') continue;
    const header = splitCells(segment.header);
    for (const row of segment.rows) {
      const cells = splitCells(row);
      if (cells.length !== header.length) continue;
      records.push(Object.fromEntries(header.map((h, i) => [h, cells[i]])));
    }
  }
  return records;
}
