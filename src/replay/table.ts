/**
 * Splits command output into plain text runs and tables, the units the
 * matcher compares. Columns are found the way kubectl prints them: cells are
 * separated by two or more spaces or by tabs, so column widths never matter.
 */

/** Cells of one output line: trimmed, split on tabs or runs of 2+ spaces. */
export function splitCells(line: string): string[] {
  const trimmed = line.trim();
  if (trimmed === '') return [];
  return trimmed.split(/\t+| {2,}/).map((cell) => cell.trim()).filter((cell) => cell !== '');
}

const HEADER_CELL = /^[A-Z][A-Z0-9_()/.%-]*(?: [A-Z][A-Z0-9_()/.%-]*)*$/;

/** Reports whether a line is a table header: two or more cells, all in upper case (`NAME   READY`). */
export function isHeaderLine(line: string): boolean {
  const cells = splitCells(line);
  return cells.length >= 2 && cells.every((cell) => HEADER_CELL.test(cell));
}

/** A run of output lines compared line by line. */
export interface TextSegment {
  kind: 'text';
  /** Index of the first line in the whole output. */
  start: number;
  lines: string[];
}

/** A header line and the rows under it up to a blank line or the next header. */
export interface TableSegment {
  kind: 'table';
  start: number;
  header: string;
  rows: string[];
}

export type Segment = TextSegment | TableSegment;

/** Splits output lines into text and table segments, in order. */
export function segmentOutput(lines: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  lines.forEach((line, index) => {
    if (isHeaderLine(line)) {
      current = { kind: 'table', start: index, header: line, rows: [] };
      segments.push(current);
    } else if (current?.kind === 'table' && line.trim() !== '') {
      current.rows.push(line);
    } else if (current?.kind === 'text') {
      current.lines.push(line);
    } else {
      current = { kind: 'text', start: index, lines: [line] };
      segments.push(current);
    }
  });
  return segments;
}
