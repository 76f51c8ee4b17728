/**
 * Runs the steps of a transcript one by one against a cluster and judges
 * each step's output. The steps are kubectl commands, curl, `echo $?`,
 * docker image loads, editor writes and shell variables. The rules for time
 * (in timeline.ts: ages move the clock, gaps with restarts reboot nodes) and for
 * honest skips are documented in README.md next to this file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cluster } from '../../engine/cluster.js';
import { EMPTY_BINDINGS, matchOutput, type Bindings } from '../match';
import type { Step } from '../parse';
import type { StepOutcome } from '../report';
import { rewriteCommand } from '../rewrite';
import { formatMs } from './clock';
import type { Exec, ExecResult } from './exec';
import { alignCronJobPhase } from './cron-phase';
import { explainDifference } from './differences';
import { foreignReason, kindWord, NameLedger, withoutNames } from './explain';
import { emulateWatch, watchPlan } from './follow';
import { updatePlacementHints } from './placement';
import { parseAssignment, splitWords, type Variables } from './shell-words';
import { parseFilter, pipeExec, splitPipeline, type Filter } from './pipes';
import { describeEdit, useShownImages, type ShownImageEdit } from './shown-image';
import { LOOKAHEAD_MS, READ_ONLY, Timeline, type Wrap } from './timeline';

/** Simulated time a `rollout status` without `--timeout` may wait. */
const ROLLOUT_LIMIT = '10m';

/** Environment of a replay: its cluster, its working folder and the prompt of the main session. */
export interface ReplayEnv {
  cluster: Cluster;
  exec: Exec;
  workDir: string;
  /** Prompt of most steps; steps with another prompt come from elsewhere. */
  dominantPrompt?: string;
  /** Every step of the transcript, so a step can look at what later steps show. */
  steps?: readonly Step[];
  /** Name of the cluster, for copies that look ahead in time. */
  clusterName?: string;
}

/** Runs steps in order, keeping the bindings, shell variables and last exit status between them. */
export class Replayer {
  bindings: Bindings = EMPTY_BINDINGS;
  private readonly vars: Variables = new Map();
  private lastExit = 0;
  private readonly ledger = new NameLedger();
  private readonly timeline: Timeline;

  constructor(private readonly env: ReplayEnv) {
    this.timeline = new Timeline(env, () => this.bindings);
  }

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
    const parts = splitPipeline(rewritten.command);
    const wrap = await this.pipeline(parts.slice(1));
    if (typeof wrap === 'string') return { step, status: 'skipped', reason: wrap, ranCommand: rewritten.command };
    const split = await splitWords(parts[0], this.vars, (inner) => this.substitute(inner));
    if (!split.ok) return { step, status: 'skipped', reason: split.reason, ranCommand: rewritten.command };
    const words = split.words[0] === 'sudo' ? split.words.slice(1) : split.words;
    const argv = step.kind === 'curl' ? words : words.slice(1);
    const ran = step.kind === 'curl' ? `kubesim ${argv.join(' ')}` : rewritten.command;
    if (step.kind === 'curl' && words[0] !== 'curl') return { step, status: 'skipped', reason: `kubesim has no ${words[0]}; use curl`, ranCommand: ran };

    const url = argv.find((w, i) => /^https?:\/\//.test(w) && ['-f', '--filename'].includes(argv[i - 1] ?? ''));
    const snapshots: string[][] = [];
    const readOnly = step.kind === 'kubectl' && READ_ONLY.has(argv.find((w) => !w.startsWith('-')) ?? '') && !watchPlan(argv);
    let reason: string | undefined;
    let edits: ShownImageEdit[] = [];
    if (readOnly) {
      reason = await this.timeline.alignClock(step, argv, snapshots, wrap);
    } else {
      const before = await this.timeline.timeBefore(step);
      if (this.env.steps) updatePlacementHints(this.env.cluster.store, this.env.steps, step.index, this.bindings);
      const cron = await alignCronJobPhase(this.env, step, argv);
      if (step.kind === 'kubectl' && this.env.steps) edits = useShownImages(this.env.workDir, this.env.steps, step, argv);
      reason = [before, cron, ...edits.map(describeEdit)].filter(Boolean).join('; ') || undefined;
    }
    if (argv.find((w) => !w.startsWith('-')) === 'edit' && step.kind === 'kubectl') {
      return { step, status: 'skipped', reason: 'kubectl edit opens an editor; replay does not run interactive commands', ranCommand: ran };
    }
    if (argv.find((w) => !w.startsWith('-')) === 'port-forward' && step.kind === 'kubectl') {
      return { step, status: 'skipped', reason: 'kubectl port-forward serves until it is interrupted; replay does not open local ports', ranCommand: ran };
    }
    const watch = step.kind === 'kubectl' ? watchPlan(argv) : undefined;
    let result: ExecResult;
    if (watch) {
      const lines = await emulateWatch(this.env.cluster, wrap(this.env.exec), watch, step.expectedOutput.length, LOOKAHEAD_MS);
      result = { lines, stdout: lines.join('\n'), exitCode: 0 };
      reason = `${watch.mode === 'watch' ? 'watched' : 'followed'} by moving the clock until the output was as long as the transcript's`;
    } else {
      // A rollout that never finishes would hold the replay forever; 10 simulated minutes is the limit.
      const endless = argv[0] === 'rollout' && argv.includes('status') && !argv.some((w) => w.startsWith('--timeout'));
      try {
        result = await wrap(this.env.exec)(endless ? [...argv, `--timeout=${ROLLOUT_LIMIT}`] : argv, step.stdin);
      } finally {
        for (const edit of edits) edit.restore();
      }
      if (endless && result.lines.some((l) => l.includes('timed out'))) reason = `ran with --timeout=${ROLLOUT_LIMIT} of simulated time, because the rollout did not finish`;
    }
    this.lastExit = result.exitCode;
    if (url) {
      return {
        step, status: 'skipped', ranCommand: ran,
        reason: `reads its manifest from ${url}; kubesim runs offline, so it failed (${result.lines[0] ?? `exit status ${result.exitCode}`})`,
      };
    }
    const outcome = await this.judge(step, result.lines, result.exitCode, snapshots, readOnly ? { argv, wrap } : undefined);
    outcome.ranCommand = ran;
    if (reason && outcome.status !== 'skipped') outcome.reason = outcome.reason ? `${reason}; ${outcome.reason}` : reason;
    return outcome;
  }

  /** Builds the output filters of a pipeline's later parts, or returns why they cannot run. */
  private async pipeline(filters: string[]): Promise<Wrap | string> {
    if (filters.length === 0) return (exec) => exec;
    const built: Filter[] = [];
    for (const part of filters) {
      const split = await splitWords(part, this.vars, (inner) => this.substitute(inner));
      if (!split.ok) return split.reason;
      const filter = parseFilter(split.words);
      if (typeof filter === 'string') return filter;
      built.push(filter);
    }
    const lastIsGrep = filters[filters.length - 1].startsWith('grep');
    return (exec) => pipeExec(exec, built, lastIsGrep);
  }

  /** Runs the inside of `$(...)`: only kubectl commands, through kubesim. */
  private async substitute(inner: string): Promise<string> {
    const split = await splitWords(inner.trim(), this.vars, (deeper) => this.substitute(deeper));
    if (!split.ok || !['kubectl', 'kubesim'].includes(split.words[0] ?? '')) return '';
    const result = await this.env.exec(split.words.slice(1));
    return result.stdout;
  }


  /** Compares a step's output with the transcript's; see README.md next to this file for the order of the rules. */
  private async judge(
    step: Step, actual: string[], exitCode: number, snapshots: string[][], rerun?: { argv: string[]; wrap: Wrap },
  ): Promise<StepOutcome> {
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
      const found = await this.timeline.lookAhead(effective, rerun.argv, rerun.wrap);
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
      reasons.push(foreignReason(kindWord(rerun?.argv ?? step.command.split(/\s+/).slice(1)), foreign));
    }
    if (explained) reasons.push(...explained.reasons);
    if (reasons.length > 0) return { step, status: 'skipped', reason: reasons.join('; ') };
    if (later) {
      return { step, status: 'transient', actual: atMoment, matched: actual, reason: `kubesim reached this state ${formatMs(later.ms)} later than the transcript's moment` };
    }
    if (result.verdict === 'transient') {
      const matched = result.snapshot === undefined ? undefined : snapshots[result.snapshot];
      return { step, status: 'transient', actual: atMoment, matched, reason: 'kubesim passed through this state while the clock moved to the transcript\'s moment' };
    }
    if (result.verdict === 'match') return { step, status: 'match' };
    if (!this.fromMainSession(step)) {
      return {
        step, status: 'skipped',
        reason: `differs, but its prompt "${step.prompt}" is not the session's "${this.env.dominantPrompt}": the output comes from another cluster (an example quoted from elsewhere)`,
      };
    }
    // Rows set aside as foreign did not explain the difference, so the diff shows them too.
    const diff = effective === expected ? result.diff : matchOutput(expected, actual, this.bindings).diff;
    return { step, status: 'differ', diff };
  }

  private fromMainSession(step: Step): boolean {
    return !this.env.dominantPrompt || step.prompt === '' || step.prompt === this.env.dominantPrompt;
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
    // `cat <<EOF | kubectl apply -f -` feeds the heredoc to kubectl, as `kubectl apply -f - <<EOF` does.
    const piped = /^cat\s+<<-?\s*(['"]?)[A-Za-z_][\w-]*\1\s*\|\s*((?:kubectl|kubesim)\s.+)$/.exec(step.command);
    if (piped && step.stdin !== undefined) {
      const outcome = await this.command({ ...step, command: piped[2], kind: 'kubectl' });
      return { ...outcome, step, ranCommand: outcome.ranCommand ?? piped[2] };
    }
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
