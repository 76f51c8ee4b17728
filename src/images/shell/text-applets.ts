/**
 * Busybox text applets of the simulated shell (`wc`), with busybox's
 * option parsing, output formats and messages (busybox 1.36 coreutils).
 */
import { readFile } from './commands';
import type { ShellState } from './run';

/** Options and operands of one applet call, as busybox's getopt leaves them. */
export interface ParsedOptions {
  /** Each option seen, with its argument (or `true`); a repeated option keeps its last value. */
  options: Map<string, string | true>;
  operands: string[];
}

/**
 * Parses `args` with a getopt spec (`n:` takes an argument), permuting
 * operands after options as glibc's getopt does, and stopping at `--`.
 * Writes glibc's message and returns undefined on a bad option.
 */
export function parseOptions(state: ShellState, applet: string, args: string[], spec: string): ParsedOptions | undefined {
  const options = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      const at = spec.indexOf(letter);
      if (at < 0 || letter === ':') {
        state.write('stderr', `${applet}: invalid option -- '${letter}'\n`);
        return undefined;
      }
      if (spec[at + 1] !== ':') {
        options.set(letter, true);
        continue;
      }
      const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
      if (value === undefined) {
        state.write('stderr', `${applet}: option requires an argument -- '${letter}'\n`);
        return undefined;
      }
      options.set(letter, value);
      break;
    }
  }
  return { options, operands };
}

/**
 * Reads an input operand: `-` is standard input, `/dev/null` is empty.
 * Writes busybox's `applet: path: No such file or directory` when missing.
 */
export function readInput(state: ShellState, applet: string, path: string): string | undefined {
  if (path === '-') return state.stdin;
  if (path === '/dev/null') return '';
  const content = readFile(state, path);
  if (content === undefined) state.write('stderr', `${applet}: ${path}: No such file or directory\n`);
  return content;
}

/** Counts of one input, in busybox's column order: lines, words, characters, bytes, longest line. */
type WcCounts = [number, number, number, number, number];

/** Counts as busybox does. A word is a run of printable non-space characters, and a tab moves to the next multiple of 8. */
function countText(text: string): WcCounts {
  const bytes = Buffer.byteLength(text);
  let lines = 0;
  let words = 0;
  let longest = 0;
  let column = 0;
  let inWord = false;
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code > 0x20 && code < 0x7f) {
      column++;
      inWord = true;
      continue;
    }
    if (c === ' ') column++;
    else if (c === '\t') column = (column | 7) + 1;
    else if (code >= 10 && code <= 13) {
      longest = Math.max(longest, column);
      if (c === '\n') lines++;
      if (c !== '\v') column = 0;
    } else continue;
    if (inWord) words++;
    inWord = false;
  }
  longest = Math.max(longest, column);
  if (inWord) words++;
  return [lines, words, [...text].length, bytes, longest];
}

/**
 * Runs busybox `wc [-cmlwL] [FILE]...`. A single count for at most one input
 * prints unpadded (`6`). Otherwise each count takes 9 columns. A file name
 * follows its counts, and several files end with a `total` line.
 */
export function wc(state: ShellState, args: string[]): number {
  const parsed = parseOptions(state, 'wc', args, 'lwmcL');
  if (!parsed) return 1;
  const letters = 'lwmcL';
  let selected = [...letters].map((l) => parsed.options.has(l));
  if (!selected.some(Boolean)) selected = [true, true, false, true, false];
  const names = parsed.operands.length > 0 ? parsed.operands : [undefined];
  const single = names.length === 1 && selected.filter(Boolean).length === 1;
  const totals: WcCounts = [0, 0, 0, 0, 0];
  let status = 0;
  const print = (counts: WcCounts, name: string | undefined) => {
    const values = counts.filter((_, i) => selected[i]).map(String);
    let line = single ? values[0] : values.map((v) => v.padStart(9)).join(' ');
    if (name !== undefined) line += ` ${name}`;
    state.write('stdout', `${line}\n`);
  };
  for (const name of names) {
    const text = readInput(state, 'wc', name ?? '-');
    if (text === undefined) {
      status = 1;
      continue;
    }
    const counts = countText(text);
    counts.forEach((n, i) => { totals[i] = i === 4 ? Math.max(totals[i], n) : totals[i] + n; });
    print(counts, name);
  }
  if (names.length > 1) print(totals, 'total');
  return status;
}
