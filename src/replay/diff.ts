/**
 * Compact diffs for outputs that differ: `- expected`, `+ actual`, and a
 * `^` line under the cells that differ in the actual line, labelled with
 * the column names when the lines are table rows.
 */

import type { Bindings } from './bindings';
import { cellPositions, compareLines, linesMatch, type LineComparison } from './compare';
import { splitCells } from './table';
import { normalizedKey } from './tokens';

/** An expected table row and the actual row it was paired with, if any. */
export interface PairedRow {
  expected: string;
  actual?: string;
  /** Differing cell indexes when the pair does not match. */
  differing?: number[];
}

/**
 * Compares text lines and returns the diff (empty when they match) and the
 * bindings the matching lines added. Outputs of equal length are compared
 * line by line; otherwise lines are first aligned on their normalized form.
 */
export function diffLines(expected: string[], actual: string[], bindings: Bindings): { diff: string[]; bindings: Bindings } {
  const pairs = expected.length === actual.length
    ? expected.map((e, i) => ({ e, a: actual[i] as string | undefined }))
    : alignLines(expected, actual);

  let current = bindings;
  const diff: string[] = [];
  for (const { e, a } of pairs) {
    if (e === undefined) {
      diff.push(`+ ${a}`);
      continue;
    }
    if (a === undefined) {
      diff.push(`- ${e}`);
      continue;
    }
    const result = compareLines(e, a, current);
    current = result.bindings;
    if (!linesMatch(result)) diff.push(`- ${e}`, `+ ${a}`, caretLine(a, result));
  }
  return { diff, bindings: current };
}

/** Diff of a table: the header as context, then changed, missing (`-`) and extra (`+`) rows. */
export function diffTable(
  expectedHeader: string, actualHeader: string, headerComparison: LineComparison | undefined,
  rows: PairedRow[], extraActual: string[],
): string[] {
  const columns = splitCells(expectedHeader);
  const diff: string[] = headerComparison
    ? [`- ${expectedHeader}`, `+ ${actualHeader}`, caretLine(actualHeader, headerComparison, columns)]
    : [`  ${expectedHeader}`];
  for (const row of rows) {
    if (row.actual === undefined) {
      diff.push(`- ${row.expected}`);
    } else if (row.differing && row.differing.length > 0) {
      diff.push(`- ${row.expected}`, `+ ${row.actual}`, caretLine(row.actual, { differing: row.differing }, columns));
    } else if (headerComparison) {
      // With a changed header every row is shown, so the table can be read.
      diff.push(`  ${row.actual}`);
    }
  }
  for (const row of extraActual) diff.push(`+ ${row}`);
  return diff;
}

/** A line of `^` under the differing cells of an actual line, with column names when known. */
function caretLine(actual: string, comparison: Pick<LineComparison, 'differing'>, columns: string[] = []): string {
  const positions = cellPositions(actual);
  let line = '';
  const labels: string[] = [];
  for (const index of comparison.differing) {
    const cell = positions[index];
    const start = cell ? cell.start : actual.length;
    const width = cell ? cell.text.length : 1;
    if (start < line.length) continue;
    line = line.padEnd(start) + '^'.repeat(width);
    if (columns[index]) labels.push(columns[index]);
  }
  return `  ${line}${labels.length > 0 ? ` ${labels.join(', ')}` : ''}`;
}

/**
 * Aligns two line lists by the longest common subsequence of their
 * normalized forms. Runs of removed and added lines of the same length
 * become changed pairs, so the diff can point at cells.
 */
function alignLines(expected: string[], actual: string[]): Array<{ e?: string; a?: string }> {
  const eKeys = expected.map(normalizedKey);
  const aKeys = actual.map(normalizedKey);
  const n = expected.length;
  const m = actual.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = eKeys[i] === aKeys[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }

  const ops: Array<{ e?: string; a?: string }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && eKeys[i] === aKeys[j]) {
      ops.push({ e: expected[i++], a: actual[j++] });
    } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push({ e: expected[i++] });
    } else {
      ops.push({ a: actual[j++] });
    }
  }
  return pairChangedRuns(ops);
}

function pairChangedRuns(ops: Array<{ e?: string; a?: string }>): Array<{ e?: string; a?: string }> {
  const result: Array<{ e?: string; a?: string }> = [];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].a !== undefined && ops[k].e !== undefined) {
      result.push(ops[k++]);
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (k < ops.length && ops[k].a === undefined) removed.push(ops[k++].e!);
    while (k < ops.length && ops[k].e === undefined) added.push(ops[k++].a!);
    if (removed.length === added.length) {
      removed.forEach((e, n) => result.push({ e, a: added[n] }));
    } else {
      result.push(...removed.map((e) => ({ e })), ...added.map((a) => ({ a })));
    }
  }
  return result;
}
