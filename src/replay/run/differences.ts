/**
 * Differences a replay can explain but not reproduce, tried in order after
 * a step's output differs. Each rule rewrites the expected and actual
 * output to leave out one kind of difference and gives the reason. The step counts
 * as skipped with those reasons only when everything else then matches.
 */
import { boundKeys, type Bindings } from '../bindings';
import { matchOutput } from '../match';
import { segmentOutput, splitCells } from '../table';
import { splitGeneratedName } from '../tokens';

/** Expected and actual output after the rules so far, with their reasons. */
export interface Explained {
  expected: string[];
  actual: string[];
  reasons: string[];
}

type Rule = (state: Explained, bindings: Bindings) => Explained | undefined;

/**
 * Applies the rules one after another, keeping each that changes something.
 * Returns the reasons and bindings once the rest matches, else undefined.
 */
export function explainDifference(
  expected: string[], actual: string[], bindings: Bindings,
): { reasons: string[]; bindings: Bindings } | undefined {
  let state: Explained = { expected, actual, reasons: [] };
  for (const rule of [replacedPods, placement, revisionOffset]) {
    const next = rule(state, bindings);
    if (!next) continue;
    state = next;
    const result = matchOutput(state.expected, state.actual, bindings);
    if (result.verdict === 'match') return { reasons: state.reasons, bindings: result.newBindings };
  }
  return undefined;
}

/** Rebuilds table rows with the cells of one column replaced. */
function mapColumn(lines: string[], column: string, map: (cell: string) => string): string[] {
  const out = [...lines];
  for (const segment of segmentOutput(lines)) {
    if (segment.kind !== 'table') continue;
    const header = splitCells(segment.header);
    const index = header.indexOf(column);
    if (index < 0) continue;
    segment.rows.forEach((row, n) => {
      const cells = splitCells(row);
      if (cells.length !== header.length) return;
      cells[index] = map(cells[index]);
      out[segment.start + 1 + n] = cells.join('   ');
    });
  }
  return out;
}

/**
 * Pods on other nodes: the scheduler breaks ties between equally loaded
 * nodes at random, so the same pods may land elsewhere. The NODE column is
 * left out; IPs still bind pod by pod.
 */
const placement: Rule = (state) => {
  const nodes = (lines: string[]) => {
    const seen: string[] = [];
    mapColumn(lines, 'NODE', (cell) => {
      seen.push(cell);
      return cell;
    });
    return seen;
  };
  const before = nodes(state.expected);
  if (before.length === 0) return undefined;
  const count = (list: string[]) => [...new Set(list)].sort().map((n) => `${n} ×${list.filter((x) => x === n).length}`).join(', ');
  return {
    expected: mapColumn(state.expected, 'NODE', () => '<node>'),
    actual: mapColumn(state.actual, 'NODE', () => '<node>'),
    reasons: [...state.reasons, `pods landed on other nodes (transcript: ${count(before)}; kubesim: ${count(nodes(state.actual))}), because the scheduler breaks ties between equally loaded nodes at random`],
  };
};

/**
 * Matches a pod replaced outside the transcript: the transcript lists a
 * new pod (a name never seen) where kubesim still has the pod that the
 * transcript showed earlier under another name with the same base name.
 */
const replacedPods: Rule = (state, bindings) => {
  const known = new Set(boundKeys(bindings));
  const reverse = new Map(Object.entries(bindings.values).map(([e, a]) => [a, e]));
  const expectedNames = new Set(namesOf(state.expected));
  const fresh = namesOf(state.expected).filter((name) => {
    const generated = splitGeneratedName(name);
    return generated && generated.base !== '' && !generated.segments.some((s) => known.has(s));
  });
  const pairs: Array<[string, string]> = [];
  for (const name of fresh) {
    const base = splitGeneratedName(name)!.base;
    const stale = namesOf(state.actual).find((actual) => {
      const generated = splitGeneratedName(actual);
      if (!generated || generated.base !== base) return false;
      const was = generated.segments.map((s) => reverse.get(s));
      if (was.some((s) => s === undefined)) return false;
      const old = [base, ...was].join('-');
      return !expectedNames.has(old) && !pairs.some(([, a]) => a === actual);
    });
    if (stale) pairs.push([name, stale]);
  }
  if (pairs.length === 0) return undefined;
  const drop = (lines: string[], names: string[]) => lines.filter((line) => !names.includes(splitCells(line)[0]));
  const described = pairs.map(([name, actual]) => {
    const generated = splitGeneratedName(actual)!;
    const old = [generated.base, ...generated.segments.map((s) => reverse.get(s))].join('-');
    return `${name} replaced ${old}`;
  });
  return {
    expected: drop(state.expected, pairs.map(([e]) => e)),
    actual: drop(state.actual, pairs.map(([, a]) => a)),
    reasons: [...state.reasons, `the transcript shows a pod replaced for a reason it does not show (${described.join(', ')}); kubesim still runs the earlier pod`],
  };
};

/**
 * Revisions made off-screen: `rollout history` lists the same rollouts
 * with numbers higher by a constant, so the author made that many more
 * revisions than the transcript shows.
 */
const revisionOffset: Rule = (state) => {
  const revisions = (lines: string[]) => {
    const seen: number[] = [];
    mapColumn(lines, 'REVISION', (cell) => {
      seen.push(Number(cell));
      return cell;
    });
    return seen;
  };
  const expected = revisions(state.expected);
  const actual = revisions(state.actual);
  if (expected.length === 0 || expected.length !== actual.length || expected.some(Number.isNaN) || actual.some(Number.isNaN)) return undefined;
  const offset = expected[0] - actual[0];
  if (offset <= 0 || expected.some((n, i) => n - actual[i] !== offset)) return undefined;
  return {
    expected: mapColumn(state.expected, 'REVISION', () => '<revision>'),
    actual: mapColumn(state.actual, 'REVISION', () => '<revision>'),
    reasons: [...state.reasons, `revisions ${expected.join(', ')} are ${offset} higher than kubesim's ${actual.join(', ')}: the author made ${offset} more rollouts than the transcript shows`],
  };
};

function namesOf(lines: string[]): string[] {
  const names: string[] = [];
  for (const segment of segmentOutput(lines)) {
    if (segment.kind === 'table') for (const row of segment.rows) names.push(splitCells(row)[0]);
  }
  return names;
}
