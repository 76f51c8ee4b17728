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
    ? [`- ${expectedHeader}`, `+ ${actualHeader}`, headerCaretLine(expectedHeader, actualHeader)]
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

/** Builds a line of `^` under the differing cells of an actual line, with column names when known. */
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
 * Builds a `^` line under the actual header cells that are not in the
 * expected header. Aligning the two cell lists shows one added column as
 * one change rather than a shift of every column after it.
 */
function headerCaretLine(expectedHeader: string, actualHeader: string): string {
  const expected = splitCells(expectedHeader);
  const positions = cellPositions(actualHeader);
  const actual = positions.map((p) => p.text);
  const common = commonSubsequence(expected, actual);
  const added = actual.flatMap((cell, index) => (common.actual.has(index) ? [] : [index]));
  const missing = expected.filter((_, index) => !common.expected.has(index));
  const labels = [...added.map((i) => `added ${actual[i]}`), ...missing.map((cell) => `missing ${cell}`)];
  let line = '';
  for (const index of added) line = line.padEnd(positions[index].start) + '^'.repeat(positions[index].text.length);
  if (added.length === 0) line = '^'.repeat(Math.max(1, actualHeader.length));
  return `  ${line} ${labels.join(', ')}`;
}

/** Indexes on each side that belong to a longest common subsequence of two string lists. */
function commonSubsequence(a: string[], b: string[]): { expected: Set<number>; actual: Set<number> } {
  const table = lcsTable(a, b);
  const expected = new Set<number>();
  const actual = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      expected.add(i++);
      actual.add(j++);
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return { expected, actual };
}

/** Suffix LCS lengths: table[i][j] is the LCS length of a[i..] and b[j..]. */
function lcsTable(a: string[], b: string[]): number[][] {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  return table;
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
  const lcs = lcsTable(eKeys, aKeys);

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
