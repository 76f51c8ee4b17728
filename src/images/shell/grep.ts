/**
 * busybox `grep` (and `egrep`, `fgrep`) of the simulated shell: basic and
 * extended regular expressions translated to JavaScript ones, with
 * busybox's options, output prefixes and exit codes (findutils/grep.c).
 */
import { parseOptions, readInput } from './text-applets';
import type { ShellState } from './run';

/** JavaScript equivalents of the POSIX character classes used inside brackets. */
const POSIX_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', print: ' -~', graph: '!-~', cntrl: '\\x00-\\x1f\\x7f',
};

/** Copies a bracket expression starting at `start`, translating POSIX classes, and returns the text and the index after `]`. */
function translateBracket(pattern: string, start: number): { text: string; end: number } {
  let i = start + 1;
  let text = '[';
  if (pattern[i] === '^') {
    text += '^';
    i++;
  }
  // A `]` right after `[` or `[^` is a literal.
  if (pattern[i] === ']') {
    text += '\\]';
    i++;
  }
  for (; i < pattern.length && pattern[i] !== ']'; i++) {
    const cls = /^\[:([a-z]+):\]/.exec(pattern.slice(i));
    if (cls && POSIX_CLASSES[cls[1]]) {
      text += POSIX_CLASSES[cls[1]];
      i += cls[0].length - 1;
    } else if (pattern[i] === '\\' || pattern[i] === '[') text += `\\${pattern[i]}`;
    else text += pattern[i];
  }
  // An unclosed bracket is a literal `[` followed by the rest.
  if (i >= pattern.length) return { text: '\\[', end: start + 1 };
  return { text: `${text}]`, end: i + 1 };
}

/**
 * Translates a POSIX regular expression to a JavaScript one. In a basic
 * expression `\(`, `\)`, `\{`, `\}`, `\|`, `\+` and `\?` are operators and
 * the bare characters are literals, so this swaps them.
 */
export function translatePattern(pattern: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      const bracket = translateBracket(pattern, i);
      out += bracket.text;
      i = bracket.end - 1;
    } else if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      if (!extended && '(){}|+?'.includes(next)) out += next;
      else if (next === '<' || next === '>') out += '\\b';
      else if (/[a-zA-Z]/.test(next) && !'wWsSbB'.includes(next)) out += next;
      else out += `\\${next}`;
    } else if (!extended && '(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (out === '' || out.endsWith('(') || out === '^')) out += '\\*';
    else out += c;
  }
  return out;
}

/** Builds the matcher of the pattern list for the options -E, -F, -i, -w and -x. */
function buildMatcher(patterns: string[], options: Map<string, string | true>): RegExp | undefined {
  const sources = patterns.map((p) => (options.has('F') ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : translatePattern(p, options.has('E'))));
  let source = sources.map((s) => `(?:${s})`).join('|');
  if (options.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (options.has('x')) source = `^(?:${source})$`;
  try {
    return new RegExp(source, options.has('i') ? 'gi' : 'g');
  } catch {
    return undefined;
  }
}

/** Options busybox grep accepts (without the context options -A, -B and -C). */
const GREP_SPEC = 'lnqvscFiHhe:f:LorRm:wxEaI';

/**
 * Runs busybox `grep [-HhnlLoqvsriwFEx] [-m N] {PATTERN | -e PATTERN... | -f FILE...} [FILE]...`.
 * Exits 0 when a line is selected, 1 when none is, and 2 on an error (unless -q found a line).
 * `forced` contains option letters the applet name implies (`E` for egrep, `F` for fgrep).
 * NOTE: the context options -A, -B and -C are not modelled and are rejected as invalid.
 */
export function grep(state: ShellState, args: string[], forced = ''): number {
  const parsed = parseOptions(state, 'grep', args, GREP_SPEC);
  if (!parsed) return 2;
  const { options, operands } = parsed;
  for (const letter of forced) options.set(letter, true);
  const patterns: string[] = [];
  patterns.push(...(parsed.values.get('e') ?? []));
  const patternFile = options.get('f');
  if (typeof patternFile === 'string') {
    const text = readInput(state, 'grep', patternFile);
    if (text === undefined) return 2;
    patterns.push(...text.split('\n').filter((line, i, all) => i < all.length - 1 || line !== ''));
  }
  if (patterns.length === 0) {
    const pattern = operands.shift();
    if (pattern === undefined) {
      // NOTE: busybox prints its full usage text here; kubesim prints only the usage line.
      state.write('stderr', 'Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n');
      return 2;
    }
    patterns.push(...pattern.split('\n'));
  }
  const matcher = buildMatcher(patterns, options);
  if (!matcher) {
    state.write('stderr', `grep: bad regex '${patterns.join('\n')}'\n`);
    return 2;
  }

  const names = operands.length > 0 ? operands : ['-'];
  const withName = options.has('H') || (names.length > 1 && !options.has('h'));
  const maxCount = typeof options.get('m') === 'string' ? Number(options.get('m')) : Infinity;
  let selectedAny = false;
  let failed = false;
  for (const name of names) {
    const text = readInput(state, 'grep', name, options.has('s'));
    if (text === undefined) {
      failed = true;
      continue;
    }
    const label = name === '-' ? '(standard input)' : name;
    const count = grepText(state, text, matcher, options, withName ? `${label}:` : '', maxCount);
    if (count > 0) selectedAny = true;
    if (options.has('q') && selectedAny) return 0;
    if (options.has('c')) state.write('stdout', `${withName ? `${label}:` : ''}${count}\n`);
    if (options.has('l') && count > 0) state.write('stdout', `${label}\n`);
    if (options.has('L') && count === 0) state.write('stdout', `${label}\n`);
  }
  if (failed && !(options.has('q') && selectedAny)) return 2;
  return selectedAny ? 0 : 1;
}

/** Prints the selected lines of one input (unless -c, -l, -L or -q) and returns how many there were. */
function grepText(state: ShellState, text: string, matcher: RegExp, options: Map<string, string | true>, prefix: string, maxCount: number): number {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const quiet = ['c', 'l', 'L', 'q'].some((o) => options.has(o));
  let count = 0;
  for (let n = 0; n < lines.length && count < maxCount; n++) {
    matcher.lastIndex = 0;
    const hit = matcher.test(lines[n]);
    if (hit === options.has('v')) continue;
    count++;
    if (quiet) continue;
    const lead = `${prefix}${options.has('n') ? `${n + 1}:` : ''}`;
    if (!options.has('o') || options.has('v')) {
      state.write('stdout', `${lead}${lines[n]}\n`);
      continue;
    }
    matcher.lastIndex = 0;
    for (const m of lines[n].matchAll(matcher)) {
      if (m[0] !== '') state.write('stdout', `${lead}${m[0]}\n`);
    }
  }
  return count;
}
