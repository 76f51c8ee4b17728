/**
 * The few text filters tutorials pipe kubectl into: `grep [-v] [-i] [-E]
 * PATTERN`, `head`/`tail` with `-n N` or `-N`, `wc -l` and `sort`. They run
 * on kubectl's standard output only, because standard error goes straight
 * to the terminal, as in a shell.
 */

import { toLines, type Exec } from './exec';

/** A filter applied to lines of text. */
export type Filter = (lines: string[]) => string[];

/** Splits `cmd | f1 | f2` outside quotes into its parts, trimmed. */
export function splitPipeline(command: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let current = '';
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '|' && command[i + 1] !== '|' && command[i - 1] !== '|') {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current.trim());
  return parts;
}

/** Builds a filter from its words, or returns the reason it is not supported. */
export function parseFilter(words: string[]): Filter | string {
  const [name, ...args] = words;
  if (name === 'grep') return grepFilter(args);
  if (name === 'head' || name === 'tail') {
    const n = countArg(args);
    if (n === undefined) return `\`${words.join(' ')}\` is not a filter replay runs`;
    return name === 'head' ? (lines) => lines.slice(0, n) : (lines) => (n === 0 ? [] : lines.slice(-n));
  }
  if (name === 'wc' && args.length === 1 && args[0] === '-l') return (lines) => [String(lines.length)];
  if (name === 'sort' && args.length === 0) return (lines) => [...lines].sort();
  return `\`${name}\` is not a filter replay runs`;
}

function countArg(args: string[]): number | undefined {
  if (args.length === 0) return 10;
  if (args.length === 1 && /^-\d+$/.test(args[0])) return Number(args[0].slice(1));
  if (args.length === 2 && args[0] === '-n' && /^\d+$/.test(args[1])) return Number(args[1]);
  return undefined;
}

function grepFilter(args: string[]): Filter | string {
  let invert = false;
  let ignoreCase = false;
  let extended = false;
  const rest: string[] = [];
  for (const arg of args) {
    if (/^-[viE]+$/.test(arg)) {
      invert ||= arg.includes('v');
      ignoreCase ||= arg.includes('i');
      extended ||= arg.includes('E');
    } else {
      rest.push(arg);
    }
  }
  if (rest.length !== 1) return `\`grep ${args.join(' ')}\` is not a filter replay runs`;
  let pattern: RegExp;
  try {
    // Basic and extended regular expressions agree on the patterns tutorials use.
    pattern = new RegExp(extended ? rest[0] : rest[0].replace(/\\\|/g, '|'), ignoreCase ? 'i' : '');
  } catch {
    return `grep pattern \`${rest[0]}\` is not supported`;
  }
  return (lines) => lines.filter((line) => pattern.test(line) !== invert);
}

/**
 * Wraps a command runner so its standard output goes through `filters`.
 * Standard error lines come first, as a terminal shows them before the
 * filtered output. The exit status is the last filter's: grep fails when
 * nothing matched.
 */
export function pipeExec(exec: Exec, filters: Filter[], lastIsGrep: boolean): Exec {
  return async (argv, stdin) => {
    const result = await exec(argv, stdin);
    const out = toLines(result.stdout);
    const errors = withoutSubsequence(result.lines, out);
    const filtered = filters.reduce((lines, filter) => filter(lines), out);
    const exitCode = lastIsGrep && filtered.length === 0 ? 1 : 0;
    return { lines: [...errors, ...filtered], stdout: filtered.map((l) => `${l}\n`).join(''), exitCode };
  };
}

/** Removes the lines of `part` from `all`, in order: what is left is standard error. */
function withoutSubsequence(all: string[], part: string[]): string[] {
  const rest: string[] = [];
  let k = 0;
  for (const line of all) {
    if (k < part.length && line === part[k]) k++;
    else rest.push(line);
  }
  return rest;
}
