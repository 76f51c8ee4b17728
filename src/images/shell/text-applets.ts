/**
 * Busybox text applets of the simulated shell (`wc`, `head`, `tail`,
 * `seq`), with busybox's option parsing, output formats and messages
 * (busybox 1.36 coreutils).
 * Simplified: the Debian-based images have GNU coreutils, whose formats and
 * messages differ in places; kubesim gives every image busybox's.
 */
import { readFile } from './commands';
import type { ShellState } from './run';

/** Options and operands of one applet call, as busybox's getopt leaves them. */
export interface ParsedOptions {
  /** Each option seen, with its argument (or `true`); a repeated option keeps its last value. */
  options: Map<string, string | true>;
  /** Every argument of each option that takes one, in order (`grep -e a -e b`). */
  values: Map<string, string[]>;
  operands: string[];
}

/**
 * Parses `args` with a getopt spec (`n:` takes an argument), permuting
 * operands after options as glibc's getopt does, and stopping at `--`.
 * Writes glibc's message and returns undefined on a bad option.
 */
export function parseOptions(state: ShellState, applet: string, args: string[], spec: string): ParsedOptions | undefined {
  const options = new Map<string, string | true>();
  const values = new Map<string, string[]>();
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
      values.set(letter, [...(values.get(letter) ?? []), value]);
      break;
    }
  }
  return { options, values, operands };
}

/**
 * Reads an input operand: `-` is standard input, `/dev/null` is empty.
 * Writes busybox's `applet: path: No such file or directory` when missing, unless `quiet`.
 */
export function readInput(state: ShellState, applet: string, path: string, quiet = false): string | undefined {
  if (path === '-') return state.stdin;
  if (path === '/dev/null') return '';
  const content = readFile(state, path);
  if (content === undefined && !quiet) state.write('stderr', `${applet}: ${path}: No such file or directory\n`);
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

/** Splits text into lines that keep their newline, and keeps a last line without one as it is. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Parses a head or tail count with busybox's suffixes (`b` 512, `k` 1024, `m` 1048576); NaN when invalid. */
function parseCount(text: string): number {
  const m = /^(\d+)([bkm]?)$/.exec(text);
  if (!m) return NaN;
  return Number(m[1]) * { '': 1, b: 512, k: 1024, m: 1_048_576 }[m[2]]!;
}

/** Prints each input of head or tail, with a `==> name <==` header before each when there are several or -v is set. */
function printEach(state: ShellState, applet: string, names: string[], headers: boolean, select: (text: string) => string): number {
  let status = 0;
  let first = true;
  for (const name of names) {
    const text = readInput(state, applet, name);
    if (text === undefined) {
      status = 1;
      continue;
    }
    if (headers) state.write('stdout', `${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
    first = false;
    state.write('stdout', select(text));
  }
  return status;
}

/** Runs busybox `head [-n N] [-c N] [-qv] [FILE]...`, where `-n -N` prints all but the last N lines and `-N` means `-n N`. */
export function head(state: ShellState, args: string[]): number {
  const legacy = args.length > 0 && /^-\d/.test(args[0]);
  const parsed = parseOptions(state, 'head', legacy ? args.slice(1) : args, 'n:c:qv');
  if (!parsed) return 1;
  const bytes = parsed.options.get('c');
  let countText = legacy ? args[0].slice(1) : String(bytes ?? parsed.options.get('n') ?? '10');
  const allBut = countText.startsWith('-');
  if (allBut) countText = countText.slice(1);
  const count = parseCount(countText);
  if (Number.isNaN(count)) {
    state.write('stderr', `head: invalid number '${countText}'\n`);
    return 1;
  }
  const names = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const headers = parsed.options.has('v') || (names.length > 1 && !parsed.options.has('q'));
  return printEach(state, 'head', names, headers, (text) => {
    if (typeof bytes === 'string') {
      const buffer = Buffer.from(text);
      return buffer.subarray(0, allBut ? Math.max(0, buffer.length - count) : count).toString();
    }
    const lines = splitLines(text);
    return lines.slice(0, allBut ? Math.max(0, lines.length - count) : count).join('');
  });
}

/**
 * Runs busybox `tail [-n [+]N] [-c [+]N] [-fqv] [FILE]...`, where `+N` starts at line N.
 * With -f and a file operand it keeps waiting for more data, so it never exits.
 */
export function tail(state: ShellState, args: string[]): number {
  const legacy = args.length > 0 && /^[-+]\d/.test(args[0]);
  const parsed = parseOptions(state, 'tail', legacy ? args.slice(1) : args, 'fFn:c:qs:v');
  if (!parsed) return 1;
  const bytes = parsed.options.get('c');
  let countText = legacy ? args[0].replace(/^-/, '') : String(bytes ?? parsed.options.get('n') ?? '10');
  const fromStart = countText.startsWith('+');
  countText = countText.replace(/^[-+]/, '');
  const count = parseCount(countText);
  if (Number.isNaN(count)) {
    state.write('stderr', `tail: invalid number '${countText}'\n`);
    return 1;
  }
  const names = parsed.operands.length > 0 ? parsed.operands : ['-'];
  const headers = parsed.options.has('v') || (names.length > 1 && !parsed.options.has('q'));
  const status = printEach(state, 'tail', names, headers, (text) => {
    if (typeof bytes === 'string') {
      const buffer = Buffer.from(text);
      return buffer.subarray(fromStart ? Math.max(0, count - 1) : Math.max(0, buffer.length - count)).toString();
    }
    const lines = splitLines(text);
    return lines.slice(fromStart ? Math.max(0, count - 1) : Math.max(0, lines.length - count)).join('');
  });
  // busybox drops -f when standard input is a pipe, the only kind of standard input here.
  const follow = parsed.options.has('f') || parsed.options.has('F');
  if (follow && parsed.operands.some((name) => name !== '-')) state.sleep(Infinity);
  return status;
}

/** Runs busybox `seq [-w] [-s SEP] [FIRST [INC]] LAST`, printing with as many decimals as FIRST and INC have. */
export function seq(state: ShellState, args: string[]): number {
  const usage = () => {
    // NOTE: busybox prints its full usage text here; kubesim prints only the usage line.
    state.write('stderr', 'Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n');
    return 1;
  };
  let separator = '\n';
  let equalWidth = false;
  let i = 0;
  // Options stop at the first operand or at a negative number.
  for (; i < args.length && /^-[^\d.]/.test(args[i]); i++) {
    if (args[i] === '-w') equalWidth = true;
    else if (args[i] === '-s' && i + 1 < args.length) separator = args[++i];
    else if (args[i].startsWith('-s') && args[i].length > 2) separator = args[i].slice(2);
    else if (args[i] === '--') {
      i++;
      break;
    } else return usage();
  }
  const operands = args.slice(i);
  const numbers = operands.map((o) => (/^[-+]?(\d+\.?\d*|\.\d+)$/.test(o) ? Number(o) : NaN));
  if (operands.length < 1 || operands.length > 3 || numbers.some(Number.isNaN)) return usage();
  const last = numbers[numbers.length - 1];
  const first = operands.length >= 2 ? numbers[0] : 1;
  const increment = operands.length === 3 ? numbers[1] : 1;
  // Decimals come from FIRST and INC only, and the width from every operand's integer part.
  const decimals = Math.max(0, ...operands.slice(0, -1).map((o) => (o.includes('.') ? o.length - o.indexOf('.') - 1 : 0)));
  const width = Math.max(...operands.map((o) => (o.includes('.') ? o.indexOf('.') : o.length))) + (decimals > 0 ? decimals + 1 : 0);
  const values: string[] = [];
  for (let n = 0; ; n++) {
    const v = first + n * increment;
    if (increment >= 0 ? v > last : v < last) break;
    const text = v.toFixed(decimals);
    values.push(equalWidth ? padNumber(text, width) : text);
    if (increment === 0) state.countStep();
  }
  if (values.length > 0) state.write('stdout', `${values.join(separator)}\n`);
  return 0;
}

/** Pads a number with zeros after its sign, as printf's `%0*f` does. */
function padNumber(text: string, width: number): string {
  if (!text.startsWith('-')) return text.padStart(width, '0');
  return `-${text.slice(1).padStart(width - 1, '0')}`;
}
