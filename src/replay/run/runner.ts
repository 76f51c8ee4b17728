/**
 * `kubesim replay` without the CLI: sets up a fresh cluster like the one
 * the transcript was captured on, with a manual clock and a fixed seed, and
 * a working folder holding the manifests. It then replays the steps in
 * this process and removes what it created unless asked to keep it.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadAll } from 'js-yaml';
import { createCluster, openCluster } from '../../engine/open.js';
import { clusterExists, clusterDir, homeDir } from '../../engine/home.js';
import type { StepOutcome } from '../report';
import { detectEra, detectPullTimeouts, dominantPrompt } from './era';
import { inProcessExec } from './exec';
import { Replayer } from './replayer';
import { loadReplaySource } from './source';

/** Options of `runReplay`, as the verb's flags give them. */
export interface ReplayOptions {
  /** A tutorial text or a folder of transcripts and manifests. */
  input: string;
  /** Replay on this cluster of the user's KUBESIM_HOME (created when missing) instead of a temporary one. */
  cluster?: string;
  kubernetesVersion?: string;
  /** Keep the cluster afterwards (a temporary one is then made in KUBESIM_HOME). */
  keep?: boolean;
  /** Steps to report; earlier steps still run, for the state they build. */
  only?: { from: number; to: number };
  /** Called after each reported step, for progress. */
  onStep?: (outcome: StepOutcome) => void;
}

/** Outcome of a replay: the steps, and the set-up the replay chose with its reasons. */
export interface ReplayResult {
  outcomes: StepOutcome[];
  /** Lines about the set-up: version and its evidence, pull timeouts, where a kept cluster is. */
  notes: string[];
}

/** Start of the manual clock: fixed, so a replay prints the same every time. */
export const REPLAY_START = Date.UTC(2022, 4, 31, 6, 0, 0);

/** Replays a tutorial; see the module comment. Throws an Error with a readable message on bad input. */
export async function runReplay(opts: ReplayOptions): Promise<ReplayResult> {
  const source = loadReplaySource(opts.input);
  const notes: string[] = [];
  const prompt = dominantPrompt(source.steps);
  const era = detectEra(source.steps, prompt);
  const version = opts.kubernetesVersion ?? era.version;
  const pullTimeout = detectPullTimeouts(source.steps);

  const savedHome = process.env.KUBESIM_HOME;
  const savedCwd = process.cwd();
  const temporary = !opts.cluster && !opts.keep;
  const home = resolve(temporary ? mkdtempSync(join(tmpdir(), 'kubesim-replay-')) : homeDir());
  const workDir = mkdtempSync(join(tmpdir(), 'kubesim-replay-files-'));
  process.env.KUBESIM_HOME = home;
  const name = opts.cluster ?? freeName('replay');
  const fresh = !clusterExists(name);
  try {
    const cluster = fresh
      ? createCluster(name, { clock: 'manual', seed: 1, kubernetesVersion: version, pullTimeout, startTime: REPLAY_START })
      : openCluster(name)!;
    if (fresh) {
      const evidence = era.evidence.map((e) => `${e.reason} (${e.file ? `${e.file} ` : ''}line ${e.line})`).join(', ');
      if (opts.kubernetesVersion) notes.push(`Kubernetes ${cluster.settings.versionString}, as asked`);
      else if (version) notes.push(`Kubernetes ${cluster.settings.versionString}, because the transcript shows ${evidence}`);
      else notes.push(`Kubernetes ${cluster.settings.versionString} (the transcript shows no sign of an older release)`);
      if (pullTimeout.length > 0) notes.push(`pulls of ${pullTimeout.join(', ')} time out (every tag), as the transcript shows`);
    } else {
      notes.push(`replaying on the existing cluster "${name}" (Kubernetes ${cluster.settings.versionString}, ${cluster.settings.clock} clock)`);
    }
    if (source.documented.length > 0) {
      const lines = source.documented.map((d) => d.line).join(', ');
      const count = source.documented.length;
      if (count === 1) notes.push(`1 command appears in the prose without a prompt and is not run (line ${lines})`);
      else notes.push(`${count} commands appear in the prose without a prompt and are not run (lines ${lines})`);
    }
    for (const [file, content] of Object.entries(source.files)) {
      const path = join(workDir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    process.chdir(workDir);

    const replayer = new Replayer({ cluster, exec: inProcessExec(name), workDir, dominantPrompt: prompt, steps: source.steps, clusterName: name });
    replayer.knowNames(manifestNames(source.files));
    const outcomes: StepOutcome[] = [];
    const last = opts.only?.to ?? Infinity;
    for (const step of source.steps) {
      if (step.index > last) break;
      const outcome = await replayer.run(step);
      if (opts.only && step.index < opts.only.from) continue;
      outcomes.push(outcome);
      opts.onStep?.(outcome);
    }
    cluster.store.db.close();
    if (opts.keep || opts.cluster) notes.push(`cluster "${name}" kept in ${home}`);
    return { outcomes, notes };
  } finally {
    process.chdir(savedCwd);
    if (savedHome === undefined) delete process.env.KUBESIM_HOME;
    else process.env.KUBESIM_HOME = savedHome;
    rmSync(workDir, { recursive: true, force: true });
    if (temporary) rmSync(home, { recursive: true, force: true });
    else if (fresh && !opts.keep && !opts.cluster) rmSync(clusterDir(name), { recursive: true, force: true });
  }
}

/** `replay`, or `replay-2`, ... when that cluster exists. */
function freeName(base: string): string {
  if (!clusterExists(base)) return base;
  for (let n = 2; ; n++) if (!clusterExists(`${base}-${n}`)) return `${base}-${n}`;
}

/** metadata.name of every object in the manifests, ignoring files that do not parse. */
function manifestNames(files: Record<string, string>): string[] {
  const names: string[] = [];
  for (const content of Object.values(files)) {
    try {
      for (const doc of loadAll(content) as any[]) if (typeof doc?.metadata?.name === 'string') names.push(doc.metadata.name);
    } catch {
      // A manifest the transcript shows with a typo still replays; kubesim reports the error at its step.
    }
  }
  return names;
}

/** Parses `--only`: `N`, `N..M`, `N..` or `..M`. */
export function parseStepRange(text: string): { from: number; to: number } | undefined {
  const m = /^(\d*)(?:\.\.(\d*))?$/.exec(text.trim());
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
  const from = m[1] === '' ? 1 : Number(m[1]);
  let to = Number(m[2]);
  if (m[2] === undefined) to = from;
  else if (m[2] === '') to = Infinity;
  return from >= 1 && to >= from ? { from, to } : undefined;
}

