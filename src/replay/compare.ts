/**
 * Compares one expected output line with one actual line, cell by cell,
 * binding generated names, IP addresses and uids as it goes.
 */

import { bindValue, type Bindings } from './bindings';
import { splitCells } from './table';
import { isAge, maskTimestamps, segmentsCompatible, splitGeneratedName, splitPieces } from './tokens';

/** Result of comparing two lines. */
export interface LineComparison {
  /** Input bindings extended by every cell that matched. */
  bindings: Bindings;
  /** Indexes of expected cells that differ, in order; empty when the lines match. */
  differing: number[];
  /** Whether the lines have different numbers of cells (they then never match). */
  cellCountDiffers: boolean;
}

/** Reports whether a comparison found the lines equal. */
export function linesMatch(comparison: LineComparison): boolean {
  return comparison.differing.length === 0 && !comparison.cellCountDiffers;
}

/**
 * Compares two lines after masking timestamps, splitting both into cells so
 * column widths do not matter. Cells that match add their bindings even
 * when other cells differ, so a row that differs only in RESTARTS still
 * binds its pod name and IP for later commands.
 */
export function compareLines(expected: string, actual: string, bindings: Bindings): LineComparison {
  const expectedCells = splitCells(maskTimestamps(expected));
  const actualCells = splitCells(maskTimestamps(actual));
  const cellCountDiffers = expectedCells.length !== actualCells.length;

  if (cellCountDiffers) {
    // Cells may have merged or split where a value has two spaces in it; fall back to words.
    const words = compareCell(expectedCells.join(' '), actualCells.join(' '), bindings);
    if (words) return { bindings: words, differing: [], cellCountDiffers: false };
  }

  let current = bindings;
  const differing: number[] = [];
  const count = Math.max(expectedCells.length, actualCells.length);
  for (let i = 0; i < count; i++) {
    const next = i < expectedCells.length && i < actualCells.length
      ? compareCell(expectedCells[i], actualCells[i], current)
      : undefined;
    if (next) current = next;
    else differing.push(i);
  }
  return { bindings: current, differing, cellCountDiffers };
}

/** Compares two cells word by word; returns the extended bindings, or undefined when they differ. */
export function compareCell(expected: string, actual: string, bindings: Bindings): Bindings | undefined {
  const expectedWords = expected.split(/\s+/).filter((w) => w !== '');
  const actualWords = actual.split(/\s+/).filter((w) => w !== '');
  if (expectedWords.length !== actualWords.length) return undefined;
  let current: Bindings | undefined = bindings;
  for (let i = 0; i < expectedWords.length && current; i++) {
    current = compareWord(expectedWords[i], actualWords[i], current);
  }
  return current;
}

function compareWord(expected: string, actual: string, bindings: Bindings): Bindings | undefined {
  if (isAge(expected) && isAge(actual)) return bindings;
  const expectedPieces = splitPieces(expected);
  const actualPieces = splitPieces(actual);
  if (expectedPieces.length !== actualPieces.length) return undefined;

  let current: Bindings | undefined = bindings;
  for (let i = 0; i < expectedPieces.length && current; i++) {
    const e = expectedPieces[i];
    const a = actualPieces[i];
    if (e.kind !== a.kind) return undefined;
    if (e.kind === 'punct') current = e.text === a.text ? current : undefined;
    else if (e.kind === 'name') current = compareName(e.text, a.text, current);
    else current = bindValue(current, e.text, a.text);
  }
  return current;
}

/** Compares names: literal bases must be equal, generated segments bind one by one. */
function compareName(expected: string, actual: string, bindings: Bindings): Bindings | undefined {
  if (isAge(expected) && isAge(actual)) return bindings;
  const e = splitGeneratedName(expected);
  if (!e) return expected === actual ? bindings : undefined;
  const a = splitGeneratedName(actual);
  if (!a || a.base !== e.base || a.segments.length !== e.segments.length) return undefined;
  if (a.segments.some((segment, i) => !segmentsCompatible(e.segments[i], segment))) return undefined;

  let current: Bindings | undefined = bindings;
  for (let i = 0; i < e.segments.length && current; i++) {
    current = bindValue(current, e.segments[i], a.segments[i]);
  }
  return current;
}

/** Start column and text of every cell of a line, for pointing at a cell in a diff. */
export function cellPositions(line: string): Array<{ start: number; text: string }> {
  return [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ start: m.index ?? 0, text: m[0] }));
}
