/**
 * Runs the steps of a transcript one by one against a cluster and judges
 * each step's output. The steps are kubectl commands, curl, `echo $?`,
 * docker image loads, editor writes and shell variables. The rules for time
 * (ages move the clock, hours-long gaps with restarts reboot nodes) and for
 * honest skips are documented in README.md next to this file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cluster } from '../../engine/cluster.js';
import { EMPTY_BINDINGS, matchOutput, type Bindings, type MatchResult } from '../match';
import type { Step } from '../parse';
import type { StepOutcome } from '../report';
import { rewriteCommand } from '../rewrite';
import { ageMark, parseAge, parseAgeUpper, tableRecords } from './ages';
import { splitGeneratedName } from '../tokens';
import { advanceObserving, nextTimer } from './clock';
import type { Exec, ExecResult } from './exec';
import { alignCronJobPhase } from './cron-phase';
import { explainDifference } from './differences';
import { foreignReason, kindWord, NameLedger, withoutNames } from './explain';
import { updatePlacementHints } from './placement';
import { parseAssignment, splitWords, type Variables } from './shell-words';

/** Verbs that only read, so the replay may run them again to watch the clock. */
const READ_ONLY = new Set(['get', 'describe', 'logs', 'log', 'explain', 'top', 'api-resources', 'api-versions', 'version', 'cluster-info']);
/** Maximum single move of the clock that ages may cause. */
export const MAX_ADVANCE_MS = 48 * 3_600_000;
/** A move of the clock at least this long counts as a gap between sessions (a night, a reboot). */
export const SESSION_GAP_MS = 3_600_000;
/** How far past the transcript's moment a differing read may look for a matching state. */
export const LOOKAHEAD_MS = 120_000;

/** Environment of a replay: its cluster, its working folder and the prompt of the main session. */
export interface ReplayEnv {
  cluster: Cluster;
  exec: Exec;
  workDir: string;
  /** Prompt of most steps; steps with another prompt come from elsewhere. */
  dominantPrompt?: string;
  /** Every step of the transcript, so a step can look at what later steps show. */
  steps?: readonly Step[];
}

/** Runs steps in order, keeping the bindings, shell variables and last exit status between them. */
export class Replayer {
  bindings: Bindings = EMPTY_BINDINGS;
  private readonly vars: Variables = new Map();
  private lastExit = 0;
  private readonly ledger = new NameLedger();
  /** Clock moved in long jumps since the last table that showed restart counts. */
  private gapMs = 0;

  constructor(private readonly env: ReplayEnv) {}

  /** Marks names from the manifests as created by this transcript. */
  knowNames(names: readonly string[]): void {
    for (const name of names) this.ledger.seeName(name);
  }

  async run(step: Step): Promise<StepOutcome> {
    switch (step.kind) {
      case 'editor':
        return this.editor(step);
      case 'kubectl':
      case 'curl':
        return this.command(step);
      case 'echo-status':
        return this.judge(step, [String(this.lastExit)], 0, []);
      case 'docker':
        return this.docker(step);
      default:
        return this.shell(step);
    }
  }

  private editor(step: Step): StepOutcome {
    if (!step.writesFile) return { step, status: 'skipped', reason: 'the transcript does not show what was written to the file' };
    writeFileSync(join(this.env.workDir, step.writesFile.path), step.writesFile.content);
    return { step, status: 'match', reason: `wrote ${step.writesFile.path}` };
  }

  private async command(step: Step): Promise<StepOutcome> {
    const rewritten = rewriteCommand(step.command, this.bindings);
    this.bindings = rewritten.bindings;
    const split = await splitWords(rewritten.command, this.vars, (inner) => this.substitute(inner));
    if (!split.ok) return { step, status: 'skipped', reason: split.reason, ranCommand: rewritten.command };
    const words = split.words[0] === 'sudo' ? split.words.slice(1) : split.words;
    const argv = step.kind === 'curl' ? words : words.slice(1);
    const ran = step.kind === 'curl' ? `kubesim ${argv.join(' ')}` : rewritten.command;
    if (step.kind === 'curl' && words[0] !== 'curl') return { step, status: 'skipped', reason: `kubesim has no ${words[0]}; use curl`, ranCommand: ran };

    const url = argv.find((w, i) => /^https?:\/\//.test(w) && ['-f', '--filename'].includes(argv[i - 1] ?? ''));
    const snapshots: string[][] = [];
    const readOnly = step.kind === 'kubectl' && READ_ONLY.has(argv.find((w) => !w.startsWith('-')) ?? '');
    let reason: string | undefined;
    if (readOnly) {
      reason = await this.alignClock(step, argv, snapshots);
    } else {
      const before = await this.timeBefore(step);
      if (this.env.steps) updatePlacementHints(this.env.cluster.store, this.env.steps, step.index, this.bindings);
      const cron = await alignCronJobPhase(this.env, step, argv);
      reason = [before, cron].filter(Boolean).join('; ') || undefined;
    }
    const result = await this.env.exec(argv, step.stdin);
    this.lastExit = result.exitCode;
    if (url) {
      return {
        step, status: 'skipped', ranCommand: ran,
        reason: `reads its manifest from ${url}; kubesim runs offline, so it failed (${result.lines[0] ?? `exit status ${result.exitCode}`})`,
      };
    }
    const outcome = await this.judge(step, result.lines, result.exitCode, snapshots, readOnly ? argv : undefined);
    outcome.ranCommand = ran;
    if (reason && outcome.status !== 'skipped') outcome.reason = outcome.reason ? `${reason}; ${outcome.reason}` : reason;
    return outcome;
  }

  /** Runs the inside of `$(...)`: only kubectl commands, through kubesim. */
  private async substitute(inner: string): Promise<string> {
    const split = await splitWords(inner.trim(), this.vars, (deeper) => this.substitute(deeper));
    if (!split.ok || !['kubectl', 'kubesim'].includes(split.words[0] ?? '')) return '';
    const result = await this.env.exec(split.words.slice(1));
    return result.stdout;
  }

  /**
   * Moves the clock so the youngest object the step lists is as old as in
   * the transcript (for describe: its first event), at most MAX_ADVANCE_MS.
   * After a long gap it also reboots the nodes whose pods the transcript
   * shows with more restarts. Returns a remark for the report.
   */
  private async alignClock(step: Step, argv: string[], snapshots: string[][]): Promise<string | undefined> {
    const remarks: string[] = [];
    const want = ageMark(step.expectedOutput);
    if (want) {
      const before = (await this.env.exec(argv)).lines;
      const have = ageMark(before);
      let ms = have && have.mode === want.mode ? want.ms - have.ms : 0;
      ms = Math.min(Math.max(ms, this.knownAgeGap(step.expectedOutput, before)), MAX_ADVANCE_MS);
      if (ms > 0) {
        await this.advance(ms, argv, snapshots);
        if (ms >= 60_000) remarks.push(`clock moved ${formatMs(ms)}`);
      }
    }
    const rebooted = await this.rebootIfRestarted(step, argv, snapshots);
    if (rebooted.length > 0) remarks.push(`restart counts rose after a ${formatMs(rebooted[0].gap)} gap: rebooted ${rebooted.map((r) => r.node).join(', ')}`);
    return remarks.length > 0 ? remarks.join('; ') : undefined;
  }

  /**
   * Moves the clock before a step that changes the cluster, by the time the
   * transcript shows passing before it. The reads after the step (up to the
   * next change) show objects the replay has bound, older by some gap, and
   * objects created since, whose youngest age is time after the step. The
   * difference of the two passed before the step.
   */
  private async timeBefore(step: Step): Promise<string | undefined> {
    let ms = 0;
    for (const next of (this.env.steps ?? []).filter((s) => s.index > step.index)) {
      const words = next.kind === 'kubectl' ? rewriteCommand(next.command, this.bindings).command.split(/\s+/).slice(1) : [];
      const verb = words.find((w) => !w.startsWith('-'));
      if (!verb || !READ_ONLY.has(verb)) break;
      if (words.some((w) => /[$|;&<>`'"]/.test(w)) || !ageMark(next.expectedOutput)) continue;
      const actual = (await this.env.exec(words)).lines;
      const gap = this.knownAgeGap(next.expectedOutput, actual);
      const present = new Set(tableRecords(actual).map((r) => r.NAME));
      const fresh = tableRecords(next.expectedOutput)
        .filter((r) => r.NAME && r.AGE && !present.has(rewriteCommand(r.NAME, this.bindings).command))
        .map((r) => parseAge(r.AGE) ?? Infinity);
      const youngestFresh = fresh.length > 0 ? Math.min(...fresh) : 0;
      ms = Math.max(ms, gap - youngestFresh);
    }
    ms = Math.min(ms, MAX_ADVANCE_MS);
    if (ms <= 0) return undefined;
    await this.advance(ms);
    return ms >= 60_000 ? `clock moved ${formatMs(ms)} before this step` : undefined;
  }

  /**
   * Returns how much older the transcript shows objects the replay has already
   * bound than they are in kubesim (the largest such gap), or 0.
   */
  private knownAgeGap(expected: string[], actual: string[]): number {
    const ages = new Map(tableRecords(actual).filter((r) => r.NAME && r.AGE).map((r) => [r.NAME, parseAgeUpper(r.AGE)]));
    let gap = 0;
    for (const record of tableRecords(expected)) {
      if (!record.NAME || !record.AGE) continue;
      // A generated name counts only once bound: an unbound one names an object kubesim has under another name.
      const name = rewriteCommand(record.NAME, this.bindings).command;
      const mine = name === record.NAME && splitGeneratedName(record.NAME) ? undefined : ages.get(name);
      const theirs = parseAge(record.AGE);
      if (mine !== undefined && theirs !== undefined) gap = Math.max(gap, theirs - mine);
    }
    return gap;
  }

  /** Moves the clock by `ms`; with a command, snapshots its output after every timer on the way. */
  private async advance(ms: number, argv?: string[], snapshots: string[][] = []): Promise<void> {
    if (ms >= SESSION_GAP_MS) this.gapMs += ms;
    if (!argv) {
      await advanceObserving(this.env.cluster, ms, async () => undefined);
      return;
    }
    await advanceObserving(this.env.cluster, ms, async () => {
      const lines = (await this.env.exec(argv)).lines;
      const last = snapshots[snapshots.length - 1];
      if (!last || last.join('\n') !== lines.join('\n')) snapshots.push(lines);
    });
  }

  /**
   * Reboots the nodes that rebooted during a gap between sessions. The
   * first table with restart counts after the gap decides: a bound pod that
   * the transcript shows with more restarts than kubesim has means its node
   * restarted. The containers then get the time to start again.
   */
  private async rebootIfRestarted(step: Step, argv: string[], snapshots: string[][]): Promise<Array<{ node: string; gap: number }>> {
    if (this.gapMs < SESSION_GAP_MS) return [];
    const expectedRows = tableRecords(step.expectedOutput).filter((r) => 'RESTARTS' in r && 'NAME' in r);
    if (expectedRows.length === 0) return [];
    const gap = this.gapMs;
    this.gapMs = 0;
    const have = tableRecords((await this.env.exec(argv)).lines);
    const nodes = new Set<string>();
    for (const record of expectedRows) {
      const name = rewriteCommand(record.NAME, this.bindings).command;
      const actual = have.find((r) => r.NAME === name);
      if (!actual || parseInt(record.RESTARTS, 10) <= parseInt(actual.RESTARTS, 10)) continue;
      // The transcript's NODE column names the node that rebooted; kubesim's pod may sit elsewhere.
      const node = [record.NODE, actual.NODE, this.env.cluster.store.get('pods', 'default', name)?.spec?.nodeName]
        .find((n) => n && this.env.cluster.store.get('nodes', '', n));
      if (node) nodes.add(node);
    }
    for (const node of [...nodes].sort()) await this.env.exec(['node', 'reboot', node]);
    if (nodes.size > 0) await this.advance(this.env.cluster.settings.startMs + 1000, argv, snapshots);
    return [...nodes].sort().map((node) => ({ node, gap }));
  }

  /** Compares a step's output with the transcript's; see README.md next to this file for the order of the rules. */
  private async judge(step: Step, actual: string[], exitCode: number, snapshots: string[][], rerun?: string[]): Promise<StepOutcome> {
    const expected = step.expectedOutput;
    if (expected.length === 0 && actual.length > 0 && exitCode === 0) {
      this.ledger.see(actual);
      return { step, status: 'skipped', reason: `the transcript shows no output for this command; kubesim printed ${actual.length} ${actual.length === 1 ? 'line' : 'lines'}` };
    }
    const foreign = this.ledger.foreignNames(expected, actual);
    const effective = foreign.length > 0 ? withoutNames(expected, foreign) : expected;
    let result = matchOutput(effective, actual, this.bindings, { snapshots });
    let later: { ms: number } | undefined;
    const atMoment = actual;
    if (result.verdict === 'differ' && rerun && this.fromMainSession(step)) {
      const found = await this.lookAhead(effective, rerun);
      if (found) {
        result = found.result;
        later = { ms: found.ms };
        actual = found.lines;
      }
    }
    this.ledger.see(actual);
    const explained = result.verdict === 'differ' && this.fromMainSession(step)
      ? explainDifference(effective, actual, this.bindings)
      : undefined;
    if (this.fromMainSession(step)) this.bindings = explained?.bindings ?? result.newBindings;

    const reasons: string[] = [];
    if (foreign.length > 0 && (result.verdict !== 'differ' || explained)) {
      for (const name of foreign) this.ledger.foreign.add(name);
      reasons.push(foreignReason(kindWord(rerun ?? step.command.split(/\s+/).slice(1)), foreign));
    }
    if (explained) reasons.push(...explained.reasons);
    if (reasons.length > 0) return { step, status: 'skipped', reason: reasons.join('; ') };
    if (later) {
      return { step, status: 'transient', actual: atMoment, reason: `kubesim reached this state ${formatMs(later.ms)} later than the transcript's moment` };
    }
    if (result.verdict === 'transient') {
      return { step, status: 'transient', actual: atMoment, reason: 'kubesim passed through this state while the clock moved to the transcript\'s moment' };
    }
    if (result.verdict === 'match') return { step, status: 'match' };
    if (!this.fromMainSession(step)) {
      return {
        step, status: 'skipped',
        reason: `differs, but its prompt "${step.prompt}" is not the session's "${this.env.dominantPrompt}": the output comes from another cluster (an example quoted from elsewhere)`,
      };
    }
    return { step, status: 'differ', diff: result.diff };
  }

  private fromMainSession(step: Step): boolean {
    return !this.env.dominantPrompt || step.prompt === '' || step.prompt === this.env.dominantPrompt;
  }

  /** Runs the clock up to LOOKAHEAD_MS past now, re-running the read after each timer, until it matches. */
  private async lookAhead(expected: string[], argv: string[]): Promise<{ result: MatchResult; lines: string[]; ms: number } | undefined> {
    const cluster = this.env.cluster;
    const start = cluster.clockNow();
    const due = nextTimer(cluster);
    if (due === undefined || due > start + LOOKAHEAD_MS) return undefined;
    let found: { result: MatchResult; lines: string[] } | undefined;
    const stoppedAt = await advanceObserving(cluster, LOOKAHEAD_MS, async () => {
      const lines = (await this.env.exec(argv)).lines;
      const result = matchOutput(expected, lines, this.bindings);
      if (result.verdict === 'match') found = { result, lines };
      return found !== undefined;
    });
    return found && stoppedAt !== undefined ? { ...found, ms: stoppedAt - start } : undefined;
  }

  private async docker(step: Step): Promise<StepOutcome> {
    const words = step.command.split(/\s+/).filter((w) => w !== 'sudo');
    let image: string | undefined;
    if (words[0] === 'docker' && words[1] === 'tag' && words.length === 4) image = words[3];
    if (words[0] === 'docker' && words[1] === 'load') image = /^Loaded image: (\S+)$/.exec(step.expectedOutput.find((l) => l.startsWith('Loaded image: ')) ?? '')?.[1];
    if (!image) {
      const reason = words[1] === 'load' ? 'the transcript does not show which image docker load loaded' : `kubesim does not simulate \`${words.slice(0, 2).join(' ')}\``;
      return { step, status: 'skipped', reason: reason };
    }
    const result: ExecResult = await this.env.exec(['node', 'load-image', image]);
    this.lastExit = result.exitCode;
    if (result.exitCode !== 0) return { step, status: 'differ', diff: result.lines.map((l) => `+ ${l}`), ranCommand: `kubesim node load-image ${image}` };
    const shown = words[1] === 'load' ? [`Loaded image: ${image}`] : [];
    const outcome = await this.judge(step, shown, 0, []);
    return { ...outcome, ranCommand: `kubesim node load-image ${image}`, reason: outcome.reason ?? `loaded ${image} onto every node` };
  }

  private async shell(step: Step): Promise<StepOutcome> {
    const assignment = parseAssignment(step.command);
    if (assignment) {
      const split = await splitWords(assignment.value, this.vars, (inner) => this.substitute(inner));
      if (!split.ok) return { step, status: 'skipped', reason: split.reason };
      this.vars.set(assignment.name, split.words.join(' '));
      this.lastExit = 0;
      return this.judge(step, [], 0, []);
    }
    const cat = /^cat\s+([\w./-]+)$/.exec(step.command);
    if (cat) {
      let content: string;
      try {
        content = readFileSync(join(this.env.workDir, cat[1]), 'utf8');
      } catch {
        return { step, status: 'skipped', reason: `${cat[1]} is not a file the transcript wrote` };
      }
      return this.judge(step, content.replace(/\n$/, '').split('\n'), 0, []);
    }
    const word = step.command.split(/\s+/)[0];
    return { step, status: 'skipped', reason: `\`${word}\` runs on the author's machine, outside the cluster; kubesim does not run it` };
  }
}

/** `15h`, `2m30s`, `45s`: a duration for report remarks. */
export function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return m > 0 ? `${h}h${m}m` : `${h}h`;
  if (m > 0) return rest > 0 ? `${m}m${rest}s` : `${m}m`;
  return `${rest}s`;
}
