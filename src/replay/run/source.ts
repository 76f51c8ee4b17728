/**
 * Reads what `kubesim replay` is given: one tutorial text, or a folder of
 * transcripts (`*.txt`, replayed in name order) with the manifests they use
 * (`*.yml`, `*.yaml`, `*.json`) beside them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseTranscript, type DocumentedCommand, type Step } from '../parse';

/** The steps to replay and the files to put in the working folder first. */
export interface ReplaySource {
  steps: Step[];
  /** File name to content; written before the first step. */
  files: Record<string, string>;
  documented: DocumentedCommand[];
  warnings: string[];
}

const MANIFEST = /\.(?:ya?ml|json)$/;

/** Loads a tutorial file or a fixtures folder; throws a readable Error when it cannot. */
export function loadReplaySource(path: string): ReplaySource {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new Error(`cannot read "${path}": no such file or directory`);
  }
  if (!stat.isDirectory()) {
    const parsed = parseTranscript(readFileSync(path, 'utf8'));
    // Manifests kept beside a single transcript are used for files the text itself does not show.
    const files: Record<string, string> = { ...parsed.manifests };
    const dir = dirname(path);
    for (const name of readdirSync(dir).filter((n) => MANIFEST.test(n))) files[name] ??= readFileSync(join(dir, name), 'utf8');
    return { steps: parsed.steps, files, documented: parsed.documented, warnings: parsed.warnings };
  }

  const names = readdirSync(path).sort();
  const transcripts = names.filter((n) => n.endsWith('.txt'));
  if (transcripts.length === 0) throw new Error(`no transcripts (*.txt) in "${path}"`);
  const files: Record<string, string> = {};
  for (const name of names.filter((n) => MANIFEST.test(n))) files[name] = readFileSync(join(path, name), 'utf8');

  const steps: Step[] = [];
  const documented: DocumentedCommand[] = [];
  const warnings: string[] = [];
  for (const name of transcripts) {
    const parsed = parseTranscript(readFileSync(join(path, name), 'utf8'));
    for (const step of parsed.steps) {
      const renumbered = { ...step, index: steps.length + 1, file: name };
      steps.push(renumbered);
    }
    // A file in the folder wins over a manifest a transcript shows.
    for (const [file, content] of Object.entries(parsed.manifests)) files[file] ??= content;
    documented.push(...parsed.documented);
    warnings.push(...parsed.warnings.map((w) => `${name}: ${w}`));
  }
  return { steps, files, documented, warnings };
}
