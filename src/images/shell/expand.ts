/**
 * Word expansion for the simulated shell: quotes, parameters (`$VAR`,
 * `${VAR}`, `${VAR:-default}`, `$?`, `$$`), arithmetic `$((…))`, command
 * substitution `$(…)` and backquotes, and field splitting of unquoted results.
 * There is no pathname expansion, because the simulated file system has no
 * directories to match against.
 */
import { parseScript } from './parse';
import { ShellSyntaxError, skipParens } from './tokenize';
import type { ShellState } from './run';
import { executeNode, runInSubshell } from './run';

/** A piece of an expanded word; unquoted pieces are subject to field splitting. */
interface Piece {
  text: string;
  quoted: boolean;
}

/** Characters that start a quote, an escape or an expansion. A word without them expands to itself. */
const EXPANDING = /['"\\$`]/;

/** Expands words into a command's argument list, splitting unquoted expansions on blanks. */
export function expandWords(state: ShellState, words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    // Literal text is never split, so a word without quotes or expansions is one field (or none when empty).
    if (!EXPANDING.test(word)) {
      if (word !== '') out.push(word);
      continue;
    }
    out.push(...splitFields(expandPieces(state, word)));
  }
  return out;
}

/** Expands one word without field splitting, as for `NAME=value`. */
export function expandWord(state: ShellState, word: string): string {
  if (!EXPANDING.test(word)) return word;
  return expandPieces(state, word).map((p) => p.text).join('');
}

function splitFields(pieces: Piece[]): string[] {
  const fields: string[] = [];
  let current = '';
  let hasField = false;
  for (const piece of pieces) {
    if (piece.quoted) {
      current += piece.text;
      hasField = true;
      continue;
    }
    const parts = piece.text.split(/[ \t\n]+/);
    parts.forEach((part, i) => {
      if (i > 0 && hasField) {
        fields.push(current);
        current = '';
        hasField = false;
      }
      if (part !== '') {
        current += part;
        hasField = true;
      }
    });
  }
  if (hasField) fields.push(current);
  return fields;
}

function expandPieces(state: ShellState, word: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < word.length) {
    const ch = word[i];
    if (ch === "'") {
      const end = word.indexOf("'", i + 1);
      pieces.push({ text: word.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (ch === '"') {
      i = expandDoubleQuoted(state, word, i + 1, pieces);
    } else if (ch === '\\') {
      pieces.push({ text: word[i + 1] ?? '', quoted: true });
      i += 2;
    } else if (ch === '$' || ch === '`') {
      const { text, next } = expandDollar(state, word, i);
      pieces.push({ text, quoted: false });
      i = next;
    } else {
      // Literal text is never split, so it counts as quoted.
      pieces.push({ text: ch, quoted: true });
      i++;
    }
  }
  return pieces;
}

/** Expands the inside of `"…"` starting after the opening quote; returns the index after the closing one. */
function expandDoubleQuoted(state: ShellState, word: string, i: number, pieces: Piece[]): number {
  let text = '';
  while (i < word.length && word[i] !== '"') {
    const ch = word[i];
    if (ch === '\\' && '$`"\\\n'.includes(word[i + 1] ?? '')) {
      text += word[i + 1];
      i += 2;
    } else if (ch === '$' || ch === '`') {
      const expansion = expandDollar(state, word, i);
      text += expansion.text;
      i = expansion.next;
    } else {
      text += ch;
      i++;
    }
  }
  pieces.push({ text, quoted: true });
  return i + 1;
}

/** Expands the `$…` or backquoted construct at index `i`. */
function expandDollar(state: ShellState, word: string, i: number): { text: string; next: number } {
  if (word[i] === '`') {
    const end = word.indexOf('`', i + 1);
    return { text: substituteCommand(state, word.slice(i + 1, end)), next: end + 1 };
  }
  const next = word[i + 1];
  if (word.startsWith('$((', i)) {
    const end = skipParens(word, i + 1);
    const expression = expandWord(state, word.slice(i + 3, end - 2));
    return { text: String(evaluateArithmetic(state, expression)), next: end };
  }
  if (next === '(') {
    const end = skipParens(word, i + 1);
    return { text: substituteCommand(state, word.slice(i + 2, end - 1)), next: end };
  }
  if (next === '{') {
    const end = word.indexOf('}', i + 2);
    if (end < 0) throw new ShellSyntaxError('bad substitution');
    return { text: expandBraced(state, word.slice(i + 2, end)), next: end + 1 };
  }
  if (next !== undefined && /[?$#!@*\d-]/.test(next)) {
    return { text: specialParameter(state, next), next: i + 2 };
  }
  const m = /^[A-Za-z_]\w*/.exec(word.slice(i + 1));
  if (!m) return { text: '$', next: i + 1 };
  return { text: state.vars.get(m[0]) ?? '', next: i + 1 + m[0].length };
}

/** Expands `$?`, `$$`, `$#`, `$@`, `$*` and the positional parameters `$0`…`$9`. */
function specialParameter(state: ShellState, name: string): string {
  if (/^\d$/.test(name)) return state.positional[Number(name)] ?? '';
  switch (name) {
    case '?': return String(state.status);
    case '$': return '1';
    case '#': return String(state.positional.length - 1);
    // NOTE: "$@" joins the parameters into one field instead of keeping one field each.
    case '@':
    case '*': return state.positional.slice(1).join(' ');
    default: return '';
  }
}

/** Expands `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:=word}` and `${#NAME}`. */
function expandBraced(state: ShellState, inner: string): string {
  if (inner.startsWith('#') && inner.length > 1) return String((state.vars.get(inner.slice(1)) ?? '').length);
  const m = /^([A-Za-z_]\w*|[?$#!@*\d])(?:(:?)([-=+])(.*))?$/.exec(inner);
  if (!m) throw new ShellSyntaxError('bad substitution');
  const [, name, colon, op, operand] = m;
  const special = /^[?$#!@*\d]$/.test(name);
  const value = special ? specialParameter(state, name) : state.vars.get(name);
  const unset = value === undefined || (colon === ':' && value === '');
  if (op === undefined) return value ?? '';
  const word = expandWord(state, operand ?? '');
  if (op === '-') return unset ? word : value!;
  if (op === '+') return unset ? '' : word;
  if (unset) state.vars.set(name, word);
  return unset ? word : value!;
}

/** Runs a command substitution and returns its output without trailing newlines. */
function substituteCommand(state: ShellState, script: string): string {
  if (script.trim() === '') return '';
  const node = parseScript(script);
  state.substitutions++;
  const output = state.capture(() => { state.status = runInSubshell(state, () => executeNode(state, node)); });
  return output.replace(/\n+$/, '');
}

/**
 * Evaluates shell arithmetic with integers: `+ - * / %`, comparisons,
 * parentheses and variable names. Division by zero yields an error and 0.
 */
export function evaluateArithmetic(state: ShellState, expression: string): number {
  const tokens = expression.match(/\d+|[A-Za-z_]\w*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let pos = 0;
  const value = (name: string) => Math.trunc(Number(state.vars.get(name) ?? 0)) || 0;

  const primary = (): number => {
    const t = tokens[pos++];
    if (t === '(') {
      const v = binary(0);
      pos++;
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() === 0 ? 1 : 0;
    if (t === undefined) return 0;
    return /^\d/.test(t) ? Number(t) : value(t);
  };
  const levels: string[][] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
      case '%':
        if (b === 0) {
          state.error('arithmetic syntax error: divide by zero');
          return 0;
        }
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '<': return Number(a < b);
      case '>': return Number(a > b);
      case '<=': return Number(a <= b);
      case '>=': return Number(a >= b);
      case '==': return Number(a === b);
      case '!=': return Number(a !== b);
      case '&&': return Number(a !== 0 && b !== 0);
      default: return Number(a !== 0 || b !== 0);
    }
  };
  const binary = (level: number): number => {
    if (level === levels.length) return primary();
    let left = binary(level + 1);
    while (pos < tokens.length && levels[level].includes(tokens[pos])) {
      const op = tokens[pos++];
      left = apply(op, left, binary(level + 1));
    }
    return left;
  };
  return binary(0);
}
