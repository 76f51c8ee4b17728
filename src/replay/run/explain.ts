/**
 * Honest reasons for steps a replay cannot reproduce. Each rule applies
 * only after a step's output differs. It names what in the transcript comes
 * from outside the transcript, so the step is reported as skipped with that
 * reason instead of failed, and never as matched.
 */
import { segmentOutput, splitCells } from '../table';
import { splitGeneratedName } from '../tokens';

/** Returns the object a line of output is about: a table row's NAME, or the name in `kind "name" verb` and `kind/name verb`. */
export function objectNameOf(line: string, isRow: boolean): string | undefined {
  if (isRow) return splitCells(line)[0];
  const m = /^[a-z][a-z0-9.-]*(?: "([^"]+)"|\/(\S+)) [a-z]/.exec(line.trim());
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Object names of an output, each with its line index. */
export function namedLines(lines: readonly string[]): Array<{ index: number; name: string }> {
  const named: Array<{ index: number; name: string }> = [];
  for (const segment of segmentOutput(lines)) {
    if (segment.kind === 'table') {
      // Only tables of objects: `rollout history` rows start with a revision number.
      if (splitCells(segment.header)[0] !== 'NAME') continue;
      segment.rows.forEach((row, n) => {
        const name = objectNameOf(row, true);
        if (name) named.push({ index: segment.start + 1 + n, name });
      });
    } else {
      segment.lines.forEach((line, n) => {
        const name = objectNameOf(line, false);
        if (name) named.push({ index: segment.start + n, name });
      });
    }
  }
  return named;
}

/** Returns the literal part of a name: `frontend` for `frontend-2t7r8`, else the name itself. */
export function baseName(name: string): string {
  const generated = splitGeneratedName(name);
  return generated && generated.base !== '' ? generated.base : name;
}

/**
 * Tracks the object names the replay has seen, so lines about objects the
 * transcript never created (pods left over from an earlier tutorial) can
 * be recognized.
 */
export class NameLedger {
  private readonly bases = new Set<string>();
  /** Names already reported as created before the transcript. */
  readonly foreign = new Set<string>();

  /** Records every object named in an actual output or a manifest. */
  see(lines: readonly string[]): void {
    for (const { name } of namedLines(lines)) this.bases.add(baseName(name));
  }

  seeName(name: string): void {
    this.bases.add(baseName(name));
  }

  /**
   * Names in `expected` that nothing in this replay created. A name counts
   * only if no actual output so far, no manifest and not the current output
   * named anything with its base.
   */
  foreignNames(expected: readonly string[], actual: readonly string[]): string[] {
    const current = new Set(namedLines(actual).map(({ name }) => baseName(name)));
    const names = namedLines(expected).map(({ name }) => name);
    return names.filter((name) => this.foreign.has(name) || (!this.bases.has(baseName(name)) && !current.has(baseName(name))));
  }
}

/** Expected output without the lines about `names`. */
export function withoutNames(expected: readonly string[], names: readonly string[]): string[] {
  const drop = new Set(namedLines(expected).filter(({ name }) => names.includes(name)).map(({ index }) => index));
  return expected.filter((_, i) => !drop.has(i));
}

/** Formats the reason for a step whose output includes objects from before the transcript. */
export function foreignReason(kind: string, names: readonly string[]): string {
  return `output includes ${kind} created before this transcript: ${names.join(', ')}; the other lines match`;
}

/** Returns a rough kind for the objects of a command, for reasons: `pods` for `kubectl get pod`. */
export function kindWord(argv: readonly string[]): string {
  const words = argv.filter((w) => !w.startsWith('-'));
  const resource = (words[1] ?? '').split(/[/.,]/)[0];
  const plural: Record<string, string> = { pod: 'pods', po: 'pods', pods: 'pods', rs: 'ReplicaSets', replicaset: 'ReplicaSets', deployment: 'Deployments', deploy: 'Deployments', job: 'Jobs', jobs: 'Jobs' };
  return plural[resource] ?? 'objects';
}
