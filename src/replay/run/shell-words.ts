/**
 * Just enough of a POSIX shell for tutorial command lines: words with
 * quotes and backslashes, `$VAR` and `${VAR}` expansion, `$(...)` command
 * substitution, `NAME=value` assignments, and detection of the constructs a
 * replay does not run (pipes, `&&`, redirections, loops).
 */

/** A command line split into words, or the reason it cannot be run. */
export type SplitResult = { ok: true; words: string[] } | { ok: false; reason: string };

/** Runs the command inside `$(...)` and returns its standard output. */
export type Substitute = (command: string) => Promise<string>;

/** Shell variables set by earlier steps (`pods=$(...)`). */
export type Variables = Map<string, string>;

/**
 * Splits a command line into words, expanding variables and `$(...)`. A
 * line with a pipe, a list (`;`, `&&`, `||`), a redirection or a background
 * `&` outside quotes is reported as not runnable, with the construct named.
 */
export async function splitWords(line: string, vars: Variables, substitute: Substitute): Promise<SplitResult> {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const push = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      push();
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, reason: 'unterminated single quote' };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          word += line[i + 1];
          i += 2;
        } else if (line[i] === '$') {
          const expanded = await expandAt(line, i, vars, substitute);
          if (!expanded.ok) return expanded;
          word += expanded.text;
          i = expanded.end;
        } else {
          word += line[i++];
        }
      }
      if (i >= line.length) return { ok: false, reason: 'unterminated double quote' };
      i++;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (c === '$') {
      const expanded = await expandAt(line, i, vars, substitute);
      if (!expanded.ok) return expanded;
      // Unquoted expansion splits into words, as the shell does.
      const parts = expanded.text.split(/\s+/).filter((p) => p !== '');
      parts.forEach((part, n) => {
        if (n > 0) push();
        word += part;
        inWord = true;
      });
      i = expanded.end;
    } else if ('|;&<>`'.includes(c)) {
      return { ok: false, reason: `the shell construct \`${operatorAt(line, i)}\` is not run by replay` };
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  push();
  return { ok: true, words };
}

function operatorAt(line: string, i: number): string {
  const two = line.slice(i, i + 2);
  return ['&&', '||', '>>', '<<', '2>'].includes(two) ? two : line[i];
}

type Expansion = { ok: true; text: string; end: number } | { ok: false; reason: string };

/** Expands the `$NAME`, `${NAME}` or `$(...)` that starts at `line[i]`. */
async function expandAt(line: string, i: number, vars: Variables, substitute: Substitute): Promise<Expansion> {
  const rest = line.slice(i + 1);
  if (rest.startsWith('(')) {
    let depth = 0;
    for (let k = i + 1; k < line.length; k++) {
      if (line[k] === '(') depth++;
      else if (line[k] === ')' && --depth === 0) {
        const output = await substitute(line.slice(i + 2, k));
        return { ok: true, text: output.replace(/\n+$/, ''), end: k + 1 };
      }
    }
    return { ok: false, reason: 'unterminated $(...)' };
  }
  const braced = /^\{([A-Za-z_]\w*)\}/.exec(rest);
  if (braced) return { ok: true, text: vars.get(braced[1]) ?? '', end: i + 1 + braced[0].length };
  const plain = /^[A-Za-z_]\w*/.exec(rest);
  if (plain) return { ok: true, text: vars.get(plain[0]) ?? '', end: i + 1 + plain[0].length };
  return { ok: false, reason: `the shell expansion \`$${rest.slice(0, 1)}\` is not run by replay` };
}

/** `NAME=value` at the start of a line with nothing after it: the variable and the raw value. */
export function parseAssignment(line: string): { name: string; value: string } | undefined {
  const m = /^([A-Za-z_]\w*)=(.*)$/.exec(line.trim());
  if (!m) return undefined;
  return { name: m[1], value: m[2] };
}
