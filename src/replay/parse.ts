/**
 * Turns a tutorial (prose, prompt lines, pasted output and manifests) into
 * the steps a replay runs and the files those steps need.
 *
 * Rules, in the order the parser applies them to each line:
 * - A prompt line (`[root@host ~]# cmd`, `user@host:~$ cmd`, `$ cmd`, and
 *   `# cmd` or `> cmd` when a known command word follows) starts a step.
 *   Output lines belong to the latest step until the next prompt, a comment
 *   line (`# 扩容`), a line of prose (any Han character), a bare editor line,
 *   or a blank line that no further output follows (see `outputResumesAt`).
 * - `vi NAME` (with or without a prompt) starts an editor step whose file
 *   content is the YAML block that follows it.
 * - `cat > NAME <<EOF ... EOF` is an editor step, and any other heredoc
 *   becomes the step's stdin.
 * - A YAML block starting `apiVersion:` or `kind:` in prose, with no `vi`
 *   before it, is named after the first local file that a later step reads
 *   with `-f` and that no editor step wrote earlier. The parser adds an
 *   editor step for it at the block's line, with a note saying so.
 * - A command line in prose without a prompt (`kubectl create -f https://...`)
 *   is documentation: it is listed in `documented`, not run.
 * - When a table's header line repeats inside one output, the paste lost a
 *   prompt, so the second table becomes a step of its own with the same
 *   command (a rollout caught half-way is shown this way).
 */

import {
  catTarget, classifyCommand, cleanCommand, editorTarget, filesReadBy, heredocStart,
  KNOWN_COMMANDS, matchPrompt, startsWithCommand, type StepKind,
} from './prompts';
import { isHeaderLine, splitCells } from './table';
import { nextNonBlank, readYamlBlock } from './yaml-block';

export type { StepKind } from './prompts';

/** One command of a transcript with the output the transcript shows for it. */
export interface Step {
  /** 1-based position in the parsed steps. */
  index: number;
  /** 1-based line of the command in the source text. */
  line: number;
  /** The prompt as written (`[root@k8s-master01 ~]#`, `$`), or '' when there was none. */
  prompt: string;
  command: string;
  /** Output lines as shown, right-trimmed, without trailing blank lines. */
  expectedOutput: string[];
  kind: StepKind;
  /** Shell comment that followed the command on its line. */
  comment?: string;
  /** File the step writes (editor steps): the runner creates it before later steps. */
  writesFile?: { path: string; content: string };
  /** Heredoc body fed to the command. */
  stdin?: string;
  /** Reason the parser made this step up or changed it, shown in the report. */
  note?: string;
  /** Transcript file the step comes from, when a replay reads several. */
  file?: string;
}

/** A command written in prose without a prompt, kept for the report but not run. */
export interface DocumentedCommand {
  line: number;
  command: string;
}

/** Result of `parseTranscript`. */
export interface ParsedTranscript {
  steps: Step[];
  /** Final content of every file the transcript writes or shows, by file name. */
  manifests: Record<string, string>;
  documented: DocumentedCommand[];
  /** Things the parser could not place, such as a YAML block no command uses. */
  warnings: string[];
}

/** Options of `parseTranscript`. */
export interface ParseOptions {
  /** Command words that make `# cmd` and `> cmd` lines prompts; defaults to KNOWN_COMMANDS. */
  knownCommands?: readonly string[];
}

const HAN = /\p{Script=Han}/u;
const MANIFEST_START = /^(?:apiVersion|kind):\s*\S/;

interface PendingManifest {
  line: number;
  content: string;
}

/** Builder state: a step and the source line of each of its output lines. */
interface Draft {
  step: Step;
  outputLines: number[];
}

/** Parses a whole tutorial text into steps and files; see the module comment for the rules. */
export function parseTranscript(text: string, opts: ParseOptions = {}): ParsedTranscript {
  const known = opts.knownCommands ?? KNOWN_COMMANDS;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const drafts: Draft[] = [];
  const pending: PendingManifest[] = [];
  const documented: DocumentedCommand[] = [];
  let open: Draft | undefined;

  let i = 0;
  while (i < lines.length) {
    const line = lines[i].trimEnd();
    const prompt = matchPrompt(line, known);
    const bareEditor = !prompt && /^\S/.test(line) ? editorTarget(line) : undefined;

    if (prompt || bareEditor) {
      const cleaned = prompt ? cleanCommand(prompt.rest) : { command: line.trim() };
      if (cleaned.command === '') {
        // An empty prompt (the end of a session, or Enter pressed) only ends the output.
        open = undefined;
        i++;
        continue;
      }
      const draft = newDraft(i + 1, prompt?.prompt ?? '', cleaned);
      drafts.push(draft);
      i = readStepBody(lines, i + 1, draft, known);
      open = draft.step.kind === 'editor' ? undefined : draft;
      continue;
    }

    if (open) {
      if (line === '') {
        if (outputResumesAt(lines, i + 1, known)) {
          pushOutput(open, '', i + 1);
        } else {
          open = undefined;
        }
        i++;
        continue;
      }
      if (!line.startsWith('#') && !HAN.test(line)) {
        pushOutput(open, line, i + 1);
        i++;
        continue;
      }
      open = undefined;
    }

    if (MANIFEST_START.test(line)) {
      const block = readYamlBlock(lines, i, known);
      pending.push({ line: i + 1, content: block.content });
      i = block.end;
      continue;
    }

    const cleaned = cleanCommand(line);
    if (/^\S/.test(line) && startsWithCommand(cleaned.command, known) && !HAN.test(cleaned.command)) {
      documented.push({ line: i + 1, command: cleaned.command });
    }
    i++;
  }

  const warnings: string[] = [];
  const steps = drafts.flatMap(splitRepeatedTables);
  steps.push(...nameUnnamedManifests(pending, steps, warnings));
  steps.sort((a, b) => a.line - b.line);
  steps.forEach((step, n) => { step.index = n + 1; });

  return { steps, manifests: collectManifests(steps), documented, warnings };
}

function newDraft(line: number, prompt: string, cleaned: ReturnType<typeof cleanCommand>): Draft {
  const step: Step = {
    index: 0, line, prompt, command: cleaned.command, expectedOutput: [], kind: classifyCommand(cleaned.command),
  };
  if (cleaned.comment) step.comment = cleaned.comment;
  const draft: Draft = { step, outputLines: [] };
  if (cleaned.gluedOutput) pushOutput(draft, cleaned.gluedOutput, line);
  return draft;
}

function pushOutput(draft: Draft, line: string, lineNumber: number): void {
  draft.step.expectedOutput.push(line);
  draft.outputLines.push(lineNumber);
}

/** Reads an editor's YAML block or a heredoc body after a step's command; returns the next line index. */
function readStepBody(lines: string[], start: number, draft: Draft, known: readonly string[]): number {
  const { step } = draft;
  const heredoc = heredocStart(step.command);
  if (heredoc) {
    let end = start;
    while (end < lines.length && lines[end].replace(/^> ?/, '').trim() !== heredoc.delimiter) end++;
    let body = lines.slice(start, end);
    if (body.length > 0 && body.every((l) => /^>( |$)/.test(l))) body = body.map((l) => l.replace(/^> ?/, ''));
    if (heredoc.stripTabs) body = body.map((l) => l.replace(/^\t+/, ''));
    const content = body.join('\n') + '\n';
    if (heredoc.target) step.writesFile = { path: heredoc.target, content };
    else step.stdin = content;
    return Math.min(end + 1, lines.length);
  }

  const target = editorTarget(step.command);
  if (target) {
    const block = readYamlBlock(lines, start, known, true);
    if (block.content !== '') step.writesFile = { path: target, content: block.content };
    return block.end;
  }
  return start;
}

/**
 * Decides whether output goes on after a blank line: the next non-blank line
 * must be indented or a `Heading:` of one or two words (as in `kubectl
 * explain` and `describe`), and be neither a prompt, a comment nor prose.
 */
function outputResumesAt(lines: string[], from: number, known: readonly string[]): boolean {
  const next = nextNonBlank(lines, from);
  if (next < 0) return false;
  const line = lines[next].trimEnd();
  if (matchPrompt(line, known) || line.startsWith('#') || HAN.test(line)) return false;
  return /^\s+\S/.test(line) || /^[A-Z][A-Za-z-]*( [A-Za-z-]+)?:(\s|$)/.test(line);
}

/** Splits a step whose output repeats its table header into one step per table. */
function splitRepeatedTables(draft: Draft): Step[] {
  const { step, outputLines } = draft;
  const out = step.expectedOutput;
  if (out.length === 0 || !isHeaderLine(out[0])) return [step];
  const header = splitCells(out[0]).join('\t');
  const starts = [0];
  for (let k = 1; k < out.length; k++) if (splitCells(out[k]).join('\t') === header) starts.push(k);
  if (starts.length === 1) return [step];

  return starts.map((from, n) => {
    const to = starts[n + 1] ?? out.length;
    const lines = out.slice(from, to);
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (n === 0) return { ...step, expectedOutput: lines };
    return {
      ...step,
      line: outputLines[from],
      prompt: '',
      expectedOutput: lines,
      note: `no prompt in the source; the table header repeats, so this reruns line ${step.line}'s command`,
    };
  });
}

/** Adds an editor step for each YAML block shown without a file name; see the module comment. */
function nameUnnamedManifests(pending: PendingManifest[], steps: Step[], warnings: string[]): Step[] {
  const added: Step[] = [];
  const claimed = new Set<string>();
  for (const manifest of pending) {
    const name = findReaderFile(manifest.line, steps, claimed);
    if (!name) {
      warnings.push(`line ${manifest.line}: YAML block without a file name, and no later command reads a local file with -f`);
      continue;
    }
    claimed.add(name.path);
    added.push({
      index: 0,
      line: manifest.line,
      prompt: '',
      command: `vi ${name.path}`,
      expectedOutput: [],
      kind: 'editor',
      writesFile: { path: name.path, content: manifest.content },
      note: `file name taken from line ${name.readerLine}, which reads it`,
    });
  }
  return added;
}

function findReaderFile(
  afterLine: number, steps: Step[], claimed: Set<string>,
): { path: string; readerLine: number } | undefined {
  const ordered = [...steps].sort((a, b) => a.line - b.line);
  const written = new Set(ordered.filter((s) => s.line < afterLine && s.writesFile).map((s) => s.writesFile!.path));
  for (const step of ordered) {
    if (step.line <= afterLine) continue;
    if (step.writesFile) written.add(step.writesFile.path);
    for (const path of filesReadBy(step.command)) {
      if (!written.has(path) && !claimed.has(path)) return { path, readerLine: step.line };
    }
  }
  return undefined;
}

/** Files in step order: later writes replace earlier ones, and `cat NAME` output fills gaps. */
function collectManifests(steps: Step[]): Record<string, string> {
  const manifests: Record<string, string> = {};
  for (const step of steps) {
    if (step.writesFile) manifests[step.writesFile.path] = step.writesFile.content;
    const catFile = catTarget(step.command);
    if (catFile && !(catFile in manifests) && step.expectedOutput.length > 0) {
      manifests[catFile] = step.expectedOutput.join('\n') + '\n';
    }
  }
  return manifests;
}
