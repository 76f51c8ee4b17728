/**
 * Decides whether a command's actual output matches what the transcript
 * showed, up to what legitimately differs between two clusters. Those are
 * timestamps, ages, IP addresses, uids, generated name suffixes,
 * pod-template-hashes, CronJob job suffixes, column widths and the order of
 * table rows. Row order is noise because kubectl sorts rows by name and the
 * names are generated.
 */

import { boundKeys, openGroup, type Bindings } from './bindings';
import { compareLines, linesMatch } from './compare';
import { diffLines, diffTable, type PairedRow } from './diff';
import { segmentOutput, splitCells, type TableSegment } from './table';
import { isAge, normalizedKey, splitGeneratedName } from './tokens';

export { EMPTY_BINDINGS, type Bindings, type BindingGroup } from './bindings';

/**
 * `match`: the output matches. `transient`: the final output differs, but a
 * snapshot the runner observed on the way matches (a rollout caught
 * half-way). `differ`: neither matches.
 */
export type Verdict = 'match' | 'transient' | 'differ';

/** Options of `matchOutput`. */
export interface MatchOptions {
  /**
   * Outputs of the same command that the runner observed at earlier moments
   * while the cluster settled (for example each step of a rollout), oldest
   * first. The final output is `actual`.
   */
  snapshots?: readonly (readonly string[])[];
}

/** Result of `matchOutput`. */
export interface MatchResult {
  verdict: Verdict;
  /** For `differ`: `-` expected and `+` actual lines, with `^` under the differing cell. */
  diff?: string[];
  /**
   * Bindings to use for later steps. After `differ` they still include what
   * the matching cells bound, so later commands can name the same pods.
   */
  newBindings: Bindings;
  /** For `transient`: index of the matching snapshot. */
  snapshot?: number;
}

/** Compares expected output with actual output (and snapshots); see MatchResult. */
export function matchOutput(
  expected: readonly string[], actual: readonly string[], bindings: Bindings, opts: MatchOptions = {},
): MatchResult {
  const final = compareOutputs(expected, actual, bindings);
  if (final.ok) return { verdict: 'match', newBindings: final.bindings };

  const snapshots = opts.snapshots ?? [];
  for (let n = snapshots.length - 1; n >= 0; n--) {
    const seen = compareOutputs(expected, snapshots[n], bindings);
    if (seen.ok) return { verdict: 'transient', newBindings: seen.bindings, snapshot: n };
  }
  return { verdict: 'differ', diff: final.diff, newBindings: final.bindings };
}

interface OutputComparison {
  ok: boolean;
  bindings: Bindings;
  diff: string[];
}

function trimOutput(lines: readonly string[]): string[] {
  const out = lines.map((l) => l.trimEnd());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  while (out.length > 0 && out[0] === '') out.shift();
  return out;
}

/** Compares whole outputs: segment by segment when both have the same shape, else as text. */
function compareOutputs(expectedLines: readonly string[], actualLines: readonly string[], bindings: Bindings): OutputComparison {
  const expected = trimOutput(expectedLines);
  const actual = trimOutput(actualLines);
  const expectedSegments = segmentOutput(expected);
  const actualSegments = segmentOutput(actual);
  const sameShape = expectedSegments.length === actualSegments.length
    && expectedSegments.every((s, i) => s.kind === actualSegments[i].kind);
  if (!sameShape) return compareText(expected, actual, bindings);

  let current = bindings;
  let ok = true;
  const diff: string[] = [];
  expectedSegments.forEach((segment, i) => {
    const other = actualSegments[i];
    const result = segment.kind === 'table' && other.kind === 'table'
      ? compareTable(segment, other, current)
      : compareText(segmentLines(segment), segmentLines(other), current);
    current = result.bindings;
    ok &&= result.ok;
    diff.push(...result.diff);
  });
  return { ok, bindings: current, diff };
}

function segmentLines(segment: ReturnType<typeof segmentOutput>[number]): string[] {
  return segment.kind === 'table' ? [segment.header, ...segment.rows] : segment.lines;
}

/**
 * Compares text lines in order. Lines of the same normalized form may also
 * trade places, because lines like `pod "web-b4x9z" deleted` are sorted by
 * the actual names. So when both outputs have the same normalized lines in
 * the same order, lines are paired as table rows are.
 */
function compareText(expected: string[], actual: string[], bindings: Bindings): OutputComparison {
  const result = diffLines(expected, actual, bindings);
  if (result.diff.length === 0) return { ok: true, bindings: result.bindings, diff: [] };

  const keys = (lines: string[]) => lines.map(normalizedKey).join('\n');
  if (expected.length === actual.length && keys(expected) === keys(actual)) {
    const paired = pairAllRows(expected, actual, bindings);
    if (paired) return { ok: true, bindings: paired.bindings, diff: [] };
  }
  return { ok: false, bindings: result.bindings, diff: result.diff };
}

/** Budget of line comparisons for the search of a row pairing, so huge tables stay fast. */
const PAIRING_BUDGET = 20_000;

/** Compares tables: headers cell by cell, rows as a multiset paired under the bindings. */
function compareTable(expected: TableSegment, actual: TableSegment, bindings: Bindings): OutputComparison {
  const header = compareLines(expected.header, actual.header, bindings);
  const headerOk = linesMatch(header);

  const full = headerOk ? pairAllRows(expected.rows, actual.rows, bindings) : undefined;
  if (full) {
    const grouped = groupInterchangeableRows(expected.rows, actual.rows, full.pairs, full.bindings, bindings);
    return { ok: true, bindings: grouped, diff: [] };
  }

  const partial = pairRowsLoosely(expected.rows, actual.rows, header.bindings);
  const diff = diffTable(expected.header, actual.header, headerOk ? undefined : header, partial.paired, partial.extraActual);
  const exact = partial.partner.flatMap((k, i) => (k === undefined ? [] : [i]));
  const grouped = groupInterchangeableRows(
    exact.map((i) => expected.rows[i]), actual.rows, exact.map((i) => partial.partner[i]!), partial.bindings, bindings,
  );
  return { ok: false, bindings: grouped, diff };
}

/** Finds a pairing in which every expected row matches its actual row, or undefined. */
function pairAllRows(
  expected: string[], actual: string[], bindings: Bindings,
): { pairs: number[]; bindings: Bindings } | undefined {
  if (expected.length !== actual.length) return undefined;
  const pairs: number[] = [];
  const used = new Set<number>();
  let budget = PAIRING_BUDGET;

  const search = (i: number, current: Bindings): Bindings | undefined => {
    if (i === expected.length) return current;
    // Same position first: both sides are sorted by name, and CronJob job names
    // sort by schedule time, so rows in the same place are the likeliest pair.
    const candidates = [i, ...actual.keys()].filter((k, n) => k < actual.length && (n === 0 || k !== i));
    for (const k of candidates) {
      if (used.has(k)) continue;
      if (--budget < 0) return undefined;
      const row = compareLines(expected[i], actual[k], current);
      if (!linesMatch(row)) continue;
      used.add(k);
      pairs[i] = k;
      const found = search(i + 1, row.bindings);
      if (found) return found;
      used.delete(k);
    }
    return undefined;
  };

  const found = search(0, bindings);
  return found ? { pairs, bindings: found } : undefined;
}

/**
 * Pairs rows for the diff when no full match exists. Rows that match
 * exactly pair first. Each remaining expected row then pairs with the unused
 * actual row that has the same first cell (the row's name) and agrees on the
 * most cells, at least half of them. `partner` contains the actual row of each
 * exactly matching expected row, so those rows can still form binding groups.
 */
function pairRowsLoosely(
  expected: string[], actual: string[], bindings: Bindings,
): { paired: PairedRow[]; partner: Array<number | undefined>; extraActual: string[]; bindings: Bindings } {
  let current = bindings;
  const partner: Array<number | undefined> = expected.map(() => undefined);
  const used = new Set<number>();

  expected.forEach((row, i) => {
    for (let k = 0; k < actual.length; k++) {
      if (used.has(k)) continue;
      const result = compareLines(row, actual[k], current);
      if (!linesMatch(result)) continue;
      current = result.bindings;
      partner[i] = k;
      used.add(k);
      return;
    }
  });

  const paired: PairedRow[] = expected.map((row, i) => {
    if (partner[i] !== undefined) return { expected: row, actual: actual[partner[i]!] };
    let best: { k: number; differing: number[]; bindings: Bindings } | undefined;
    const cells = splitCells(row).length;
    for (let k = 0; k < actual.length; k++) {
      if (used.has(k)) continue;
      const result = compareLines(row, actual[k], current);
      if (result.differing.includes(0) || result.differing.length * 2 > cells) continue;
      if (!best || result.differing.length < best.differing.length) best = { k, ...result };
    }
    if (!best) return { expected: row };
    used.add(best.k);
    current = best.bindings;
    return { expected: row, actual: actual[best.k], differing: best.differing };
  });

  const extraActual = actual.filter((_, k) => !used.has(k));
  return { paired, partner, extraActual, bindings: current };
}

/**
 * Turns rows that only differ in a fresh generated name into an open
 * binding group, so a later table that distinguishes them (by node or IP)
 * can still pair them. See Bindings.
 *
 * NOTE: a group member is one segment, so rows whose names have two fresh
 * segments (a new CronJob job's pod) are not grouped and stay pinned in
 * listing order.
 */
function groupInterchangeableRows(
  expected: string[], actual: string[], pairs: number[], bindings: Bindings, before: Bindings,
): Bindings {
  const open = new Set(boundKeys(before).filter((key) => !(key in before.values)));
  const classes = new Map<string, string[]>();
  expected.forEach((row, i) => {
    const name = lastGeneratedSegment(splitCells(row)[0] ?? '');
    if (!name || (name in before.values && !open.has(name))) return;
    const signature = `${rowSignature(row)}\n${rowSignature(actual[pairs[i]])}`;
    classes.set(signature, [...(classes.get(signature) ?? []), name]);
  });

  let grouped = bindings;
  for (const members of classes.values()) grouped = openGroup(grouped, members);
  return grouped;
}

function lastGeneratedSegment(cell: string): string | undefined {
  return splitGeneratedName(cell)?.segments.at(-1);
}

/** Blanks a row's last name segment and its ages, so interchangeable rows get equal signatures. */
function rowSignature(row: string): string {
  const cells = splitCells(row);
  const name = splitGeneratedName(cells[0] ?? '');
  if (name) cells[0] = [name.base, ...name.segments.slice(0, -1)].join('-');
  return cells.map((cell) => cell.split(' ').map((w) => (isAge(w) ? '<age>' : w)).join(' ')).join('\t');
}
