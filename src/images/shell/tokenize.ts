/**
 * Tokenizer for the simulated shell: splits a script into words and
 * operators, keeping quotes, `$(…)` and backquotes inside words.
 */

/** A syntax error, reported as busybox ash does: `sh: syntax error: unexpected "done"`. */
export class ShellSyntaxError extends Error {}

/** A word (quotes kept) or an operator such as `&&`, `;`, `2>&`. */
export type Token = { kind: 'word'; text: string } | { kind: 'op'; text: string };

const OPERATORS = ['&&', '||', ';;', ';', '&', '|', '(', ')', '\n'];

/** Splits a script into words and operators, keeping quotes inside words. */
export function tokenizeScript(script: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < script.length) {
    const ch = script[i];
    if (ch === ' ' || ch === '\t') { i++; continue; }
    const redirection = /^(\d?)(>>|>&|<&|>|<)/.exec(script.slice(i));
    if (redirection) {
      tokens.push({ kind: 'op', text: redirection[0] });
      i += redirection[0].length;
      continue;
    }
    if (ch === '\\' && script[i + 1] === '\n') { i += 2; continue; }
    if (ch === '#') {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    const op = OPERATORS.find((o) => script.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    const start = i;
    i = scanWord(script, i);
    tokens.push({ kind: 'word', text: script.slice(start, i) });
  }
  return tokens;
}

/** Returns the index after the word starting at `i`, skipping over quotes and `$(…)`. */
function scanWord(s: string, i: number): number {
  while (i < s.length) {
    const ch = s[i];
    if (' \t\n;&|()<>'.includes(ch)) return i;
    if (ch === '\\') { i += 2; continue; }
    if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated quoted string');
      i = end + 1;
      continue;
    }
    if (ch === '"') { i = skipDoubleQuoted(s, i); continue; }
    if (ch === '$' && s[i + 1] === '(') { i = skipParens(s, i + 1); continue; }
    if (ch === '`') {
      const end = s.indexOf('`', i + 1);
      if (end < 0) throw new ShellSyntaxError('unterminated quoted string');
      i = end + 1;
      continue;
    }
    i++;
  }
  return i;
}

function skipDoubleQuoted(s: string, i: number): number {
  i++;
  while (i < s.length && s[i] !== '"') {
    if (s[i] === '\\') i += 2;
    else if (s[i] === '$' && s[i + 1] === '(') i = skipParens(s, i + 1);
    else i++;
  }
  if (i >= s.length) throw new ShellSyntaxError('unterminated quoted string');
  return i + 1;
}

/** Skips a balanced `( … )` starting at the `(` at index `i`. */
export function skipParens(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      i = end < 0 ? s.length : end;
    } else if (ch === '"') {
      i = skipDoubleQuoted(s, i) - 1;
    } else if (ch === '\\') i++;
    i++;
  }
  throw new ShellSyntaxError('unexpected end of file (expecting ")")');
}
