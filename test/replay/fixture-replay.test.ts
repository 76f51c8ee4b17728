import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_BINDINGS, matchOutput, type Bindings } from '../../src/replay/match';
import { parseTranscript, type Step } from '../../src/replay/parse';
import { rewriteCommand } from '../../src/replay/rewrite';
import { isHeaderLine, splitCells } from '../../src/replay/table';
import { isAge, SAFE_ALPHABET, splitGeneratedName, splitPieces } from '../../src/replay/tokens';

const FIXTURES = join(__dirname, '../../fixtures/tutorial');

/**
 * A stand-in for a second cluster that ran the same tutorial: every
 * generated name, IP and uid gets another value (hashes one character
 * longer), ages change, and table rows are re-sorted by the new names.
 */
class RenamingCluster {
  private readonly renamed = new Map<string, string>();
  private seed = 42;

  private random(n: number): number {
    this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
    return this.seed % n;
  }

  private fresh(value: string, make: () => string): string {
    let next = this.renamed.get(value);
    while (next === undefined || [...this.renamed.values()].includes(next) && this.renamed.get(value) !== next) {
      next = make();
    }
    this.renamed.set(value, next);
    return next;
  }

  private renameSegment(segment: string, cls: 'safe' | 'digits'): string {
    // Job names carry the schedule time, so their order survives renaming.
    if (cls === 'digits') return this.fresh(segment, () => String(Math.floor(Number(segment) / 60)));
    const length = segment.length === 5 ? 5 : 10;
    return this.fresh(segment, () => Array.from({ length }, () => SAFE_ALPHABET[this.random(SAFE_ALPHABET.length)]).join(''));
  }

  renameLine(line: string): string {
    return splitPieces(line).map((piece) => {
      if (piece.kind === 'ip') return this.fresh(piece.text, () => `10.244.${this.random(3)}.${100 + this.random(150)}`);
      if (piece.kind !== 'name') return piece.text;
      if (isAge(piece.text)) return '7s';
      const name = splitGeneratedName(piece.text);
      if (!name) return piece.text;
      const segments = name.segments.map((s, i) => this.renameSegment(s, name.classes[i]));
      return name.base === '' ? segments.join('-') : [name.base, ...segments].join('-');
    }).join('');
  }

  /**
   * Adopts the pairings the replay chose among interchangeable pods. When the
   * replay pinned transcript value T to actual value X, this cluster's T
   * becomes X, and whichever transcript value had X takes T's old value.
   * The set of pods stays the same. Only the transcript pod that each one
   * represents changes.
   */
  adopt(bindings: Bindings): void {
    for (const [value, theirs] of Object.entries(bindings.values)) {
      const mine = this.renamed.get(value);
      if (mine === undefined || mine === theirs) continue;
      const holder = [...this.renamed.entries()].find(([, renamed]) => renamed === theirs)?.[0];
      if (holder !== undefined) this.renamed.set(holder, mine);
      this.renamed.set(value, theirs);
    }
  }

  output(step: Step): string[] {
    const lines = step.expectedOutput.map((line) => this.renameLine(line));
    if (lines.length > 1 && isHeaderLine(lines[0])) {
      const rows = lines.slice(1).sort((a, b) => splitCells(a)[0].localeCompare(splitCells(b)[0]));
      return [lines[0], ...rows];
    }
    return lines;
  }
}

describe('replaying the tutorial fixtures on a renamed cluster', () => {
  const sections = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
  const steps = sections.flatMap((f) => parseTranscript(readFileSync(join(FIXTURES, f), 'utf8')).steps);

  it('matches every step and rewrites every command', () => {
    const cluster = new RenamingCluster();
    let bindings = EMPTY_BINDINGS;
    const verdicts: string[] = [];
    const commands: string[] = [];
    for (const step of steps) {
      const rewritten = rewriteCommand(step.command, bindings);
      cluster.adopt(rewritten.bindings);
      commands.push(rewritten.command === cluster.renameLine(step.command) ? 'ok' : `${step.command} -> ${rewritten.command}`);
      const result = matchOutput(step.expectedOutput, cluster.output(step), rewritten.bindings);
      verdicts.push(result.verdict === 'match' ? 'match' : `${step.command}: ${result.diff?.join('\n')}`);
      bindings = result.newBindings;
      cluster.adopt(bindings);
    }
    expect(verdicts.filter((v) => v !== 'match')).toEqual([]);
    expect(commands.filter((c) => c !== 'ok')).toEqual([]);
  });
});

describe('a changed READY count in the tutorial', () => {
  it('differs with a diff pointing at READY', () => {
    const steps = parseTranscript(readFileSync(join(FIXTURES, '02-deployment.txt'), 'utf8')).steps;
    const getRs = steps.find((s) => s.command === 'kubectl get rs')!;
    expect(getRs.expectedOutput).toEqual([
      'NAME                         DESIRED   CURRENT   READY   AGE',
      'nginx-deployment-5df65767f   3         3         3       97s',
    ]);
    const actual = ['NAME                          DESIRED   CURRENT   READY   AGE', 'nginx-deployment-7f8c9d4b66   3         3         2       5s'];
    const result = matchOutput(getRs.expectedOutput, actual, EMPTY_BINDINGS);
    expect(result.verdict).toBe('differ');
    expect(result.diff).toEqual([
      '  NAME                         DESIRED   CURRENT   READY   AGE',
      '- nginx-deployment-5df65767f   3         3         3       97s',
      '+ nginx-deployment-7f8c9d4b66   3         3         2       5s',
      `${' '.repeat(52)}^ READY`,
    ]);
  });
});
