/**
 * The replay's clock. It decides how far to move the clock before each
 * step, so kubesim's objects are as old as the transcript shows. It reboots
 * nodes after a gap between sessions, and it looks ahead for a state that
 * kubesim reaches a little later. README.md next to this file lists the rules.
 */
import type { Bindings, MatchResult } from '../match';
import { matchOutput } from '../match';
import type { Step } from '../parse';
import { rewriteCommand } from '../rewrite';
import { splitGeneratedName } from '../tokens';
import { ageMark, parseAge, parseAgeUpper, tableRecords } from './ages';
import { advanceObserving, formatMs, moveClockTo, nextTimer } from './clock';
import { readOnce } from './follow';
import { openProbe } from './probe';
import type { Exec } from './exec';
import type { ReplayEnv } from './replayer';

/** Turns a command runner into one that also filters its output (a pipeline); `same` leaves it alone. */
export type Wrap = (exec: Exec) => Exec;
const same: Wrap = (exec) => exec;

/** Verbs that only read, so the replay may run them again to watch the clock. */
export const READ_ONLY = new Set(['get', 'describe', 'logs', 'log', 'explain', 'top', 'api-resources', 'api-versions', 'version', 'cluster-info']);
/** Maximum single move of the clock that ages may cause. */
export const MAX_ADVANCE_MS = 48 * 3_600_000;
/** A move of the clock at least this long counts as a gap between sessions (a night, a reboot). */
export const SESSION_GAP_MS = 3_600_000;
/** How far past the transcript's moment a differing read may look for a matching state. */
export const LOOKAHEAD_MS = 120_000;

/** Moves a replay's clock; reads the current bindings through `bindings`. */
export class Timeline {
  /** Clock moved in long jumps since the last table that showed restart counts. */
  private gapMs = 0;

  constructor(
    private readonly env: ReplayEnv,
    private readonly bindings: () => Bindings,
  ) {}

  /**
   * Moves the clock so the youngest object the step lists is as old as in
   * the transcript (for describe: its first event), at most MAX_ADVANCE_MS.
   * After a long gap it also reboots the nodes whose pods the transcript
   * shows with more restarts. Returns a remark for the report.
   */
  async alignClock(step: Step, argv: string[], snapshots: string[][], wrap: Wrap = same): Promise<string | undefined> {
    const exec = wrap(this.env.exec);
    const remarks: string[] = [];
    const want = ageMark(step.expectedOutput);
    if (want) {
      const before = (await exec(argv)).lines;
      const have = ageMark(before);
      let ms = have && have.mode === want.mode ? want.ms - have.ms : 0;
      ms = Math.min(Math.max(ms, this.knownAgeGap(step.expectedOutput, before)), MAX_ADVANCE_MS);
      if (ms > 0) {
        await this.advance(ms, argv, snapshots, exec);
        if (ms >= 60_000) remarks.push(`clock moved ${formatMs(ms)}`);
      }
    }
    const rebooted = await this.rebootIfRestarted(step, argv, snapshots, exec);
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
  async timeBefore(step: Step): Promise<string | undefined> {
    let ms = 0;
    for (const next of (this.env.steps ?? []).filter((s) => s.index > step.index)) {
      const words = next.kind === 'kubectl' ? readOnce(rewriteCommand(next.command, this.bindings()).command.split(/\s+/).slice(1)) : [];
      const verb = words.find((w) => !w.startsWith('-'));
      if (!verb || !READ_ONLY.has(verb)) break;
      if (words.some((w) => /[$|;&<>`'"]/.test(w)) || !ageMark(next.expectedOutput)) continue;
      const actual = (await this.env.exec(words)).lines;
      const gap = this.knownAgeGap(next.expectedOutput, actual);
      const present = tableRecords(actual).map((r) => r.NAME).filter(Boolean);
      const fresh = tableRecords(next.expectedOutput)
        .filter((r) => r.NAME && r.AGE && this.knownName(r.NAME, present) === undefined)
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
      const name = this.knownName(record.NAME, [...ages.keys()]);
      const mine = name === undefined ? undefined : ages.get(name);
      const theirs = parseAge(record.AGE);
      if (mine !== undefined && theirs !== undefined) gap = Math.max(gap, theirs - mine);
    }
    return gap;
  }

  /**
   * Returns the actual name of an object the transcript names, if known.
   * A literal name stays as it is and a bound generated name maps as bound.
   * A name whose only unbound part is its last suffix maps to the one actual
   * name with the bound prefix (the pod of a bound Job).
   */
  private knownName(name: string, actualNames: string[]): string | undefined {
    const rewritten = rewriteCommand(name, this.bindings()).command;
    const generated = splitGeneratedName(name);
    if (!generated) return actualNames.includes(name) ? name : undefined;
    if (actualNames.includes(rewritten) && rewritten !== name) return rewritten;
    if (generated.segments.length < 2) return undefined;
    const prefix = rewriteCommand(name.slice(0, name.lastIndexOf('-')), this.bindings()).command;
    if (prefix === name.slice(0, name.lastIndexOf('-'))) return undefined;
    const candidates = actualNames.filter((n) => n.startsWith(`${prefix}-`) && !n.slice(prefix.length + 1).includes('-'));
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** Moves the clock by `ms`; with a command, snapshots its output after every timer on the way. */
  private async advance(ms: number, argv?: string[], snapshots: string[][] = [], exec: Exec = this.env.exec): Promise<void> {
    if (ms >= SESSION_GAP_MS) this.gapMs += ms;
    if (!argv) {
      await advanceObserving(this.env.cluster, ms, async () => undefined);
      return;
    }
    await advanceObserving(this.env.cluster, ms, async () => {
      const lines = (await exec(argv)).lines;
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
  private async rebootIfRestarted(step: Step, argv: string[], snapshots: string[][], exec: Exec): Promise<Array<{ node: string; gap: number }>> {
    if (this.gapMs < SESSION_GAP_MS) return [];
    const expectedRows = tableRecords(step.expectedOutput).filter((r) => 'RESTARTS' in r && 'NAME' in r);
    if (expectedRows.length === 0) return [];
    const gap = this.gapMs;
    this.gapMs = 0;
    const have = tableRecords((await exec(argv)).lines);
    const nodes = new Set<string>();
    for (const record of expectedRows) {
      const name = rewriteCommand(record.NAME, this.bindings()).command;
      const actual = have.find((r) => r.NAME === name);
      if (!actual || parseInt(record.RESTARTS, 10) <= parseInt(actual.RESTARTS, 10)) continue;
      // The transcript's NODE column names the node that rebooted; kubesim's pod may sit elsewhere.
      const node = [record.NODE, actual.NODE, this.env.cluster.store.get('pods', 'default', name)?.spec?.nodeName]
        .find((n) => n && this.env.cluster.store.get('nodes', '', n));
      if (node) nodes.add(node);
    }
    for (const node of [...nodes].sort()) await this.env.exec(['node', 'reboot', node]);
    if (nodes.size > 0) await this.advance(this.env.cluster.settings.startMs + 1000, argv, snapshots, exec);
    return [...nodes].sort().map((node) => ({ node, gap }));
  }

  /** Runs the clock up to LOOKAHEAD_MS past now, re-running the read after each timer, until it matches. */
  async lookAhead(expected: string[], argv: string[], wrap: Wrap = same): Promise<{ result: MatchResult; lines: string[]; ms: number } | undefined> {
    const cluster = this.env.cluster;
    const start = cluster.clockNow();
    const due = nextTimer(cluster);
    if (due === undefined || due > start + LOOKAHEAD_MS || !this.env.clusterName) return undefined;

    // Look ahead on a copy, so a search that finds nothing leaves the clock where it was.
    const probe = openProbe(cluster, this.env.clusterName);
    let stoppedAt: number | undefined;
    try {
      stoppedAt = await advanceObserving(probe.cluster, LOOKAHEAD_MS, async () => {
        const lines = (await wrap(probe.exec)(argv)).lines;
        return matchOutput(expected, lines, this.bindings()).verdict === 'match';
      });
    } finally {
      probe.dispose();
    }
    if (stoppedAt === undefined) return undefined;

    moveClockTo(cluster, stoppedAt);
    const lines = (await wrap(this.env.exec)(argv)).lines;
    const result = matchOutput(expected, lines, this.bindings());
    return result.verdict === 'match' ? { result, lines, ms: stoppedAt - start } : undefined;
  }}
