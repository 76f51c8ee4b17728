/**
 * Formats a replay's outcome: one line per step (`✓` match, `≈` transient,
 * `✗` differ, `○` skipped), a compact diff under each `✗`, and totals in
 * which transient steps are counted apart from matches. The CLI decides
 * whether to colour (a TTY) and whether to print JSON.
 */

import { Chalk, type ChalkInstance } from 'chalk';
import type { Step } from './parse';

/** Outcome of one step: the match verdicts plus `skipped` for steps not compared. */
export type StepStatus = 'match' | 'transient' | 'differ' | 'skipped';

/** Outcome of one step of the replay. */
export interface StepOutcome {
  step: Step;
  status: StepStatus;
  /** The command as run after rewriting names and IPs, when it differs from the transcript's. */
  ranCommand?: string;
  /** For `differ`: the diff lines from matchOutput. */
  diff?: string[];
  /** For `transient`: kubesim's output at the transcript's moment (the transcript's is the step's). */
  actual?: string[];
  /** For `transient`: kubesim's output at the other moment, the one that matched the transcript. */
  matched?: string[];
  /** For `skipped`: why the step was not compared (required); for others an optional remark. */
  reason?: string;
}

/** Step counts by status. */
export interface ReportTotals {
  steps: number;
  match: number;
  transient: number;
  differ: number;
  skipped: number;
}

/** Options of `formatReport`. */
export interface FormatOptions {
  /** Colour with ANSI escapes; default false. */
  color?: boolean;
}

/** Shape printed by `kubesim replay --json`. */
export interface ReportJson {
  totals: ReportTotals;
  steps: Array<{
    index: number;
    /** Transcript file of the step, when the replay read a folder. */
    file?: string;
    line: number;
    command: string;
    ranCommand?: string;
    status: StepStatus;
    diff?: string[];
    actual?: string[];
    matched?: string[];
    reason?: string;
    note?: string;
  }>;
}

const MARKS: Record<StepStatus, string> = { match: '✓', transient: '≈', differ: '✗', skipped: '○' };

/** Counts outcomes by status. */
export function summarizeOutcomes(outcomes: readonly StepOutcome[]): ReportTotals {
  const totals: ReportTotals = { steps: outcomes.length, match: 0, transient: 0, differ: 0, skipped: 0 };
  for (const outcome of outcomes) totals[outcome.status]++;
  return totals;
}

/** Formats the human-readable report, ending with a newline. */
export function formatReport(outcomes: readonly StepOutcome[], opts: FormatOptions = {}): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const width = String(Math.max(0, ...outcomes.map((o) => o.step.index))).length;
  const lines: string[] = [];

  let file: string | undefined;
  for (const outcome of outcomes) {
    const { step, status } = outcome;
    if (step.file && step.file !== file) {
      file = step.file;
      lines.push(chalk.bold(`${file}:`));
    }
    const number = String(step.index).padStart(width);
    const remark = outcome.reason ? chalk.dim(`  (${outcome.reason})`) : '';
    lines.push(`${paintMark(chalk, status)} ${number}  ${step.command}${remark}`);
    const indent = ' '.repeat(width + 4);
    if (status === 'transient' && outcome.actual) {
      lines.push(`${indent}${chalk.dim('transcript:')}`);
      for (const line of step.expectedOutput) lines.push(`${indent}  ${line}`);
      if (outcome.matched) {
        lines.push(`${indent}${chalk.dim('kubesim when it matched:')}`);
        for (const line of outcome.matched) lines.push(`${indent}  ${line}`);
      }
      lines.push(`${indent}${chalk.dim("kubesim at the transcript's moment:")}`);
      for (const line of outcome.actual) lines.push(`${indent}  ${line}`);
    }
    if (status !== 'differ') continue;

    if (outcome.ranCommand && outcome.ranCommand !== step.command) {
      lines.push(`${indent}${chalk.dim(`ran: ${outcome.ranCommand}`)}`);
    }
    for (const line of outcome.diff ?? []) lines.push(indent + paintDiffLine(chalk, line));
  }

  lines.push('', formatTotals(summarizeOutcomes(outcomes)));
  return lines.join('\n') + '\n';
}

/** Formats the totals line: `12 steps: 8 ✓ match, 2 ≈ transient, 1 ✗ differ, 1 ○ skipped`. */
export function formatTotals(totals: ReportTotals): string {
  const parts = (['match', 'transient', 'differ', 'skipped'] as const).map((s) => `${totals[s]} ${MARKS[s]} ${s}`);
  return `${totals.steps} ${totals.steps === 1 ? 'step' : 'steps'}: ${parts.join(', ')}`;
}

/** Builds the `--json` report. */
export function reportToJson(outcomes: readonly StepOutcome[]): ReportJson {
  return {
    totals: summarizeOutcomes(outcomes),
    steps: outcomes.map(({ step, status, ranCommand, diff, actual, matched, reason }) => ({
      index: step.index,
      ...(step.file ? { file: step.file } : {}),
      line: step.line,
      command: step.command,
      ...(ranCommand !== undefined && ranCommand !== step.command ? { ranCommand } : {}),
      status,
      ...(diff && diff.length > 0 ? { diff } : {}),
      ...(actual ? { actual } : {}),
      ...(matched ? { matched } : {}),
      ...(reason ? { reason } : {}),
      ...(step.note ? { note: step.note } : {}),
    })),
  };
}

function paintMark(chalk: ChalkInstance, status: StepStatus): string {
  const mark = MARKS[status];
  if (status === 'match') return chalk.green(mark);
  if (status === 'transient') return chalk.cyan(mark);
  if (status === 'differ') return chalk.red(mark);
  return chalk.gray(mark);
}

function paintDiffLine(chalk: ChalkInstance, line: string): string {
  if (line.startsWith('- ')) return chalk.red(line);
  if (line.startsWith('+ ')) return chalk.green(line);
  if (line.trimStart().startsWith('^')) return chalk.yellow(line);
  return chalk.dim(line);
}
